// npm run jobs:worker
// A job-queue worker without the web server: the same workers `npm start` runs
// (lib/jobs/queue.ts), for a deployment that keeps background work off the web replicas, and
// for the multi-replica test. Stops cleanly on SIGINT/SIGTERM.
import { closeDb, dbHandle } from "@/lib/db";
import { startJobs } from "@/lib/jobs/queue";

const polling = Number(process.env.BOWTIE_JOBS_POLL_SECONDS);
const runner = await startJobs(
  dbHandle,
  Number.isFinite(polling) && polling > 0 ? { pollingIntervalSeconds: polling } : {},
);
console.log(`[jobs] worker ${process.pid} started`);

const stop = async () => {
  await runner.stop();
  await closeDb();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
