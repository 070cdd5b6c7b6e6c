import { z } from "zod";
import { ZSuccessPlanUpsert } from "./api";
import { ZId } from "./fields";

// The account page's success-plan form: FormData in, so blanks are "not given" (cleared) and
// numbers arrive as text. A new outcome's key is made from its title.

const blankToNull = (v: unknown) => (v === "" || v === undefined ? null : v);
const num = z.preprocess((v) => (blankToNull(v) === null ? null : Number(v)), z.number().finite().nullable());

export const ZSuccessPlanForm = z
  .object({
    accountId: ZId,
    key: z.preprocess(blankToNull, z.string().max(100).nullable()),
    title: z.string(),
    dueDate: z.string(),
    achieved: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
    metric: z.preprocess(blankToNull, z.string().nullable()),
    baseline: num,
    target: num,
    current: num,
    annualValue: num,
  })
  .transform(({ accountId, key, ...rest }, ctx) => {
    const parsed = ZSuccessPlanUpsert.safeParse(rest);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return z.NEVER;
    }
    const slug = rest.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60);
    return { accountId, key: key ?? (slug || "outcome"), input: parsed.data };
  });
