import Link from "next/link";
import { Td } from "@/components/ui/table";
import type { Segment } from "@/lib/generated/prisma/enums";
import { SEGMENT_LABELS } from "@/lib/format";

/** The first cell of an account table: the name linking to the account page, its segment below. */
export function AccountNameCell({ account }: { account: { externalId: string; name: string; segment: Segment } }) {
  return (
    <Td>
      <Link
        href={`/accounts/${encodeURIComponent(account.externalId)}`}
        className="font-medium text-slate-900 hover:text-brand-700"
      >
        {account.name}
      </Link>
      <p className="text-xs text-slate-500">{SEGMENT_LABELS[account.segment]}</p>
    </Td>
  );
}
