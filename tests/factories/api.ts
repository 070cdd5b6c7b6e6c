// Calls the /api/v1 route handlers directly, as Next would: a real Request, and params as a
// promise. A small router maps a path to its route file so tests read like HTTP calls.
import { db } from "@/lib/db";
import type { RouteContext } from "@/lib/api/handler";
import { createApiKey } from "@/lib/data/platform/api-keys";
import type { Role } from "@/lib/auth/roles";
import { addDays } from "@/lib/domain/dates";
import type { TAccountUpsert, TUsageDay } from "@/lib/validation/api";
import * as accounts from "@/app/api/v1/accounts/route";
import * as account from "@/app/api/v1/accounts/[externalId]/route";
import * as usage from "@/app/api/v1/accounts/[externalId]/usage/route";
import * as contact from "@/app/api/v1/accounts/[externalId]/contacts/[email]/route";
import * as tickets from "@/app/api/v1/accounts/[externalId]/tickets/route";
import * as surveys from "@/app/api/v1/accounts/[externalId]/surveys/route";
import * as touchpoints from "@/app/api/v1/accounts/[externalId]/touchpoints/route";
import * as outcome from "@/app/api/v1/accounts/[externalId]/outcomes/[key]/route";
import * as renewal from "@/app/api/v1/accounts/[externalId]/renewal/route";
import * as expansion from "@/app/api/v1/accounts/[externalId]/expansions/[key]/route";
import * as health from "@/app/api/v1/accounts/[externalId]/health/route";
import * as renewals from "@/app/api/v1/renewals/route";
import * as backtest from "@/app/api/v1/health/backtest/route";
import * as metrics from "@/app/api/v1/metrics/route";
import * as tasks from "@/app/api/v1/tasks/route";
import * as playbooks from "@/app/api/v1/playbooks/route";
import * as unknown from "@/app/api/v1/[[...path]]/route";
import * as onboarding from "@/app/api/v1/accounts/[externalId]/onboarding/route";
import * as onboardingItem from "@/app/api/v1/accounts/[externalId]/onboarding/[key]/route";
import * as successPlan from "@/app/api/v1/accounts/[externalId]/success-plan/[key]/route";
import * as accountQbrs from "@/app/api/v1/accounts/[externalId]/qbrs/route";
import * as qbr from "@/app/api/v1/qbrs/[id]/route";
import * as qbrInvite from "@/app/api/v1/qbrs/[id]/invite.ics/route";
import * as qbrAttendance from "@/app/api/v1/qbrs/[id]/attendance/route";
import * as expansionReady from "@/app/api/v1/expansion/ready/route";
import * as product from "@/app/api/v1/products/[key]/route";
import * as advocacy from "@/app/api/v1/accounts/[externalId]/advocacy/route";
import * as feedback from "@/app/api/v1/accounts/[externalId]/feedback/route";
import * as themes from "@/app/api/v1/feedback/themes/route";
import * as whitespace from "@/app/api/v1/whitespace/route";
import * as whitespaceCell from "@/app/api/v1/accounts/[externalId]/whitespace/[product]/route";
import * as accountPlan from "@/app/api/v1/accounts/[externalId]/account-plan/route";
import { clock } from "@/lib/clock";

type Method = "GET" | "PUT" | "POST" | "PATCH" | "DELETE";
type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;
type RouteModule = Partial<Record<Method, RouteHandler>>;

const ROUTES: [pattern: string, module: RouteModule][] = [
  ["/accounts", accounts],
  ["/accounts/:externalId", account],
  ["/accounts/:externalId/usage", usage],
  ["/accounts/:externalId/contacts/:email", contact],
  ["/accounts/:externalId/tickets", tickets],
  ["/accounts/:externalId/surveys", surveys],
  ["/accounts/:externalId/touchpoints", touchpoints],
  ["/accounts/:externalId/outcomes/:key", outcome],
  ["/accounts/:externalId/renewal", renewal],
  ["/accounts/:externalId/expansions/:key", expansion],
  ["/accounts/:externalId/health", health],
  ["/renewals", renewals],
  ["/health/backtest", backtest],
  ["/metrics", metrics],
  ["/tasks", tasks],
  ["/playbooks", playbooks],
  ["/accounts/:externalId/onboarding", onboarding],
  ["/accounts/:externalId/onboarding/:key", onboardingItem],
  ["/accounts/:externalId/success-plan/:key", successPlan],
  ["/accounts/:externalId/qbrs", accountQbrs],
  ["/qbrs/:id", qbr],
  ["/qbrs/:id/invite.ics", qbrInvite],
  ["/qbrs/:id/attendance", qbrAttendance],
  ["/expansion/ready", expansionReady],
  ["/products/:key", product],
  ["/accounts/:externalId/advocacy", advocacy],
  ["/accounts/:externalId/feedback", feedback],
  ["/feedback/themes", themes],
  ["/whitespace", whitespace],
  ["/accounts/:externalId/whitespace/:product", whitespaceCell],
  ["/accounts/:externalId/account-plan", accountPlan],
];

function route(path: string): { module: RouteModule; params: Record<string, string> } {
  const segments = path.split("/").filter(Boolean);
  for (const [pattern, module] of ROUTES) {
    const parts = pattern.split("/").filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = parts.every((part, i) => {
      if (part.startsWith(":")) params[part.slice(1)] = segments[i];
      return part.startsWith(":") || part === segments[i];
    });
    if (matches) return { module, params };
  }
  // Next's catch-all for every other /api/v1 path.
  return { module: unknown, params: { path: segments.join("/") } };
}

/** Params as Next passes them: percent-decoded, the promise rejecting when a segment is malformed ("100%"). */
function decodedParams(raw: Record<string, string>): Promise<Record<string, string>> {
  const decoding = new Promise<Record<string, string>>((resolve) =>
    resolve(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, decodeURIComponent(v)]))),
  );
  decoding.catch(() => undefined); // awaited (or not) by the handler; never an unhandled rejection here
  return decoding;
}

export interface ApiErrorBody {
  error: { code: string; message: string; issues: { path: string; message: string }[] };
}

export interface ApiResult<T> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  /** JSON-encoded as the body. */
  body?: unknown;
  /** Sent as is (for malformed or oversized bodies). */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** An API client for one key (null: no Authorization header). */
export function apiClient(key: string | null) {
  async function call<T>(method: Method, pathAndQuery: string, options: RequestOptions = {}): Promise<ApiResult<T>> {
    const url = new URL(`/api/v1${pathAndQuery}`, "http://localhost");
    const { module, params } = route(url.pathname.slice("/api/v1".length));
    const handler = module[method];
    if (!handler) throw new Error(`${method} is not exported by the route of ${url.pathname}`);
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const request = new Request(url, {
      method,
      body,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        "content-type": "application/json",
        ...options.headers,
      },
    });
    const response = await handler(request, { params: decodedParams(params) });
    const json = (response.headers.get("content-type") ?? "").startsWith("application/json");
    return {
      status: response.status,
      headers: response.headers,
      body: (json ? await response.json() : await response.text()) as T,
    };
  }
  return {
    get: <T = ApiErrorBody>(path: string, options?: RequestOptions) => call<T>("GET", path, options),
    put: <T = ApiErrorBody>(path: string, body: unknown, options?: RequestOptions) =>
      call<T>("PUT", path, { body, ...options }),
    post: <T = ApiErrorBody>(path: string, body: unknown, options?: RequestOptions) =>
      call<T>("POST", path, { body, ...options }),
    call,
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** A new API key's plaintext and id. */
export async function createTestKey(name = "test integration"): Promise<{ key: string; id: number }> {
  const created = await createApiKey(name, { system: "test" });
  return { key: created.key, id: created.id };
}

let userCount = 0;

export function createTestUser(role: Role, email = `${role}-${++userCount}@example.com`) {
  // The API never signs users in: a placeholder hash is enough.
  return db.user.create({ data: { email, name: `Test ${role} ${userCount}`, role, passwordHash: "unused" } });
}

/** A valid account body; contract started a year ago, renewal in two months. */
export function accountBody(overrides: Partial<TAccountUpsert> = {}): TAccountUpsert {
  const today = clock.today();
  return {
    name: "Acme Corp",
    segment: "mid_market",
    arr: 120_000,
    seats: 50,
    contractStart: addDays(today, -365),
    renewalDate: addDays(today, 60),
    purchasedFeatures: ["reports", "dashboards", "alerts", "api"],
    domain: "acme.example",
    industry: "Manufacturing",
    ...overrides,
  };
}

/** `count` consecutive usage days ending today, with healthy activity. */
export function usageDays(count: number, end = clock.today()): TUsageDay[] {
  return Array.from({ length: count }, (_, i) => ({
    date: addDays(end, -(count - 1 - i)),
    activeUsers: 30,
    logins: 40,
    sessions: 60,
    sessionMinutes: 900,
    featuresUsed: ["reports", "dashboards", "alerts"],
    workflowsStarted: 10,
    workflowsCompleted: 9,
    integrationsActive: ["slack", "salesforce"],
    dataQuality: 0.9,
  }));
}
