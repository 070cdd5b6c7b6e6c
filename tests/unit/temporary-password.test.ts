import { describe, expect, it } from "vitest";
import { generateTemporaryPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";

describe("generateTemporaryPassword", () => {
  it("gives four groups of five unambiguous characters that pass the password policy, different each time", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generateTemporaryPassword();
      expect(p).toMatch(/^[a-km-np-z2-9]{5}(-[a-km-np-z2-9]{5}){3}$/);
      expect(passwordProblem(p)).toBeNull();
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});
