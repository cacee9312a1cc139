import type { Metadata } from "next";
import { SetPasswordForm } from "@/components/auth/set-password-form";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

export default function SetPasswordPage() {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-line bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-brand">Set your password</h1>
        <p className="mb-6 mt-1 text-sm text-muted">The link you were given works once, for 24 hours.</p>
        <SetPasswordForm />
      </div>
    </main>
  );
}
