// The kinds of security event the audit log records (lib/data/platform/security-events.ts writes them).

export const SECURITY_EVENT_TYPES = [
  "sign_in",
  "sign_in_failed",
  "lockout",
  "sign_out",
  "password_changed",
  "password_reset",
  "user_created",
  "user_role_changed",
  "user_deactivated",
  "user_reactivated",
  "api_key_created",
  "api_key_revoked",
  "api_key_new_address",
] as const;

export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

export const SECURITY_EVENT_LABELS: Record<SecurityEventType, string> = {
  sign_in: "Signed in",
  sign_in_failed: "Sign-in failed",
  lockout: "Sign-in locked out",
  sign_out: "Signed out",
  password_changed: "Password changed",
  password_reset: "Password reset by an admin",
  user_created: "User created",
  user_role_changed: "Role changed",
  user_deactivated: "User deactivated",
  user_reactivated: "User reactivated",
  api_key_created: "API key created",
  api_key_revoked: "API key revoked",
  api_key_new_address: "API key used from a new address",
};
