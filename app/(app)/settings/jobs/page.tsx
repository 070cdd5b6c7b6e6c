import type { Metadata } from "next";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { listRecentJobs, type JobRow } from "@/lib/data/jobs/recent-jobs";

export const metadata: Metadata = { title: "Jobs · Settings" };

const QUEUE_LABELS: Record<string, string> = {
  daily: "Daily update",
  "daily-check": "Daily update check",
  "scorecard-week": "Scorecard week under way",
  "purge-idempotency-keys": "Expired API retry keys",
};

const SCHEDULE_LABELS: Record<string, string> = {
  "daily-check": "Every 15 minutes: queues today's daily update if it has not run",
  "scorecard-week": "Every 10 minutes: stores the scorecard's figures for the week under way",
  "purge-idempotency-keys": "Hourly: removes API retry keys older than 24 hours",
};

const STATES: Record<string, { label: string; tone: BadgeTone }> = {
  created: { label: "Queued", tone: "slate" },
  retry: { label: "Retrying", tone: "yellow" },
  active: { label: "Running", tone: "brand" },
  completed: { label: "Done", tone: "green" },
  cancelled: { label: "Cancelled", tone: "slate" },
  failed: { label: "Failed", tone: "red" },
};

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 19).replace("T", " ") : "—");

const RESULT_LABELS: Record<string, string> = {
  rescored: "accounts rescored",
  renewals: "renewals",
  stageChanges: "stage changes",
  scorecardWeeks: "scorecard weeks",
  purged: "keys removed",
  dashboardRollups: "dashboard aggregates stored",
  statistics: "planner statistics",
};

/** "accounts rescored 142 · renewals: 3 created, 94 tasks · …" from a job's stored result. */
function outcome(job: JobRow): string {
  if (job.error) return job.error;
  if (!job.summary) return "";
  const value = (v: unknown): string =>
    v && typeof v === "object"
      ? Object.entries(v)
          .map(([k, n]) => `${String(n)} ${k}`)
          .join(", ")
      : String(v);
  return Object.entries(job.summary)
    .filter(([key]) => key !== "asOf")
    .map(([key, v]) => `${RESULT_LABELS[key] ?? key}: ${value(v)}`)
    .join(" · ");
}

export default async function JobsPage() {
  await requirePermission("jobs:view");
  const { jobs, schedules } = await listRecentJobs();
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Background jobs"
          description="The daily update rescores every account, moves renewals into their windows, follows lifecycle stages and stores the scorecard's weeks. It runs once a day however many app servers are running; a failed job is retried with growing pauses (1, 2, 4, 8, 16 minutes). Newest first, the last 50."
        />
        {jobs.length === 0 ? (
          <EmptyState title="No jobs yet">The job queue starts with the app; its first jobs appear here.</EmptyState>
        ) : (
          <Table label="Background jobs">
            <thead>
              <tr>
                <Th>Job</Th>
                <Th>For day</Th>
                <Th>State</Th>
                <Th>Retries</Th>
                <Th>Queued (UTC)</Th>
                <Th>Finished (UTC)</Th>
                <Th>Result or error</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {jobs.map((job) => {
                const state = STATES[job.state] ?? { label: job.state, tone: "slate" as const };
                return (
                  <tr key={`${job.queue}:${job.id}`} data-testid="job-row">
                    <Td className="font-medium text-slate-900">{QUEUE_LABELS[job.queue] ?? job.queue}</Td>
                    <Td className="font-mono text-xs">{job.asOf ?? "—"}</Td>
                    <Td>
                      <Badge tone={state.tone}>{state.label}</Badge>
                    </Td>
                    <Td>
                      {job.attempts} of {job.retryLimit}
                    </Td>
                    <Td className="font-mono text-xs">{when(job.createdAt)}</Td>
                    <Td className="font-mono text-xs">{when(job.completedAt)}</Td>
                    <Td
                      className={
                        job.error
                          ? "whitespace-normal text-xs text-red-700"
                          : "whitespace-normal text-xs text-slate-500"
                      }
                    >
                      {outcome(job)}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </Card>
      {schedules.length > 0 && (
        <Card>
          <CardHeader
            title="Schedules"
            description="Recurring jobs. Each runs once per time slot across all app servers."
          />
          <ul className="divide-y divide-slate-100 text-sm">
            {schedules.map((s) => (
              <li key={s.queue} className="flex flex-wrap items-baseline justify-between gap-2 px-5 py-3">
                <span className="text-slate-800">{SCHEDULE_LABELS[s.queue] ?? QUEUE_LABELS[s.queue] ?? s.queue}</span>
                <code className="text-xs text-slate-500">{s.cron} (UTC)</code>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
