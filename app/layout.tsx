import type { Metadata } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Backstep", template: "%s · Backstep" },
  description: "Stepped-care decision support for chronic low back pain",
};

// Every page is rendered per request, with the nonce proxy.ts put in its Content-Security-Policy: a page built ahead
// of time would carry scripts without it, which the policy blocks.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
