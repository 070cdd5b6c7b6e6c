import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { qbrInvite } from "@/lib/data/qbrs/qbrs";
import { ZQbrParams } from "@/lib/validation/qbr";
import { db } from "@/lib/db";

// The QBR's .ics for a signed-in user (the QBR page's "Add to calendar"): the same file as
// GET /api/v1/qbrs/{id}/invite.ics, authorised by the session like the account page.
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  const params = ZQbrParams.safeParse(await context.params);
  if (!params.success) return new Response("Not found.", { status: 404 });
  const qbr = await db.qbr.findUnique({
    where: { id: params.data.id },
    select: { account: { select: { csmId: true, aeId: true } } },
  });
  if (!qbr || !can(user, "account:read", qbr.account)) return new Response("Not found.", { status: 404 });
  const invite = await qbrInvite(params.data.id);
  return new Response(invite.ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${invite.filename.replace(/[^\w.-]/g, "_")}"`,
    },
  });
}
