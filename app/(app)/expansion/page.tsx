import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { PipelineBoard } from "@/components/expansion/pipeline-board";
import { ReadyList } from "@/components/expansion/ready-list";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { getExpansionBoard } from "@/lib/data/expansion/pipeline";
import { listExpansionReady } from "@/lib/data/expansion/triggers";
import { loadArrFacts } from "@/lib/data/dashboards/metrics";
import { addDays } from "@/lib/domain/dates";
import { UPSELL_CONVERSION_TARGET } from "@/lib/domain/expansion";
import { netRevenueRetention } from "@/lib/domain/metrics";
import { formatMoney, formatPercent } from "@/lib/format";
import { clock } from "@/lib/clock";

export const metadata: Metadata = { title: "Expansion" };

const READY_SHOWN = 25;

export default async function ExpansionPage() {
  const user = await requirePermission("expansion:read");
  const today = clock.today();
  const [board, ready, arr] = await Promise.all([
    getExpansionBoard(user, today),
    listExpansionReady(today, user.role === "ae" ? { aeId: user.id } : user.role === "csm" ? { csmId: user.id } : {}),
    loadArrFacts({ from: addDays(today, -364), to: today }),
  ]);
  const nrr = netRevenueRetention(arr);
  const shownIds = [...new Set(board.columns.flatMap((c) => c.deals.map((d) => d.accountExternalId)))];
  const owners = await db.account.findMany({
    where: { externalId: { in: shownIds } },
    select: { id: true, externalId: true, csmId: true, aeId: true },
  });
  const editable = new Map(owners.filter((a) => can(user, "expansion:edit", a)).map((a) => [a.externalId, a.id]));
  const won = board.totals.find((t) => t.stage === "won");
  const conversionTone =
    board.conversion === null ? "default" : board.conversion > UPSELL_CONVERSION_TARGET ? "good" : "bad";

  return (
    <>
      <PageHeader
        title="Expansion pipeline"
        description={`Open deals by stage and deals closed in the last 12 months${user.role === "ae" || user.role === "csm" ? ", for your accounts and the deals you own" : ""}. A won deal adds its ARR to the account and counts as expansion in NRR.`}
      />
      <StatGrid>
        <Stat label="Open pipeline" value={formatMoney(board.openArr)} hint="Identified to negotiation" />
        <Stat label="Won, 12 months" value={formatMoney(won?.arr ?? 0)} hint={`${board.won} deals`} tone="good" />
        <Stat
          label="Upsell conversion"
          value={board.conversion === null ? "—" : formatPercent(board.conversion, 0)}
          hint={`Won / closed, 12 months · target above ${formatPercent(UPSELL_CONVERSION_TARGET)} · ${board.won} won, ${board.lost} lost`}
          tone={conversionTone}
        />
        <Stat
          label="NRR, trailing 12 months"
          value={nrr === null ? "—" : formatPercent(nrr, 1)}
          hint="Whole book · target 110–120%"
        />
      </StatGrid>
      <ReadyList accounts={ready.slice(0, READY_SHOWN)} total={ready.length} />
      <PipelineBoard
        board={board}
        editable={(externalId) => {
          const id = editable.get(externalId);
          return id === undefined ? null : { accountId: id };
        }}
      />
    </>
  );
}
