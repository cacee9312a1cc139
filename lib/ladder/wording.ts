// Small helpers for the engine's sentences, which are assembled from phrases.

/** The phrase with its first letter capitalized, for when it opens a sentence. */
export function capitalized(phrase: string): string {
  return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}`;
}

/** A list as a sentence names it: "a", "a and b", "a, b and c"; a drug listed twice (two strengths) is named once. */
export function inWords(items: readonly string[]): string {
  const unique = items.length > 1 ? [...new Set(items)] : items;
  return unique.length > 1 ? `${unique.slice(0, -1).join(", ")} and ${unique[unique.length - 1]}` : (unique[0] ?? "");
}
