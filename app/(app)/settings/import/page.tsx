import type { Metadata } from "next";
import { Card, CardHeader } from "@/components/ui/card";
import { ImportForm } from "@/components/settings/import-form";
import { requirePermission } from "@/lib/auth/session";
import { IMPORT_COLUMNS, IMPORT_KINDS } from "@/lib/domain/csv-import";

export const metadata: Metadata = { title: "Import · Settings" };

const KIND_LABELS = { accounts: "Accounts", contacts: "Contacts", usage: "Usage days" } as const;

export default async function ImportPage() {
  await requirePermission("settings:manage");
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <CardHeader
          title="Import a CSV file"
          description="Every row is checked first. If any row has a problem, nothing is imported and each problem is listed by row."
        />
        <ImportForm />
      </Card>
      <Card>
        <CardHeader
          title="Columns"
          description="Header names are case-insensitive. Lists use ; or | between items; flags accept yes/true/1."
        />
        <dl className="space-y-3 px-5 py-4 text-sm">
          {IMPORT_KINDS.map((kind) => (
            <div key={kind}>
              <dt className="font-medium text-slate-800">{KIND_LABELS[kind]}</dt>
              <dd className="mt-0.5 text-slate-600">
                <code className="text-xs">{IMPORT_COLUMNS[kind].required.join(", ")}</code>
                <span className="text-xs text-slate-500"> · optional </span>
                <code className="text-xs text-slate-500">{IMPORT_COLUMNS[kind].optional.join(", ")}</code>
              </dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
