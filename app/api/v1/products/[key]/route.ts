import { apiRoute, notAllowed, saved } from "@/lib/api/handler";
import { saveProduct } from "@/lib/data/whitespace/whitespace";
import { ZProductParams, ZProductUpsert } from "@/lib/validation/growth";

// PUT /api/v1/products/{key} — the product catalogue (the whitespace matrix's columns).
export const PUT = apiRoute({
  params: ZProductParams,
  body: ZProductUpsert,
  handler: async ({ params, body, actor }) => saved(await saveProduct(params.key, body, actor)),
});

export const { GET, POST, PATCH, DELETE, OPTIONS } = notAllowed("PUT");
