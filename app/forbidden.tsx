import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { StatusPage } from "@/components/layout/status-page";

export default function Forbidden() {
  return (
    <StatusPage
      code="403"
      title="Not allowed"
      message="Your role doesn't have access to this page. Ask an admin if you think you should."
    >
      <Link href="/" className={buttonClass("primary")}>
        Go to my home
      </Link>
    </StatusPage>
  );
}
