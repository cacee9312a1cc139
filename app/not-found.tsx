import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-3 text-muted">There is nothing here, or it is not yours to see.</p>
      <Link href="/" className="mt-6 inline-block text-brand underline">
        Go to your home page
      </Link>
    </main>
  );
}
