import type { ReactNode, ThHTMLAttributes, TdHTMLAttributes } from "react";
import { cn } from "./cn";

/**
 * A table that scrolls sideways inside its own box on narrow screens, so the page never
 * does. The scroll box is a labelled, focusable region: keyboard users can tab to it and
 * scroll with the arrow keys.
 */
export function Table({
  children,
  label,
  stack = false,
}: {
  children: ReactNode;
  label: string;
  /** Below `md`, show each row as a card of label–value lines (cells carry `data-label`). */
  stack?: boolean;
}) {
  return (
    // `relative`: absolutely positioned descendants (sr-only text) are clipped by the box
    // instead of widening the page.
    <div
      role="region"
      aria-label={`${label} (scrollable)`}
      tabIndex={0}
      className="relative max-w-full overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
    >
      <table aria-label={label} className={cn("min-w-full divide-y divide-slate-200 text-sm", stack && "stack-table")}>
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn(
        "whitespace-nowrap bg-slate-50 px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 first:pl-5 last:pr-5",
        className,
      )}
      {...props}
    />
  );
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("whitespace-nowrap px-3 py-3 text-slate-700 first:pl-5 last:pr-5", className)} {...props} />;
}
