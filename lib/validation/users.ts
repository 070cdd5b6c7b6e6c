import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { passwordProblem } from "@/lib/auth/password-policy";

/** A password a person chooses: the NIST 800-63B policy in lib/auth/password-policy.ts. */
export const ZNewPassword = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const ZUserCreate = z
  .object({
    name: z.string().trim().min(1, "Enter a name.").max(120),
    email: z.string().trim().toLowerCase().email("Enter a valid email address."),
    role: z.enum(ROLES, { message: "Pick a role." }),
    password: ZNewPassword,
  })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, { email: value.email, name: value.name });
    if (problem && !passwordProblem(value.password))
      ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZUserUpdate = z.object({
  id: z.coerce.number().int().positive(),
  role: z.enum(ROLES, { message: "Pick a role." }).optional(),
  active: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
});

export const ZPasswordChange = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(1024),
    newPassword: ZNewPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords don't match.",
  });

/** An admin resets someone's password: the one typed, or (left blank) a generated one shown once. */
export const ZPasswordReset = z.object({
  id: z.coerce.number().int().positive(),
  password: z
    .string()
    .max(1024)
    .optional()
    .transform((s) => s || undefined),
});
