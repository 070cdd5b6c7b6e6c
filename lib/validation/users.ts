import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const ZUserCreate = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(120),
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  role: z.enum(ROLES, { message: "Pick a role." }),
  password: z.string().min(10, "Use at least 10 characters.").max(200),
});

export type TUserCreate = z.infer<typeof ZUserCreate>;
