import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { ApiKey } from "@/lib/generated/prisma/client";
import { recordAudit, type AuditActor } from "./audit";
import { recordSecurityEvent } from "./security-events";
import { clock } from "@/lib/clock";

// Bearer keys for the REST API (SPEC §6). A key is "bt_" + 32 random bytes (base64url): high
// entropy, so storing its SHA-256 is enough (no slow hash needed) and the plaintext is shown
// once, at creation. The first characters are kept so admins can tell keys apart.

const KEY_MARKER = "bt_";
const RANDOM_BYTES = 32;
/** "bt_" + 7 characters: recognisable in a list, useless for guessing. */
const PREFIX_LENGTH = 10;
/** How many client addresses a key remembers (a use from any other is a security event). */
const KNOWN_ADDRESSES = 20;
/** lastUsedAt is informational: writing it at most once a minute keeps reads from writing. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiKeySummary {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdBy: string | null;
}

export interface CreatedApiKey extends ApiKeySummary {
  /** The plaintext key: shown once, never stored. */
  key: string;
}

/** What a request authenticated with a key acts as. */
export interface ApiKeyIdentity {
  id: number;
  name: string;
}

function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

function toSummary(k: ApiKey & { createdBy: { name: string } | null }): ApiKeySummary {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    createdBy: k.createdBy?.name ?? null,
  };
}

const withCreator = { createdBy: { select: { name: true } } } as const;

export async function createApiKey(name: string, actor: AuditActor): Promise<CreatedApiKey> {
  const key = KEY_MARKER + randomBytes(RANDOM_BYTES).toString("base64url");
  return db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        name,
        prefix: key.slice(0, PREFIX_LENGTH),
        hash: hashKey(key),
        createdById: "userId" in actor ? actor.userId : null,
      },
      include: withCreator,
    });
    await recordAudit(tx, actor, {
      entity: "api_key",
      entityId: String(created.id),
      action: "create",
      after: { name: created.name, prefix: created.prefix },
    });
    await recordSecurityEvent(tx, {
      type: "api_key_created",
      actor,
      subject: { apiKeyId: created.id },
      detail: { name: created.name, prefix: created.prefix },
    });
    return { ...toSummary(created), key };
  });
}

/** Every key, newest first, revoked ones included (they stay for the audit trail). */
export async function listApiKeys(): Promise<ApiKeySummary[]> {
  const keys = await db.apiKey.findMany({ orderBy: { id: "desc" }, include: withCreator });
  return keys.map(toSummary);
}

/** Revokes a key (it stops working at once); null for an unknown id. Revoking twice changes nothing. */
export async function revokeApiKey(id: number, actor: AuditActor): Promise<ApiKeySummary | null> {
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id }, include: withCreator });
    if (!key) return null;
    if (key.revokedAt) return toSummary(key);
    const revoked = await tx.apiKey.update({ where: { id }, data: { revokedAt: clock.now() }, include: withCreator });
    await recordAudit(tx, actor, {
      entity: "api_key",
      entityId: String(id),
      action: "revoke",
      before: { revokedAt: null },
      after: { revokedAt: revoked.revokedAt },
    });
    await recordSecurityEvent(tx, {
      type: "api_key_revoked",
      actor,
      subject: { apiKeyId: id },
      detail: { name: key.name, prefix: key.prefix },
    });
    return toSummary(revoked);
  });
}

/**
 * The key's identity, or null when the key is malformed, unknown or revoked. `client` is the
 * caller's address: the first use from an address the key has not been used from is recorded
 * as a security event (a leaked key often shows up from somewhere new).
 */
export async function authenticateApiKey(
  plaintext: string,
  client: string | null = null,
): Promise<ApiKeyIdentity | null> {
  if (!plaintext.startsWith(KEY_MARKER) || plaintext.length > 100) return null;
  const key = await db.apiKey.findUnique({ where: { hash: hashKey(plaintext) } });
  if (!key || key.revokedAt) return null;
  const now = clock.nowMs();
  if (client && !key.knownAddresses.includes(client)) {
    await db.$transaction(async (tx) => {
      const knownAddresses = [...key.knownAddresses, client].slice(-KNOWN_ADDRESSES);
      await tx.apiKey.update({ where: { id: key.id }, data: { knownAddresses, lastUsedAt: new Date(now) } });
      await recordSecurityEvent(tx, {
        type: "api_key_new_address",
        actor: { apiKeyId: key.id },
        subject: { apiKeyId: key.id },
        detail: { client, name: key.name, prefix: key.prefix },
      });
    });
  } else if (!key.lastUsedAt || now - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { id: key.id, name: key.name };
}
