import { z } from "zod";

export const ZOverrideSet = z.object({
  accountId: z.coerce.number().int().positive(),
  band: z.enum(["red", "yellow", "green", "purple"], { message: "Pick a band." }),
  reason: z.string().trim().min(3, "Say why in a few words.").max(500),
});

export const ZOverrideClear = z.object({ accountId: z.coerce.number().int().positive() });
