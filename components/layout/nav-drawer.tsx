"use client";

import { useEffect, useRef, useState, type FocusEvent, type MouseEvent, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const NAV_ID = "app-nav";

/**
 * The app's navigation frame. Below Tailwind's `md` breakpoint: a top bar with the brand and
 * a menu button that opens the navigation as a drawer over the page (a disclosure: Tab moves
 * from the button into the menu). It closes on navigation, on Escape (focus returns to the
 * button), on a click outside and when focus leaves it. At `md` and up the same element is
 * the permanent sidebar, so the navigation and the signed-in user exist once in the DOM.
 */
export function NavDrawer({ brand, children }: { brand: ReactNode; children: ReactNode }) {
  const pathname = usePathname();
  // The drawer remembers the page it was opened on: navigating anywhere else closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const drawerRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpenOn(null);
      buttonRef.current?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  const close = () => setOpenOn(null);

  // A followed link closes the drawer even when it points at the current page.
  const onDrawerClick = (event: MouseEvent<HTMLElement>) => {
    if ((event.target as HTMLElement).closest("a")) close();
  };

  const onDrawerBlur = (event: FocusEvent<HTMLElement>) => {
    const next = event.relatedTarget as Node | null;
    if (!next || drawerRef.current?.contains(next) || buttonRef.current?.contains(next)) return;
    close();
  };

  return (
    <>
      <header className="no-print sticky top-0 z-50 flex h-14 items-center justify-between bg-slate-900 px-4 text-white md:hidden">
        {brand}
        <button
          ref={buttonRef}
          type="button"
          aria-expanded={open}
          aria-controls={NAV_ID}
          onClick={() => setOpenOn(open ? null : pathname)}
          className="-mr-2 grid h-10 w-10 place-items-center rounded-lg text-slate-200 hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
        >
          <span className="sr-only">Menu</span>
          <svg
            viewBox="0 0 24 24"
            className="h-6 w-6"
            fill="none"
            stroke="currentColor"
            strokeWidth={2}
            strokeLinecap="round"
            aria-hidden
          >
            {open ? <path d="M6 6l12 12M18 6 6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
          </svg>
        </button>
      </header>
      {open && (
        <div
          aria-hidden
          className="no-print fixed inset-x-0 bottom-0 top-14 z-40 bg-slate-900/50 md:hidden"
          onClick={close}
        />
      )}
      <aside
        ref={drawerRef}
        id={NAV_ID}
        onClick={onDrawerClick}
        onBlur={onDrawerBlur}
        className={cn(
          "no-print flex-col bg-slate-900 text-white",
          open
            ? "fixed bottom-0 left-0 top-14 z-50 flex w-72 max-w-[85vw] overflow-y-auto overscroll-contain shadow-xl"
            : "hidden",
          "md:sticky md:top-0 md:z-auto md:flex md:h-screen md:w-56 md:max-w-none md:shrink-0 md:shadow-none",
        )}
      >
        {children}
      </aside>
    </>
  );
}
