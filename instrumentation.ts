// Next.js calls register() once when the server starts: the daily health rescore runs here.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.BOWTIE_JOBS === "off") return;
  const { startDailyHealthJob } = await import("@/lib/jobs/daily-health");
  startDailyHealthJob();
}
