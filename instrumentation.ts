// Next.js calls register() once when the server starts: the database is opened (an embedded
// folder is taken and served to the CLI on its socket) and the daily health rescore runs here.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Requests take turns on the embedded database in the order they arrive (lib/db/pglite-gate.ts).
  const { ticketEveryRequest } = await import("@/lib/db/request-scope");
  ticketEveryRequest();
  const { connectDb } = await import("@/lib/db");
  await connectDb();
  if (process.env.BOWTIE_JOBS === "off") return;
  const { startJobs } = await import("@/lib/jobs/queue");
  // The app serves pages even when the queue cannot start; the error is logged, the jobs wait.
  void startJobs().catch((error) => console.error("[jobs] the job queue did not start", error));
}
