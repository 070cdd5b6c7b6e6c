// npm run user:password -- --email a@b.com [--password …]
// Sets a user's password (the password policy applies) and ends every session of theirs. The
// password comes from --password, BOWTIE_USER_PASSWORD, or a prompt.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { closeDb, db } from "@/lib/db";
import { setPassword } from "@/lib/data/platform/users";
import { passwordProblem } from "@/lib/auth/password-policy";

const { values } = parseArgs({ options: { email: { type: "string" }, password: { type: "string" } } });

async function askPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question("New password (12+ characters, not a common one; at most 72 bytes): ");
  } finally {
    rl.close();
  }
}

async function main() {
  const email = values.email?.trim().toLowerCase();
  const user = email
    ? await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } })
    : null;
  if (!user) {
    console.error(email ? `✗ No user with the email ${email}.` : "Usage: npm run user:password -- --email a@b.com");
    process.exitCode = 1;
    return;
  }
  const password = values.password ?? process.env.BOWTIE_USER_PASSWORD ?? (await askPassword());
  const problem = passwordProblem(password, { email: user.email, name: user.name });
  if (problem) {
    console.error(`✗ password: ${problem}`);
    process.exitCode = 1;
    return;
  }
  await setPassword(user.id, password, { system: "user:password" });
  console.log(`✓ Set the password of ${user.email}; their sessions have ended.`);
}

await main().finally(closeDb);
