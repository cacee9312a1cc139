import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";

/**
 * The Flesch-Kincaid grade level of a text (the formula and syllable counts from their libraries). A line break or
 * the end of a sentence (., !, ?, :) closes a sentence; list items are separate lines.
 */
export function gradeLevel(text: string): number {
  const sentences = text.split(/[.!?:]+(?:\s|$)|\n/).filter((sentence) => /[A-Za-z]/.test(sentence));
  const words = text.match(/[A-Za-z0-9'’-]+/g) ?? [];
  return fleschKincaid({ sentence: sentences.length, word: words.length, syllable: words.reduce((total, word) => total + syllable(word), 0) });
}
