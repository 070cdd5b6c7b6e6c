"use client";

import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { createApiKeyAction } from "@/lib/actions/api-keys";

/** Creates a key and shows it once: only its hash is stored. */
export function CreateApiKeyForm() {
  const { state, pending, onSubmit } = useFormAction(createApiKeyAction, { resetOnSuccess: false });
  return (
    <div className="space-y-4 px-5 py-4">
      <form onSubmit={onSubmit} className="space-y-3" noValidate>
        <Field
          label="Name"
          htmlFor="key-name"
          error={state && !state.ok ? (state.error.issues?.[0]?.message ?? state.error.message) : undefined}
        >
          <input id="key-name" name="name" placeholder="e.g. Snowflake usage sync" className={inputClass} />
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create key"}
        </Button>
      </form>
      {state?.ok && (
        <div role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-800">
          <p className="font-medium">Copy this key now — it will not be shown again.</p>
          <code
            data-testid="new-api-key"
            className="mt-2 block break-all rounded bg-white px-2 py-1.5 font-mono text-xs text-slate-900 ring-1 ring-emerald-200"
          >
            {state.data.key}
          </code>
        </div>
      )}
    </div>
  );
}
