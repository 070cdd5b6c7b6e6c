import Link from "next/link";
import { accountPlanPath } from "@/lib/paths";

/** The account page's way to the account plan. */
export function AccountPlanLink({ externalId }: { externalId: string }) {
  return (
    <Link href={accountPlanPath(externalId)} className="text-sm font-medium text-brand-700 hover:underline">
      Account plan
    </Link>
  );
}
