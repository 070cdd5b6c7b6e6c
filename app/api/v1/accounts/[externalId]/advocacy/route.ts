import { apiRoute, notAllowed, saved } from "@/lib/api/handler";
import { logAdvocacy } from "@/lib/data/advocacy/advocacy";
import { ZAccountParams } from "@/lib/validation/api";
import { ZAdvocacyCreate } from "@/lib/validation/growth";

// POST /api/v1/accounts/{externalId}/advocacy — an ask of an advocate (409 past the per-quarter limit).
export const POST = apiRoute({
  params: ZAccountParams,
  body: ZAdvocacyCreate,
  handler: async ({ params, body, actor }) => {
    const { created, record, warning } = await logAdvocacy(params.externalId, body, actor);
    return saved({ created, record: { ...record, warning } });
  },
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = notAllowed("POST");
