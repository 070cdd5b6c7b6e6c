import { apiRoute, notAllowed, ok } from "@/lib/api/handler";
import { listThemes } from "@/lib/data/feedback/feedback";

// GET /api/v1/feedback/themes — themes ranked by ARR at stake, then red + yellow ARR.
export const GET = apiRoute({
  handler: async () =>
    ok(
      (await listThemes({ limit: 200 })).map((t) => ({
        title: t.title,
        status: t.status,
        items: t.items,
        accounts: t.accounts,
        arrAtStake: t.arrAtStake,
        redYellowArr: t.redYellowArr,
        escalatedAt: t.escalatedAt,
      })),
    ),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = notAllowed("GET");
