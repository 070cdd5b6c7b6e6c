import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { gateFor, type DbGate } from "./pglite-gate";

/**
 * pglite-prisma-adapter 0.6.1 with its two migration defects fixed (STACK.md):
 * scripts must go through PGlite's exec() (a multi-statement script sent as one
 * prepared statement fails with P3006), and executeScript must be awaited.
 * Every statement and every transaction takes its turn through the database's gate
 * (lib/db/pglite-gate.ts), shared with the clients of the local socket: first come, first
 * served, a transaction holding its turn until commit or rollback.
 */
export function pgliteAdapterFactory(client: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPGlite(client);
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => patchAdapter(await inner.connect(), client, gateFor(client)),
    connectToShadowDb: async () => {
      const shadow = new PGlite("memory://");
      const adapter = patchAdapter(await new PrismaPGlite(shadow).connect(), shadow, gateFor(shadow));
      return { ...bindAll(adapter), dispose: async () => shadow.close() };
    },
  };
}

function isScript(query: SqlQuery): boolean {
  return query.args.length === 0 && /;\s*\S/.test(query.sql.trim().replace(/;\s*$/, ""));
}

function patchAdapter(adapter: SqlDriverAdapter, client: PGlite, gate: DbGate): SqlDriverAdapter {
  const bound = bindAll(adapter);
  return {
    ...bound,
    queryRaw: (query: SqlQuery) => gate.run(() => bound.queryRaw(query)),
    executeScript: (script: string) =>
      gate.run(async () => {
        await client.exec(script);
      }),
    executeRaw: (query: SqlQuery) =>
      gate.run(async () => {
        if (!isScript(query)) return bound.executeRaw(query);
        const results = await client.exec(query.sql);
        return results.reduce((n, r) => n + (r.affectedRows ?? 0), 0);
      }),
    startTransaction: async (isolationLevel) => {
      const release = await gate.acquire();
      let tx: Transaction;
      try {
        tx = await bound.startTransaction(isolationLevel);
      } catch (error) {
        release();
        throw error;
      }
      const t = bindAll(tx);
      return {
        ...t,
        commit: () => t.commit().finally(release),
        rollback: () => t.rollback().finally(release),
      };
    },
  };
}

/** Copies an adapter's methods (they live on its prototype) as bound functions. */
function bindAll<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  let proto: object | null = obj;
  while (proto && proto !== Object.prototype) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === "constructor" || key in out) continue;
      const value = (obj as Record<string, unknown>)[key];
      out[key] = typeof value === "function" ? value.bind(obj) : value;
    }
    proto = Object.getPrototypeOf(proto);
  }
  return out as T;
}
