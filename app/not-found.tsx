import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { StatusPage } from "@/components/layout/status-page";

export default function NotFound() {
  return (
    <StatusPage
      code="404"
      title="We couldn't find that page"
      message="The link may be out of date, or the account may have moved."
    >
      <Link href="/" className={buttonClass("primary")}>
        Go to my home
      </Link>
    </StatusPage>
  );
}
