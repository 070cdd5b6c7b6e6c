"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A <details> whose content is rendered only once it opens. For lists with a form per row (the
 * pipeline's 120 cards, the scorecard's measurables), whose closed forms were most of the page's
 * HTML and server render time (issue 16).
 */
export function Disclosure({
  summary,
  className,
  children,
}: {
  summary: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  // Opened before hydration (the browser toggles a <details> on its own): render the content now.
  useEffect(() => {
    if (details.current?.open) setOpen(true);
  }, []);
  return (
    <details ref={details} className={className} onToggle={(e) => setOpen(e.currentTarget.open)}>
      {summary}
      {open && children}
    </details>
  );
}
