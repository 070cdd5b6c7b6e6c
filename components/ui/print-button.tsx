"use client";

import { Button } from "@/components/ui/button";

/** The browser's print dialog (save as PDF); the print stylesheet hides navigation and buttons. */
export function PrintButton({ label = "Print or save as PDF" }: { label?: string }) {
  return (
    <Button type="button" variant="secondary" className="no-print" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
