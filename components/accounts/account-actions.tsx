import type { ReactNode } from "react";
import { Disclosure } from "@/components/ui/disclosure";

/**
 * The account's write actions as disclosure panels (native <details>, so they work with the
 * keyboard), only one form in view at a time. A form is rendered once its panel opens: the nine
 * closed forms were a third of the account page's HTML and server render time (issue 16).
 */
export function AccountActions({ items }: { items: { key: string; label: string; content: ReactNode }[] }) {
  return (
    <div className="no-print mb-6 grid items-start gap-3 md:grid-cols-2 xl:grid-cols-3" aria-label="Account actions">
      {items.map((item) => (
        <Disclosure
          key={item.key}
          className="group rounded-xl border border-slate-200 bg-white shadow-sm open:md:col-span-2 open:xl:col-span-1"
          summary={
            <summary className="flex cursor-pointer list-none items-center justify-between px-4 py-3 text-sm font-medium text-slate-800 hover:bg-slate-50">
              {item.label}
              <span aria-hidden className="text-slate-500 transition-transform group-open:rotate-45">
                +
              </span>
            </summary>
          }
        >
          <div className="border-t border-slate-100 px-4 py-4">{item.content}</div>
        </Disclosure>
      ))}
    </div>
  );
}
