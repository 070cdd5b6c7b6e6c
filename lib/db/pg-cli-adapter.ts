import pg from "pg";
import { parse } from "pg-connection-string";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * @prisma/adapter-pg as the Prisma CLI needs it with the WASM schema engine. Used only by
 * prisma.config.ts; the app's runtime uses the plain adapter. Fixes four defects (STACK.md):
 * 1. catalog column types (name, "char", regclass, …) relabelled as text;
 * 2. discrete connection fields so the shadow database is really used;
 * 3. shadow database created here and dropped after its pool is closed;
 * 4. pools exit when idle so commands do not hang;
 * 5. a migration script is sent whole (PostgreSQL's simple protocol runs every statement of it):
 *    the adapter's own executeScript splits it at each semicolon, even inside a function body.
 */
const CATALOG_TYPES = new Set([18, 19, 22, 24, 28, 30, 194, 1033, 2205, 2206, 3734, 4089]);
const CATALOG_ARRAY_TYPES = new Set([1002, 1003, 1034]);
const TEXT = 25;
const TEXT_ARRAY = 1009;

type Fields = { dataTypeID: number }[];

function relabel<T>(result: T): T {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results) {
    const fields = (r as { fields?: Fields } | undefined)?.fields;
    if (!fields) continue;
    for (const f of fields) {
      if (CATALOG_TYPES.has(f.dataTypeID)) f.dataTypeID = TEXT;
      else if (CATALOG_ARRAY_TYPES.has(f.dataTypeID)) f.dataTypeID = TEXT_ARRAY;
    }
  }
  return result;
}

let patched = false;
function patchClientQuery() {
  if (patched) return;
  patched = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: unknown }).query = function (this: unknown, ...args: unknown[]) {
    const cbIndex = args.findIndex((a) => typeof a === "function");
    if (cbIndex >= 0) {
      const cb = args[cbIndex] as (err: unknown, res: unknown) => void;
      args[cbIndex] = (err: unknown, res: unknown) => cb(err, err ? res : relabel(res));
      return original.apply(this, args);
    }
    const r = original.apply(this, args) as Promise<unknown> | undefined;
    return r && typeof r.then === "function" ? r.then(relabel) : r;
  };
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/** Runs a script as one simple-protocol query on the adapter's pool (defect 5). */
function wholeScripts(adapter: Adapter): Adapter {
  const pool = (adapter as unknown as { client: pg.Pool }).client;
  return Object.assign(adapter, {
    executeScript: async (script: string) => {
      await pool.query(script);
    },
  });
}

export function pgCliAdapterFactory(url: string | pg.PoolConfig): SqlMigrationAwareDriverAdapterFactory {
  patchClientQuery();
  const parsed = typeof url === "string" ? parse(url) : undefined;
  const config: pg.PoolConfig = parsed
    ? {
        host: parsed.host ?? undefined,
        port: parsed.port ? Number(parsed.port) : undefined,
        user: parsed.user,
        password: parsed.password,
        database: parsed.database ?? undefined,
        allowExitOnIdle: true,
      }
    : { ...(url as pg.PoolConfig), allowExitOnIdle: true };
  const inner = new PrismaPg(config);
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => wholeScripts(await inner.connect()),
    connectToShadowDb: async () => {
      const admin = new pg.Pool(config);
      const database = `bowtie_shadow_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
      await admin.query(`CREATE DATABASE "${database}"`);
      const adapter = wholeScripts(await new PrismaPg({ ...config, database }).connect());
      const dispose = adapter.dispose.bind(adapter);
      return Object.assign(adapter, {
        dispose: async () => {
          await dispose();
          await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
          await admin.end();
        },
      });
    },
  };
}
