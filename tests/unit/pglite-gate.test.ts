import { describe, expect, it } from "vitest";
import { DatabaseBusyError, DbGate, isDatabaseBusy } from "@/lib/db/pglite-gate";
import { newTicket, withTicket } from "@/lib/db/request-scope";

const tick = () => new Promise((r) => setTimeout(r, 5));

/** A request: `steps` statements one after another, each holding the gate for a moment. */
async function request(gate: DbGate, name: string, steps: number, log: string[]) {
  for (let i = 0; i < steps; i++) {
    await gate.run(async () => {
      log.push(`${name}${i}`);
      await tick();
    });
  }
  log.push(`${name} done`);
}

describe("the embedded database's queue", () => {
  it("finishes requests in the order they arrived, not statement by statement", async () => {
    const gate = new DbGate({ maxDepth: 10, maxWaitMs: 5_000 });
    const log: string[] = [];
    await Promise.all(["a", "b", "c"].map((name) => withTicket(() => request(gate, name, 3, log))));
    expect(log.filter((l) => l.endsWith("done"))).toEqual(["a done", "b done", "c done"]);
    // The newest request waits while older ones still have statements to run: its queries
    // do not take turns with theirs (which would let every request finish late).
    expect(log.indexOf("c0")).toBeGreaterThan(log.indexOf("a done"));
  });

  it("refuses new requests past its depth with a retry hint, but never one already under way", async () => {
    const gate = new DbGate({ maxDepth: 2, maxWaitMs: 5_000 });
    const holder = newTicket();
    const release = await gate.acquire(holder);
    const waiting = [gate.acquire(newTicket()), gate.acquire(newTicket())];
    const refused = await gate.acquire(newTicket()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DatabaseBusyError);
    expect(isDatabaseBusy(refused)).toBe(true);
    expect((refused as DatabaseBusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // The request holding a turn may queue its next statement even though the queue is full.
    const more = gate.acquire(holder);
    release();
    // The older request goes first, then the others in their order.
    (await more)();
    for (const w of waiting) (await w)();
    expect(gate.held).toBe(false);
  });

  it("gives up on a wait that is too long instead of queueing forever", async () => {
    const gate = new DbGate({ maxDepth: 10, maxWaitMs: 50 });
    const release = await gate.acquire(newTicket());
    await expect(gate.acquire(newTicket())).rejects.toThrow(/Waited/);
    release();
    const again = await gate.acquire(newTicket());
    again();
  });
});
