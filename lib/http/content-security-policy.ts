// The pages' Content-Security-Policy: scripts run only with this response's nonce (Next puts it on its own scripts)
// or when loaded by one that has it, nothing is framed, and forms post only here. Styles may be inline because
// React writes style attributes; no script can be. Development adds 'unsafe-eval', which React's dev build needs.
export const NONCE_HEADER = "x-nonce";

export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** A fresh nonce for one response: 128 random bits. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
