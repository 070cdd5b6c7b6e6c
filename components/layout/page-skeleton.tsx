/**
 * What a page shows while its data streams in. Each route's loading.tsx renders it *below* the
 * layout that checks access and existence, so a 403 or 404 is decided before the first byte
 * (a loading boundary above the check would have sent a 200 already).
 */
export function PageSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading" className="animate-pulse space-y-6">
      <div className="h-8 w-64 rounded-lg bg-slate-200" />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="h-24 rounded-xl bg-slate-200/70" />
        ))}
      </div>
      <div className="h-96 rounded-xl bg-slate-200/70" />
    </div>
  );
}
