import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  if (await getActor()) redirect("/");
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-line bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-brand">Backstep</h1>
        <p className="mb-6 mt-1 text-sm text-muted">Stepped care for chronic low back pain. Sign in to continue.</p>
        <SignInForm callbackUrl={safeCallbackPath(params.callbackUrl)} initialError={typeof params.error === "string" ? params.error : undefined} />
      </div>
    </main>
  );
}
