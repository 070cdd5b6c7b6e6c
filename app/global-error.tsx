"use client";

import "./globals.css";
import ErrorPage from "./error";

// Errors in the root layout itself replace the whole document, so this renders its own html
// and body around the same page as app/error.tsx (including "temporarily unavailable").
export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <ErrorPage {...props} />
      </body>
    </html>
  );
}
