import { apiRoute, notAllowed, ok } from "@/lib/api/handler";
import { getQbrDocument } from "@/lib/data/qbrs/qbrs";
import { ZQbrParams } from "@/lib/validation/qbr";

// GET /api/v1/qbrs/{id} — the QBR's 60-minute document: {sections:[{key, title, minutes, content}]}.
export const GET = apiRoute({
  params: ZQbrParams,
  handler: async ({ params }) => ok(await getQbrDocument(params.id)),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = notAllowed("GET");
