"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { StatusPage } from "@/components/layout/status-page";
import { UNAVAILABLE_DIGEST } from "@/lib/errors";

// A page that failed to render. An unreachable or full database is not a bug: the server marks
// it with a known digest (lib/db/client.ts), and the page says to try again shortly.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  if (error.digest === UNAVAILABLE_DIGEST) {
    return (
      <StatusPage
        code="503"
        title="Temporarily unavailable"
        message="Bowtie can't reach its database right now. Nothing is lost: try again in a minute."
      >
        <Button onClick={reset}>Try again</Button>
      </StatusPage>
    );
  }
  return (
    <StatusPage
      code="Error"
      title="Something went wrong"
      message={`We've logged it${error.digest ? ` (reference ${error.digest})` : ""}. Try again, and if it keeps happening tell your admin.`}
    >
      <Button onClick={reset}>Try again</Button>
    </StatusPage>
  );
}
