// npm run apikey -- --name "CRM sync"   creates an API key; the key is the last line printed
// npm run apikey -- --list              lists keys (never the keys themselves)
// npm run apikey -- --revoke 3          revokes key 3 at once
import { parseArgs } from "node:util";
import { closeDb } from "@/lib/db";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/data/platform/api-keys";
import { reportRefusal } from "@/lib/db/embedded-owner";
import { ZApiKeyCreate } from "@/lib/validation/api";

const { values } = parseArgs({
  options: {
    name: { type: "string" },
    list: { type: "boolean", default: false },
    revoke: { type: "string" },
  },
});

const actor = { system: "apikey" };

async function create(name: string | undefined) {
  const parsed = ZApiKeyCreate.safeParse({ name });
  if (!parsed.success) {
    console.error('Usage: npm run apikey -- --name "what the key is for"   (or --list, --revoke ID)');
    process.exitCode = 1;
    return;
  }
  const key = await createApiKey(parsed.data.name, actor);
  console.log(`✓ Created API key ${key.id} "${key.name}" (${key.prefix}…). Store it now: it is not shown again.`);
  console.log("  Use it as: Authorization: Bearer <key>");
  // Last line: the key alone, so scripts can take it with `tail -n 1`.
  console.log(key.key);
}

async function list() {
  for (const k of await listApiKeys()) {
    const state = k.revokedAt ? `revoked ${k.revokedAt}` : `last used ${k.lastUsedAt ?? "never"}`;
    console.log(`${k.id}\t${k.prefix}…\t${k.name}\tcreated ${k.createdAt}\t${state}`);
  }
}

async function revoke(id: number) {
  const key = Number.isInteger(id) ? await revokeApiKey(id, actor) : null;
  if (!key) {
    console.error(`✗ No API key with the id ${values.revoke}.`);
    process.exitCode = 1;
    return;
  }
  console.log(`✓ Revoked API key ${key.id} "${key.name}" (${key.prefix}…).`);
}

async function main() {
  if (values.list) return list();
  if (values.revoke !== undefined) return revoke(Number(values.revoke));
  return create(values.name);
}

await main().catch(reportRefusal).finally(closeDb);
