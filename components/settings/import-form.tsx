"use client";

import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { useFormAction } from "@/components/ui/use-form-action";
import { importCsvAction } from "@/lib/actions/import";

const MAX_SHOWN = 200;

export function ImportForm() {
  const { state, pending, onSubmit } = useFormAction(importCsvAction, { resetOnSuccess: false });
  const report = state?.ok ? state.data : null;
  return (
    <div className="space-y-4 px-5 py-4">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
        <Field label="The file holds" htmlFor="import-kind">
          <select id="import-kind" name="kind" defaultValue="accounts" className={inputClass}>
            <option value="accounts">Accounts</option>
            <option value="contacts">Contacts</option>
            <option value="usage">Usage days</option>
          </select>
        </Field>
        <Field label="CSV file" htmlFor="import-file">
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            className="mt-1 block text-sm text-slate-700 file:mr-3 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium"
          />
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? "Importing…" : "Import"}
        </Button>
      </form>
      {state && !state.ok && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.error.issues?.map((i) => i.message).join(" ") || state.error.message}
        </p>
      )}
      {report && report.issues.length === 0 && (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-700">
          Imported {report.imported.toLocaleString("en-US")} rows. Scores are updated.
        </p>
      )}
      {report && report.issues.length > 0 && (
        <div role="alert" className="rounded-lg border border-red-200">
          <p className="bg-red-50 px-4 py-2 text-sm font-medium text-red-700">
            Nothing was imported: {report.issues.length.toLocaleString("en-US")} problem
            {report.issues.length > 1 ? "s" : ""} to fix first.
          </p>
          <Table label="Import problems">
            <thead>
              <tr>
                <Th>Row</Th>
                <Th>Column</Th>
                <Th>Problem</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {report.issues.slice(0, MAX_SHOWN).map((i, k) => (
                <tr key={k}>
                  <Td className="tabular-nums">{i.row}</Td>
                  <Td>
                    <code className="text-xs">{i.column || "—"}</code>
                  </Td>
                  <Td className="whitespace-normal">{i.message}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {report.issues.length > MAX_SHOWN && (
            <p className="px-4 py-2 text-xs text-slate-500">…and {report.issues.length - MAX_SHOWN} more.</p>
          )}
        </div>
      )}
    </div>
  );
}
