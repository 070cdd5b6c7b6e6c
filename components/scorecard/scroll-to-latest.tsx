"use client";

import { useEffect, useRef, type ReactNode } from "react";

/** A horizontally scrolling box that starts scrolled to its right end, where the latest week is. */
export function ScrollToLatest({ children, label }: { children: ReactNode; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = ref.current;
    if (box) box.scrollLeft = box.scrollWidth;
  }, []);
  return (
    <div
      ref={ref}
      role="region"
      aria-label={`${label} (scrollable)`}
      tabIndex={0}
      className="relative max-w-full overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
    >
      {children}
    </div>
  );
}
