/** An AUC as a number and a bar from 0.5 (chance, empty) to 1 (perfect, full). */
export function AucBar({ auc }: { auc: number | null }) {
  if (auc === null) return <span className="text-slate-500">—</span>;
  const width = Math.max(0, Math.min(1, (auc - 0.5) / 0.5)) * 100;
  return (
    <span className="inline-flex items-center gap-2">
      <span className="w-10 tabular-nums">{auc.toFixed(2)}</span>
      <span aria-hidden className="h-1.5 w-24 overflow-hidden rounded-full bg-slate-100">
        <span className="block h-full rounded-full bg-brand-500" style={{ width: `${width}%` }} />
      </span>
    </span>
  );
}
