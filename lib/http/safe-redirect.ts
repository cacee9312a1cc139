// A stand-in origin to resolve against: only whether the target stays on it matters, never which host it is.
const HERE = "https://backstep.invalid";
// C0 and C1 controls (a tab or newline is dropped by browsers, turning "/\t/evil.example" into "//evil.example").
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Only same-site paths may be redirect targets, so a crafted link cannot send a user elsewhere. The value is parsed
 * as the browser would parse it, and what is returned is rebuilt from the parsed path, query and fragment.
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.includes("\\") || CONTROL.test(value)) return "/";
  let parsed: URL;
  try {
    parsed = new URL(value, HERE);
  } catch {
    return "/";
  }
  if (parsed.origin !== HERE || parsed.pathname.startsWith("//")) return "/";
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
