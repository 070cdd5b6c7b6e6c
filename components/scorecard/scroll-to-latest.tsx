"use client";

import { useEffect, useRef, type ReactNode } from "react";

/** A horizontally scrolling box that starts scrolled to its right end, where the latest week is. */
export function ScrollToLatest({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = ref.current;
    if (box) box.scrollLeft = box.scrollWidth;
  }, []);
  return (
    <div ref={ref} className="overflow-x-auto">
      {children}
    </div>
  );
}
