import type { Metadata } from "next";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ReassignBookForm } from "@/components/accounts/reassign-book-form";
import { requirePermission } from "@/lib/auth/session";
import { listBookOwners } from "@/lib/data/accounts/reassign";

export const metadata: Metadata = { title: "Reassign accounts" };

export default async function ReassignPage() {
  await requirePermission("accounts:reassign");
  const [csm, ae] = await Promise.all([listBookOwners("csm"), listBookOwners("ae")]);
  return (
    <>
      <PageHeader
        title="Reassign accounts"
        description="Hand a whole book to someone else, for example when a CSM or AE leaves or changes territory."
      />
      <Card className="max-w-3xl">
        <CardHeader
          title="Move a book"
          description="Every account the person owns in that role moves, with their open tasks on those accounts. Each move is recorded in the account’s change log. To move a single account, use Reassign on its page."
        />
        <div className="px-5 py-4">
          <ReassignBookForm owners={{ csm, ae }} />
        </div>
      </Card>
    </>
  );
}
