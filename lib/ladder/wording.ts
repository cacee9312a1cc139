// Small helpers for the engine's sentences, which are assembled from phrases.

/** The phrase with its first letter capitalized, for when it opens a sentence. */
export function capitalized(phrase: string): string {
  return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}`;
}
