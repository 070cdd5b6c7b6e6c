import { inputClass } from "@/components/ui/field";

export function OwnerSelect({
  id,
  owners,
  defaultValue,
}: {
  id: string;
  owners: { id: number; name: string }[];
  defaultValue?: number | null;
}) {
  return (
    <select id={id} name="ownerId" defaultValue={defaultValue ?? ""} className={inputClass}>
      <option value="">No owner</option>
      {owners.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
}
