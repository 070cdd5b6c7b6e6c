import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { safeRedirectPath, safeRedirectUrl } from "@/lib/auth/redirect";
import { passwordProblem, PASSWORD_MAX_BYTES } from "@/lib/auth/password-policy";
import { neutraliseCell, toCsv } from "@/lib/api/csv";
import { clientAddress } from "@/lib/auth/client-address";
import {
  CLIENT_POLICY,
  delayAfter,
  EMAIL_POLICY,
  nextFailures,
  startsLockout,
  waitMs,
} from "@/lib/domain/sign-in-throttle";
import { pageCsp } from "@/lib/security-headers";
import { canOnAnyAccount } from "@/lib/auth/policy";

const APP = "http://localhost:3104";

describe("after sign-in, the browser goes only to this origin", () => {
  it.each([
    ["/%5Cevil.example/x", "backslash"],
    ["/\\evil.example/x", "decoded backslash"],
    ["/\t/evil.example", "tab"],
    ["/\n/evil.example", "newline"],
    ["//evil.example", "protocol-relative"],
    ["https://evil.example/", "absolute"],
    ["http://localhost:3104.evil.example/", "look-alike host"],
    ["javascript:alert(1)", "script URL"],
    ["http://localhost:9999/accounts", "other port"],
  ])("refuses %s (%s)", (candidate) => {
    const decoded = (() => {
      try {
        return decodeURIComponent(candidate);
      } catch {
        return candidate;
      }
    })();
    for (const value of [candidate, decoded]) {
      const path = safeRedirectPath(value, APP);
      if (path !== null) expect(new URL(path, APP).origin).toBe(APP);
      expect(new URL(safeRedirectUrl(value, APP)).origin).toBe(APP);
    }
    expect(safeRedirectPath(decoded, APP)).toBeNull();
  });

  it("keeps a path that collapses to protocol-relative a path", () => {
    const path = safeRedirectPath("/.//evil.example/x", APP);
    expect(path).toBe("/evil.example/x");
    expect(new URL(path!, APP).origin).toBe(APP);
  });

  it("keeps same-origin paths with their query and hash, relative or absolute", () => {
    expect(safeRedirectPath("/accounts?band=red#top", APP)).toBe("/accounts?band=red#top");
    expect(safeRedirectPath(`${APP}/renewals`, APP)).toBe("/renewals");
    expect(safeRedirectPath("/scorecard")).toBe("/scorecard");
    expect(safeRedirectPath(undefined, APP)).toBeNull();
  });
});

describe("password policy (NIST 800-63B)", () => {
  it("wants at least 12 characters", () => {
    expect(passwordProblem("short-pass1")).toMatch(/12 characters/);
    expect(passwordProblem("a quiet lake at dawn")).toBeNull();
  });

  it("refuses more than bcrypt's 72 bytes instead of cutting silently", () => {
    expect(passwordProblem("x".repeat(PASSWORD_MAX_BYTES))).toBeNull();
    expect(passwordProblem("x".repeat(PASSWORD_MAX_BYTES + 1))).toMatch(/72 bytes/);
    // 30 characters, but 90 bytes in UTF-8.
    expect(passwordProblem("日本語".repeat(10))).toMatch(/72 bytes/);
  });

  it("refuses the most common passwords, whatever their case", () => {
    for (const common of ["password1234", "qwertyuiop123", "123456789012", "PASSWORD1234"]) {
      expect(passwordProblem(common), common).toMatch(/too common/);
    }
  });

  it("refuses the user's own email or name", () => {
    expect(passwordProblem("nora.newhire@example.com", { email: "nora.newhire@example.com" })).toMatch(/email/);
    expect(passwordProblem("Nora Newhire-Smith", { name: "nora newhire-smith" })).toMatch(/name/);
  });
});

describe("CSV cells that a spreadsheet would run as formulas", () => {
  it.each(['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])(
    "are written as text: %j",
    (value) => {
      expect(neutraliseCell(value)).toBe(`'${value}`);
      const [[cell]] = Papa.parse<string[]>(toCsv(["name"], [[value]], { header: false })).data;
      expect(cell.startsWith("'")).toBe(true);
    },
  );

  it("leaves numbers, ordinary text and empty cells alone", () => {
    expect(neutraliseCell(-12.5)).toBe(-12.5);
    expect(neutraliseCell("-12.50")).toBe("-12.50");
    expect(neutraliseCell("+44")).toBe("+44");
    expect(neutraliseCell("Acme = best")).toBe("Acme = best");
    expect(neutraliseCell("")).toBe("");
    expect(neutraliseCell(null)).toBe(null);
  });
});

describe("sign-in throttle rules", () => {
  const at = (ms: number) => new Date(ms);
  it("allows a few mistakes, then doubles the wait up to a ceiling", () => {
    expect(delayAfter(EMAIL_POLICY.free, EMAIL_POLICY)).toBe(0);
    expect(delayAfter(EMAIL_POLICY.free + 1, EMAIL_POLICY)).toBe(30_000);
    expect(delayAfter(EMAIL_POLICY.free + 2, EMAIL_POLICY)).toBe(60_000);
    expect(delayAfter(EMAIL_POLICY.free + 3, EMAIL_POLICY)).toBe(120_000);
    expect(delayAfter(EMAIL_POLICY.free + 40, EMAIL_POLICY)).toBe(EMAIL_POLICY.maxDelayMs);
    expect(startsLockout(EMAIL_POLICY.free + 1, EMAIL_POLICY)).toBe(true);
    expect(delayAfter(CLIENT_POLICY.free + 1, CLIENT_POLICY)).toBeGreaterThan(0);
  });

  it("counts the wait from the last failure and forgets a quiet key", () => {
    const state = { failures: EMAIL_POLICY.free + 1, lastFailureAt: at(1_000_000) };
    expect(waitMs(state, 1_000_000, EMAIL_POLICY)).toBe(30_000);
    expect(waitMs(state, 1_020_000, EMAIL_POLICY)).toBe(10_000);
    expect(waitMs(state, 1_030_000, EMAIL_POLICY)).toBe(0);
    expect(nextFailures(state, 1_030_000, EMAIL_POLICY)).toBe(EMAIL_POLICY.free + 2);
    expect(nextFailures(state, 1_000_000 + EMAIL_POLICY.forgetAfterMs, EMAIL_POLICY)).toBe(1);
    expect(waitMs(null, 0, EMAIL_POLICY)).toBe(0);
  });
});

describe("client address", () => {
  it("takes the entry nearest to Bowtie in X-Forwarded-For", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.7" }))).toBe("10.0.0.7");
    expect(clientAddress({ "x-forwarded-for": "::ffff:127.0.0.1" })).toBe("127.0.0.1");
    expect(clientAddress(new Headers())).toBeNull();
  });
});

describe("content security policy", () => {
  it("allows scripts only with the nonce, frames nowhere, and eval only in development", () => {
    const csp = pageCsp("abc", { dev: false, https: true });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("upgrade-insecure-requests");
    expect(pageCsp("abc", { dev: true, https: false })).toContain("'unsafe-eval'");
  });
});

describe("who may hear that a record does not exist", () => {
  it("only roles that may act on every account", () => {
    expect(canOnAnyAccount({ id: 1, role: "manager" }, "account:edit")).toBe(true);
    expect(canOnAnyAccount({ id: 1, role: "csm" }, "account:edit")).toBe(false);
    expect(canOnAnyAccount({ id: 1, role: "ae" }, "renewal:edit")).toBe(false);
  });
});
