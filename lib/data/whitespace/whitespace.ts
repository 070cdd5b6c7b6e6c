import "server-only";
import { db } from "@/lib/db";
import { Prisma, type Product, type WhitespaceCell } from "@/lib/generated/prisma/client";
import { toIsoDate, type IsoDate } from "@/lib/domain/dates";
import { whitespaceScore } from "@/lib/domain/whitespace";
import type { TProductUpsert, TWhitespaceUpsert } from "@/lib/validation/growth";
import { recordAudit, type AuditActor } from "../platform/audit";
import {
  accountNotFound,
  dateOnly,
  inTransaction,
  isoOrNull,
  lockAccount,
  saveAudited,
  type Saved,
  type Tx,
} from "../accounts/write";
import { statement } from "../platform/sql";
import { WHITESPACE_SCORE } from "./score.sql";
import { clock } from "@/lib/clock";
import { notFound } from "@/lib/errors";

// Whitespace planning (seed 002): the product catalogue, one cell per account × product with
// Impact, Critical Event and Decision Process notes, ranked by impact × urgency in SQL.

export type ProductView = { key: string; name: string; listArr: number };
const toProductView = (p: Product): ProductView => ({ key: p.key, name: p.name, listArr: Number(p.listArr) });

export async function listProducts(): Promise<ProductView[]> {
  return (await db.product.findMany({ orderBy: { name: "asc" } })).map(toProductView);
}

/** PUT /products/{key}: creates or renames / reprices a product (admins). */
export function saveProduct(key: string, input: TProductUpsert, actor: AuditActor): Promise<Saved<ProductView>> {
  return db.$transaction(async (tx) => {
    // Serialises concurrent first writes of one key (an upsert would race on the unique key).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`product:${key}`}))`;
    const existing = await tx.product.findUnique({ where: { key } });
    const data = { name: input.name, listArr: input.listArr.toFixed(2) };
    const saved = existing
      ? await tx.product.update({ where: { id: existing.id }, data })
      : await tx.product.create({ data: { key, ...data } });
    const record = toProductView(saved);
    await recordAudit(tx, actor, {
      entity: "product",
      entityId: String(saved.id),
      action: existing ? "update" : "create",
      before: existing && toProductView(existing),
      after: record,
    });
    return { created: !existing, record };
  });
}

export type CellView = {
  externalId: string;
  product: string;
  impact: number;
  criticalEventDate: IsoDate | null;
  criticalEventReason: string | null;
  decisionNotes: string | null;
};

/** PUT /accounts/{id}/whitespace/{product}: one cell, created or replaced (null clears a field). */
export function saveWhitespaceCell(
  externalId: string,
  productKey: string,
  input: TWhitespaceUpsert,
  actor: AuditActor,
  outerTx?: Tx,
): Promise<Saved<CellView>> {
  return inTransaction(outerTx, async (tx) => {
    const account = await lockAccount(tx, externalId);
    if (!account) throw accountNotFound(externalId);
    const product = await tx.product.findUnique({ where: { key: productKey } });
    if (!product) throw notFound(`No product with the key "${productKey}". Add it with PUT /api/v1/products/{key}.`);
    const existing = await tx.whitespaceCell.findUnique({
      where: { accountId_productId: { accountId: account.id, productId: product.id } },
    });
    const data = {
      impact: input.impact.toFixed(2),
      criticalEventDate: input.criticalEventDate ? dateOnly(input.criticalEventDate) : null,
      criticalEventReason: input.criticalEventReason ?? null,
      decisionNotes: input.decisionNotes ?? null,
    };
    const view = (c: WhitespaceCell): CellView => ({
      externalId,
      product: productKey,
      impact: Number(c.impact),
      criticalEventDate: isoOrNull(c.criticalEventDate),
      criticalEventReason: c.criticalEventReason,
      decisionNotes: c.decisionNotes,
    });
    return saveAudited(tx, {
      actor,
      entity: "whitespace_cell",
      accountId: account.id,
      existing,
      create: () => tx.whitespaceCell.create({ data: { accountId: account.id, productId: product.id, ...data } }),
      update: (current) => tx.whitespaceCell.update({ where: { id: current.id }, data }),
      view,
    });
  });
}

export type RankedCell = CellView & {
  accountName: string;
  productName: string;
  /** The product's list ARR: what this whitespace is worth to us. */
  whitespaceArr: number;
  score: number;
};

interface RankedRow extends Omit<RankedCell, "impact" | "whitespaceArr" | "score" | "criticalEventDate"> {
  impact: string;
  whitespaceArr: string;
  score: string;
  criticalEventDate: Date | null;
}

const RANKED = statement<[IsoDate, string | null, number, number]>`
  SELECT a."externalId", a.name AS "accountName", p.key AS product, p.name AS "productName",
    c.impact::text AS impact, p."listArr"::text AS "whitespaceArr", c."criticalEventDate",
    c."criticalEventReason", c."decisionNotes", ${WHITESPACE_SCORE}::text AS score
  FROM "WhitespaceCell" c JOIN "Account" a ON a.id = c."accountId" JOIN "Product" p ON p.id = c."productId"
  WHERE a.status = 'active' AND ($2::text IS NULL OR p.key = $2)
  ORDER BY ${WHITESPACE_SCORE} DESC, c.impact DESC, c."criticalEventDate" ASC NULLS LAST, a.id, p.id
  LIMIT $3 OFFSET $4`;

/** Cells ranked by impact × urgency (rankCells in SQL), optionally for one product. */
export async function listRankedCells(
  { product = null, limit = 50, offset = 0 }: { product?: string | null; limit?: number; offset?: number } = {},
  today: IsoDate = clock.today(),
): Promise<RankedCell[]> {
  const rows = await db.$queryRaw<RankedRow[]>(RANKED(today, product, limit, offset));
  return rows.map((r) => ({
    ...r,
    impact: Number(r.impact),
    whitespaceArr: Number(r.whitespaceArr),
    score: Number(r.score),
    criticalEventDate: r.criticalEventDate && toIsoDate(r.criticalEventDate),
  }));
}

export interface WhitespaceTotals {
  byProduct: { product: string; name: string; cells: number; whitespaceArr: number; impact: number }[];
  byAccount: {
    externalId: string;
    name: string;
    cells: number;
    whitespaceArr: number;
    impact: number;
    bestScore: number;
  }[];
  accounts: number;
}

const BY_PRODUCT = statement<[]>`
  SELECT p.key AS product, p.name, count(c.id)::int AS cells,
    coalesce(sum(p."listArr") FILTER (WHERE c.id IS NOT NULL), 0)::text AS "whitespaceArr",
    coalesce(sum(c.impact), 0)::text AS impact
  FROM "Product" p
  LEFT JOIN ("WhitespaceCell" c JOIN "Account" a ON a.id = c."accountId" AND a.status = 'active') ON c."productId" = p.id
  GROUP BY p.id ORDER BY p.name`;

const BY_ACCOUNT = statement<[IsoDate, number, number]>`
  SELECT a."externalId", a.name, count(*)::int AS cells, sum(p."listArr")::text AS "whitespaceArr",
    sum(c.impact)::text AS impact, max(${WHITESPACE_SCORE})::text AS "bestScore", count(*) OVER ()::int AS total
  FROM "WhitespaceCell" c JOIN "Account" a ON a.id = c."accountId" JOIN "Product" p ON p.id = c."productId"
  WHERE a.status = 'active'
  GROUP BY a.id ORDER BY max(${WHITESPACE_SCORE}) DESC, a.id
  LIMIT $2 OFFSET $3`;

/** Whitespace ARR and impact per product, and per account (a page, best-scored accounts first). */
export async function getWhitespaceTotals(
  { limit = 25, offset = 0 }: { limit?: number; offset?: number } = {},
  today: IsoDate = clock.today(),
): Promise<WhitespaceTotals> {
  const [products, accounts] = await Promise.all([
    db.$queryRaw<{ product: string; name: string; cells: number; whitespaceArr: string; impact: string }[]>(
      BY_PRODUCT(),
    ),
    db.$queryRaw<
      {
        externalId: string;
        name: string;
        cells: number;
        whitespaceArr: string;
        impact: string;
        bestScore: string;
        total: number;
      }[]
    >(BY_ACCOUNT(today, limit, offset)),
  ]);
  return {
    byProduct: products.map((p) => ({ ...p, whitespaceArr: Number(p.whitespaceArr), impact: Number(p.impact) })),
    byAccount: accounts.map(({ total: _total, ...a }) => ({
      ...a,
      whitespaceArr: Number(a.whitespaceArr),
      impact: Number(a.impact),
      bestScore: Number(a.bestScore),
    })),
    accounts: accounts[0]?.total ?? 0,
  };
}

/** The cells of some accounts, for the matrix rows on screen. */
export async function listCellsOf(externalIds: string[], today: IsoDate = clock.today()): Promise<RankedCell[]> {
  if (externalIds.length === 0) return [];
  const rows = await db.$queryRaw<RankedRow[]>(Prisma.sql`
    SELECT a."externalId", a.name AS "accountName", p.key AS product, p.name AS "productName",
      c.impact::text AS impact, p."listArr"::text AS "whitespaceArr", c."criticalEventDate",
      c."criticalEventReason", c."decisionNotes", 0::text AS score
    FROM "WhitespaceCell" c JOIN "Account" a ON a.id = c."accountId" JOIN "Product" p ON p.id = c."productId"
    WHERE a."externalId" IN (${Prisma.join(externalIds)})`);
  return rows.map((r) => {
    const criticalEventDate = r.criticalEventDate && toIsoDate(r.criticalEventDate);
    const impact = Number(r.impact);
    return {
      ...r,
      impact,
      whitespaceArr: Number(r.whitespaceArr),
      criticalEventDate,
      score: whitespaceScore(impact, criticalEventDate, today),
    };
  });
}
