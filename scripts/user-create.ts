// npm run user:create -- --email a@b.com --name "A B" --role csm [--password …]
// Creates a real user. The password comes from --password, BOWTIE_USER_PASSWORD, or a prompt.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { closeDb } from "@/lib/db";
import { createUser } from "@/lib/data/platform/users";
import { reportRefusal } from "@/lib/db/embedded-owner";
import { isAppError } from "@/lib/errors";
import { ZUserCreate } from "@/lib/validation/users";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "csm" },
    password: { type: "string" },
  },
});

async function askPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question("Password (12+ characters, not a common one; at most 72 bytes): ");
  } finally {
    rl.close();
  }
}

async function main() {
  const password = values.password ?? process.env.BOWTIE_USER_PASSWORD ?? (await askPassword());
  const parsed = ZUserCreate.safeParse({ ...values, password });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`✗ ${issue.path.join(".")}: ${issue.message}`);
    console.error('Usage: npm run user:create -- --email a@b.com --name "A B" --role admin|manager|csm|ae|executive');
    process.exitCode = 1;
    return;
  }
  try {
    const user = await createUser(parsed.data, { system: "user:create" });
    console.log(`✓ Created ${user.name} <${user.email}> as ${user.role}.`);
  } catch (error) {
    if (!isAppError(error, "conflict")) throw error;
    console.error(`✗ ${error.message}`);
    process.exitCode = 1;
  }
}

await main().catch(reportRefusal).finally(closeDb);
