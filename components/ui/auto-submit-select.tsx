"use client";

import type { SelectHTMLAttributes } from "react";

/** A select that submits its (GET) form as soon as it changes: filters apply without a button. */
export function AutoSubmitSelect(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...props} onChange={(e) => e.currentTarget.form?.requestSubmit()} />;
}
