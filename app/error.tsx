"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { StatusPage } from "@/components/layout/status-page";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <StatusPage code="Error" title="Something went wrong" message={`We've logged it${error.digest ? ` (reference ${error.digest})` : ""}. Try again, and if it keeps happening tell your admin.`}>
      <Button onClick={reset}>Try again</Button>
    </StatusPage>
  );
}
