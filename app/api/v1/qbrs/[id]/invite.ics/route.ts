import { apiRoute, notAllowed, textFile } from "@/lib/api/handler";
import { qbrInvite } from "@/lib/data/qbrs/qbrs";
import { ZQbrParams } from "@/lib/validation/qbr";

// GET /api/v1/qbrs/{id}/invite.ics — the calendar invitation (text/calendar).
export const GET = apiRoute({
  params: ZQbrParams,
  handler: async ({ params }) => textFile((await qbrInvite(params.id)).ics, "text/calendar; charset=utf-8"),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = notAllowed("GET");
