"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

interface Props {
  callbackUrl: string;
  demoUsers: { email: string; label: string }[] | null;
  demoPassword: string | null;
}

export function SignInForm({ callbackUrl, demoUsers, demoPassword }: Props) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result || result.error) {
      setPending(false);
      setError(
        result?.status === 429 || result?.error === "RateLimited"
          ? "Too many sign-in attempts. Wait a few minutes, then try again."
          : "That email and password don't match an active account.",
      );
      return;
    }
    // A full navigation so the server renders the signed-in shell with a fresh session.
    window.location.assign(callbackUrl);
  }

  function fillDemoUser(demoEmail: string) {
    setEmail(demoEmail);
    if (demoPassword) setPassword(demoPassword);
    setError(null);
  }

  return (
    <>
      <form onSubmit={onSubmit} className="mt-8 space-y-4" noValidate>
        <div>
          <label htmlFor="email" className="block text-sm font-medium text-slate-700">
            Email
          </label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className={inputClass}
            placeholder="you@company.com"
          />
        </div>
        <div>
          <label htmlFor="password" className="block text-sm font-medium text-slate-700">
            Password
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className={inputClass}
          />
        </div>
        {error && (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        )}
        <Button type="submit" disabled={pending || !email || !password} className="w-full">
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {demoUsers && (
        <div className="mt-8 rounded-xl border border-dashed border-slate-300 bg-white p-4">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            Demo mode · password <span className="normal-case">“{demoPassword}”</span>
          </p>
          <ul className="mt-2 grid grid-cols-1 gap-1">
            {demoUsers.map((u) => (
              <li key={u.email}>
                <button
                  type="button"
                  onClick={() => fillDemoUser(u.email)}
                  className="w-full rounded-md px-2 py-1 text-left text-sm text-slate-700 hover:bg-slate-100"
                >
                  <span className="font-medium">{u.email}</span> <span className="text-slate-500">— {u.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
