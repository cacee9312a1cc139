import { z } from "zod";
import { toIsoDate } from "@/lib/dates";
import { plainText } from "@/lib/plain-text";

// A patient's demographics as entered on the form or imported from a file: the same rules and messages for both.

const today = () => toIsoDate(new Date());

export const SEX_VALUES = ["female", "male", "other", "unknown"] as const;

export const patientFields = z.object({
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
});

export type PatientFields = z.output<typeof patientFields>;
