import type { ReactNode } from "react";
import { Logo } from "@/components/ui/logo";

export function StatusPage({
  code,
  title,
  message,
  children,
}: {
  code: string;
  title: string;
  message: string;
  children?: ReactNode;
}) {
  return (
    <main className="grid min-h-screen place-items-center px-6">
      <div className="max-w-md text-center">
        <Logo className="mx-auto h-10 w-10" />
        <p className="mt-6 text-sm font-semibold uppercase tracking-widest text-brand-600">{code}</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        <p className="mt-2 text-sm text-slate-500">{message}</p>
        <div className="mt-6 flex justify-center">{children}</div>
      </div>
    </main>
  );
}
