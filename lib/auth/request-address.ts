// The client's address as the server saw it. Behind a proxy the first x-forwarded-for entry is the client.
export function requestAddress(headers: { get(name: string): string | null } | Record<string, unknown>): string | null {
  const read = (name: string): string | null => {
    if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(n: string): string | null }).get(name);
    const value = (headers as Record<string, unknown>)[name];
    return typeof value === "string" ? value : null;
  };
  const forwarded = read("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || read("x-real-ip") || null;
}
