import { z } from "zod";
import { ZId } from "./fields";

export const ZOverrideSet = z.object({
  accountId: ZId,
  band: z.enum(["red", "yellow", "green", "purple"], { message: "Pick a band." }),
  reason: z.string().trim().min(3, "Say why in a few words.").max(500),
});

export const ZOverrideClear = z.object({ accountId: ZId });
