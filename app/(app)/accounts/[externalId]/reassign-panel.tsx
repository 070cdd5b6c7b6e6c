import { listUsersByRoles } from "@/lib/data/platform/users";
import { ReassignAccountForm } from "@/components/accounts/reassign-account-form";

/** The account page's reassignment panel: loads the active CSMs and AEs to choose from. */
export async function ReassignAccountPanel({
  account,
}: {
  account: { id: number; csm: { id: number } | null; ae: { id: number } | null };
}) {
  const { csm: csms, ae: aes } = await listUsersByRoles(["csm", "ae"] as const);
  const pick = (users: { id: number; name: string }[]) => users.map(({ id, name }) => ({ id, name }));
  return (
    <ReassignAccountForm
      accountId={account.id}
      current={{ csm: account.csm?.id ?? null, ae: account.ae?.id ?? null }}
      people={{ csm: pick(csms), ae: pick(aes) }}
    />
  );
}
