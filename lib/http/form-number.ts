/**
 * A number typed in a form: blank is undefined, a number is a number, and anything else stays text, so the server's
 * schema names the field ("... must be a number") instead of the browser turning it into NaN or zero.
 */
export function formNumber(value: FormDataEntryValue | null): number | string | undefined {
  if (value === null || value === "") return undefined;
  return Number.isNaN(Number(value)) ? String(value) : Number(value);
}
