/** Only same-site paths may be redirect targets, so a crafted link cannot send a user elsewhere. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  return value;
}
