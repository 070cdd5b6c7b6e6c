import { AccountRenewal } from "@/components/renewals/account-renewal";
import { can, type Actor } from "@/lib/auth/policy";
import { clock } from "@/lib/clock";
import { daysBetween } from "@/lib/domain/dates";
import { getAccountRenewals } from "@/lib/data/renewals/commercial";

/** The account page's renewal section: loads the renewals and decides who may forecast and close. */
export async function RenewalPanel({
  account,
  user,
}: {
  account: { id: number; name: string; status: string; csm: { id: number } | null; ae: { id: number } | null };
  user: Actor;
}) {
  const { open, lastClosed } = await getAccountRenewals(account.id);
  if (!open && !lastClosed) return null;
  const today = clock.today();
  const ownership = { csmId: account.csm?.id ?? null, aeId: account.ae?.id ?? null };
  return (
    <AccountRenewal
      account={account}
      open={open}
      daysToRenewal={open ? daysBetween(today, open.renewalDate) : null}
      lastClosed={lastClosed}
      editable={account.status === "active" && can(user, "renewal:edit", ownership)}
      today={today}
    />
  );
}
