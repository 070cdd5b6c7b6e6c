import { apiRoute, notAllowed, ok } from "@/lib/api/handler";
import { recordQbrAttendance } from "@/lib/data/qbrs/qbrs";
import { ZQbrAttendance, ZQbrParams } from "@/lib/validation/qbr";

// PUT /api/v1/qbrs/{id}/attendance — {contactEmails, attended}: the QBR touchpoint (relationship
// score) and the follow-up task. Repeating it updates the same touchpoint.
export const PUT = apiRoute({
  params: ZQbrParams,
  body: ZQbrAttendance,
  handler: async ({ params, body, actor }) => ok(await recordQbrAttendance(params.id, body, actor)),
});

export const { GET, POST, PATCH, DELETE, OPTIONS } = notAllowed("PUT");
