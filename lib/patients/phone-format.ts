import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/** A stored E.164 number as people read it: national format for US numbers, international otherwise. */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === "US" ? parsed.formatNational() : parsed.formatInternational();
}
