// npm run bench:playbooks — the daily job's playbook step on PostgreSQL (DATABASE_URL): every
// enabled playbook over every active account, as the daily job runs it (lib/jobs/daily-health.ts),
// then the same run again (the retry a queue may deliver: it must find nothing left to do).
// Load data first: `npm run bench:seed`, then `npm run health:recompute` (the playbooks read the
// scores). It writes tasks and outbox messages into the database it measures. Without SMTP_URL
// the email steps go to the outbox, which is what this measures.
import { runPlaybooks } from "@/lib/data/playbooks/engine";
import { openDb } from "@/lib/db/client";
import { clock } from "@/lib/clock";
import { time } from "./bench-http";

if (!process.env.DATABASE_URL)
  throw new Error("Set DATABASE_URL to a PostgreSQL database loaded by `npm run bench:seed`.");
const handle = openDb();
const db = handle.prisma;
const asOf = clock.today();
try {
  const [accounts, tasks, messages] = await Promise.all([
    db.account.count({ where: { status: "active" } }),
    db.task.count(),
    db.emailMessage.count(),
  ]);
  console.log(
    `Playbook step as of ${asOf}: ${accounts.toLocaleString()} active accounts, ${tasks.toLocaleString()} tasks and ` +
      `${messages.toLocaleString()} stored messages before.`,
  );
  for (const label of ["first run", "second run (a retry)"]) {
    const [result, ms] = await time(() => runPlaybooks(db, { asOf }));
    console.log(
      `  ${label}: ${(ms / 1000).toFixed(1)} s — ${result.created.toLocaleString()} tasks opened, ` +
        `${result.emails.toLocaleString()} email steps recorded and sent`,
    );
  }
  console.log(`  stored messages after: ${(await db.emailMessage.count()).toLocaleString()}`);
} finally {
  await handle.close();
}
