import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { addDays } from "@/lib/domain/dates";
import { listTriage } from "@/lib/data/accounts/triage";
import { countTeamOwners, listTeamTasks } from "@/lib/data/tasks/team";
import { ZTriageQuery } from "@/lib/validation/triage";
import { makeAccount, makeTask, makeUser } from "../factories/tasks";

type Viewer = Parameters<typeof listTriage>[0];
const viewer = (u: { id: number; role: Viewer["role"] }): Viewer => ({
  id: u.id,
  role: u.role,
  email: `${u.id}@x.test`,
  name: "Viewer",
  active: true,
});
const query = (params: Record<string, string> = {}) => ZTriageQuery.parse(params);

describe("the accounts list by book", () => {
  it("an AE sees their own book by default, everyone's with 'all', and another AE's by picking them; executives read every book", async () => {
    const today = clock.today();
    const ae = viewer(await makeUser("ae"));
    const otherAe = await makeUser("ae");
    const csm = await makeUser("csm");
    const mine = await makeAccount({ asOf: today, csmId: csm.id });
    const theirs = await makeAccount({ asOf: today, csmId: csm.id });
    const nobodys = await makeAccount({ asOf: today, csmId: csm.id });
    await db.account.update({ where: { id: mine.id }, data: { aeId: ae.id } });
    await db.account.update({ where: { id: theirs.id }, data: { aeId: otherAe.id } });
    const names = async (v: Viewer, params: Record<string, string> = {}) =>
      (await listTriage(v, query(params), 100)).rows.map((r) => r.externalId).sort();

    expect(await names(ae)).toEqual([mine.externalId]);
    expect(await names(ae, { ae: String(otherAe.id) })).toEqual([theirs.externalId]);
    expect(await names(ae, { ae: "all" })).toEqual([mine, theirs, nobodys].map((a) => a.externalId).sort());
    const executive = viewer(await makeUser("executive"));
    expect(await names(executive)).toEqual([mine, theirs, nobodys].map((a) => a.externalId).sort());
    expect(await names(executive, { ae: String(ae.id) })).toEqual([mine.externalId]);
    // The filter form sends every field; an empty renewal window is no filter.
    expect(await names(executive, { ae: "all", renewal: "", csm: "", segment: "" })).toHaveLength(3);
    // A CSM's list stays their own book whatever the URL says.
    expect((await listTriage(viewer(csm), query({ ae: String(otherAe.id) }), 100)).total).toBe(3);
  });
});

describe("the team task view", () => {
  it("groups open tasks by owner, people with the most overdue work first, each person's most overdue task on top", async () => {
    await db.task.deleteMany();
    const today = clock.today();
    const [ana, ben, cy] = [await makeUser("csm"), await makeUser("csm"), await makeUser("ae")];
    await db.user.update({ where: { id: cy.id }, data: { active: false } });
    const account = await makeAccount({ asOf: today, csmId: ana.id });
    const t = (ownerId: number, days: number, status: "open" | "done" = "open") =>
      makeTask({ ownerId, accountId: account.id, dueDate: addDays(today, days), status });
    await t(ana.id, 5);
    await t(ana.id, -1);
    await t(ana.id, 2);
    const benLate = await t(ben.id, -10);
    await t(ben.id, -2);
    await t(ben.id, -30, "done");
    await t(cy.id, 1);

    const { owners, total } = await listTeamTasks({ page: 1, pageSize: 10, perOwner: 2 });
    expect(total).toBe(3);
    expect(await countTeamOwners()).toBe(3);
    expect(owners.map((o) => [o.id, o.overdue, o.open, o.active])).toEqual([
      [ben.id, 2, 2, true],
      [ana.id, 1, 3, true],
      [cy.id, 0, 1, false],
    ]);
    expect(owners[0].tasks[0]).toMatchObject({ id: benLate.id, overdue: true, dueInDays: -10 });
    expect(owners[1].tasks.map((task) => task.dueInDays)).toEqual([-1, 2]);

    const second = await listTeamTasks({ page: 2, pageSize: 2, perOwner: 2 });
    expect(second.owners.map((o) => o.id)).toEqual([cy.id]);
  });
});
