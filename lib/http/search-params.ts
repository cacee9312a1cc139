export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A page's query string as plain strings (the first of repeated keys), for the data layer to validate. */
export async function queryOf(searchParams: SearchParams): Promise<Record<string, string>> {
  const entries = Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]);
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}
