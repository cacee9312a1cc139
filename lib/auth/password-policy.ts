import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

// Passwords after NIST SP 800-63B: long enough, no composition rules, and not one that is common or easy to guess.
// Guessability is zxcvbn's estimate against its common-password, name and English word lists and keyboard patterns.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
/** zxcvbn's score (0-4): 3 is "safely unguessable" against online and throttled attacks. */
const MIN_SCORE = 3;

let checker: ZxcvbnFactory | undefined;

function strength(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return checker;
}

/**
 * Why the password is refused, in words for the person choosing it; null when it is acceptable. `personal` are words
 * the person's own details give away (name, email, organization), which count against it.
 */
export function passwordProblem(password: string, personal: readonly string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `use at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `use at most ${MAX_PASSWORD_LENGTH} characters`;
  const words = personal.flatMap((text) => text.toLowerCase().split(/[^a-z0-9]+/)).filter((word) => word.length >= 3);
  const result = strength().check(password, words);
  if (result.score >= MIN_SCORE) return null;
  const hint = result.feedback.warning || result.feedback.suggestions[0];
  return `this password is too easy to guess${hint ? ` (${hint.replace(/\.$/, "").toLowerCase()})` : ""}; a few unrelated words together make a strong one`;
}
