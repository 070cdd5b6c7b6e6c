import Link from "next/link";
import { Td } from "@/components/ui/table";
import type { Segment } from "@/lib/generated/prisma/enums";
import { SEGMENT_LABELS } from "@/lib/format";

type NamedAccount = { externalId: string; name: string; segment: Segment };

/** An account's name linking to its page, with its segment below (a table's first cell's content). */
export function AccountName({ account }: { account: NamedAccount }) {
  return (
    <>
      <Link
        href={`/accounts/${encodeURIComponent(account.externalId)}`}
        className="font-medium text-slate-900 hover:text-brand-700"
      >
        {account.name}
      </Link>
      <p className="text-xs text-slate-500">{SEGMENT_LABELS[account.segment]}</p>
    </>
  );
}

/** The first cell of an account table: the name linking to the account page, its segment below. */
export function AccountNameCell({ account }: { account: NamedAccount }) {
  return (
    <Td>
      <AccountName account={account} />
    </Td>
  );
}
