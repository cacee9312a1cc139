import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-2xl font-semibold">You do not have access to this page</h1>
      <p className="mt-3 text-muted">Your role does not allow it. If you need it for your work, ask your organization&apos;s administrator.</p>
      <Link href="/" className="mt-6 inline-block text-brand underline">
        Go to your home page
      </Link>
    </main>
  );
}
