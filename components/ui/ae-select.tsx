import { AutoSubmitSelect } from "@/components/ui/auto-submit-select";

/**
 * The AE filter of the accounts list and the renewal pipeline: an AE's own book by default ("My
 * book", "My renewals"), every AE's, or one AE's.
 */
export function AeSelect({
  aes,
  isAe,
  value,
  ownLabel,
  className,
}: {
  aes: readonly { id: number; name: string }[];
  isAe: boolean;
  value: number | "all" | undefined;
  ownLabel: string;
  className: string;
}) {
  return (
    <>
      <label className="sr-only" htmlFor="ae">
        AE
      </label>
      <AutoSubmitSelect id="ae" name="ae" defaultValue={value === undefined ? "" : String(value)} className={className}>
        <option value="">{isAe ? ownLabel : "All AEs"}</option>
        {isAe && <option value="all">All AEs</option>}
        {aes.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </AutoSubmitSelect>
    </>
  );
}
