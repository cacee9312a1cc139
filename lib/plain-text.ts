import type { z } from "zod";

// Characters no name or note needs, and that do harm: C0 and C1 controls (a NUL byte breaks the database's text),
// bidirectional overrides that make text read differently from what it is, and zero-width characters that hide in
// names and exports. Notes may keep tabs and line breaks.
const HIDDEN = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\u061C\\uFEFF";
const IN_A_LINE = new RegExp(`[\\t\\n\\r${HIDDEN}]`);
const IN_A_NOTE = new RegExp(`[${HIDDEN}]`);

/** The schema, refusing control, direction-override and zero-width characters with a message naming the field. */
export function plainText<T extends z.ZodType<string | undefined | null>>(schema: T, label: string, kind: "line" | "note" = "line"): T {
  const forbidden = kind === "line" ? IN_A_LINE : IN_A_NOTE;
  return schema.refine((value) => typeof value !== "string" || !forbidden.test(value), {
    error: `${label} contains a control or invisible character; retype it`,
  }) as unknown as T;
}
