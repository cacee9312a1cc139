import { z } from "zod";
import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { toIsoDate } from "@/lib/dates";
import { plainText } from "@/lib/plain-text";
import { CONTACT_METHODS, type ContactMethod } from "./contact-methods";

// A patient's demographics as entered on the form or imported from a file: the same rules and messages for both.

const today = () => toIsoDate(new Date());

export const SEX_VALUES = ["female", "male", "other", "unknown"] as const;

/** Blank means not given; anything else must be a real number (read as a US number unless it starts with +). */
const phone = z
  .string({ error: "Phone must be text" })
  .trim()
  .max(30, { error: "Phone is at most 30 characters" })
  .transform((value, ctx) => {
    if (!value) return undefined;
    const parsed = parsePhoneNumberFromString(value, "US");
    if (!parsed?.isValid()) {
      ctx.addIssue({ code: "custom", message: "Phone must be a valid number, e.g. (555) 201-0123 or +44 20 7946 0123" });
      return z.NEVER;
    }
    return parsed.number;
  })
  .optional();
const email = z
  .string({ error: "Email must be text" })
  .trim()
  .max(200, { error: "Email is at most 200 characters" })
  .pipe(z.union([z.literal(""), z.email({ error: "Email must be an address like name@example.org" })]))
  .transform((value) => value || undefined)
  .optional();

/** The demographics and contact details, before the rule that ties the preferred contact to a way of reaching it. */
export const patientShape = z.object({
  mrn: z
    .string()
    .trim()
    .min(1, { error: "MRN is required" })
    .max(32, { error: "MRN is at most 32 characters" })
    .regex(/^[A-Za-z0-9-]+$/, { error: "MRN may hold letters, digits and hyphens only" }),
  givenName: plainText(z.string().trim().min(1, { error: "Given name is required" }).max(100, { error: "Given name is at most 100 characters" }), "Given name"),
  familyName: plainText(z.string().trim().min(1, { error: "Family name is required" }).max(100, { error: "Family name is at most 100 characters" }), "Family name"),
  birthDate: z.iso
    .date({ error: "Birth date must be a date (YYYY-MM-DD)", abort: true })
    .refine((value) => value <= today(), { error: "Birth date cannot be in the future" })
    .refine((value) => value >= "1900-01-01", { error: "Birth date must be after 1900" }),
  sex: z.enum(SEX_VALUES, { error: "Choose female, male, other or unknown" }),
  phone,
  email,
  preferredContact: z
    .union([z.literal(""), z.enum(Object.keys(CONTACT_METHODS) as [ContactMethod, ...ContactMethod[]])], { error: "Choose phone call, text message, email or letter" })
    .transform((value) => value || undefined)
    .optional(),
});

/** A preferred contact by phone, text or email needs the number or address to use. */
export function contactReachable(patient: { phone?: string; email?: string; preferredContact?: ContactMethod }, ctx: z.RefinementCtx): void {
  const method = patient.preferredContact;
  if (method === "email" && !patient.email) ctx.addIssue({ code: "custom", path: ["email"], message: "Give the email address for the preferred contact" });
  if ((method === "phone" || method === "text") && !patient.phone) ctx.addIssue({ code: "custom", path: ["phone"], message: "Give the phone number for the preferred contact" });
}

export const patientFields = patientShape.superRefine(contactReachable);

export type PatientFields = z.output<typeof patientFields>;
