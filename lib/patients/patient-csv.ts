import { parse } from "csv-parse/sync";
import { patientFields, type PatientFields } from "./patient-input";

// A file of patients to import, checked row by row before anything is written: every problem named by its line and
// column in the file. Columns are found by their header, in any order: MRN, family name, given name, birth date
// (YYYY-MM-DD) and sex (female, male, other or unknown; F, M, O or U). Other columns are ignored.

export const MAX_IMPORT_ROWS = 20_000;

export type CsvProblem = { line: number; column: string | null; message: string };
export type CheckedRow = PatientFields & { line: number };
/** `total` counts the patients the file holds, with problems or without. */
export type CheckedFile = { rows: CheckedRow[]; problems: CsvProblem[]; total: number };

/** The columns a file gives: demographics only; contact details are entered on the patient's record. */
type Field = Exclude<keyof PatientFields, "phone" | "email" | "preferredContact">;

/** Header spellings accepted for each field, compared in lower case without spaces, underscores or hyphens. */
const HEADERS: Record<Field, readonly string[]> = {
  mrn: ["mrn", "medicalrecordnumber"],
  familyName: ["familyname", "lastname", "surname"],
  givenName: ["givenname", "firstname"],
  birthDate: ["birthdate", "dateofbirth", "dob"],
  sex: ["sex"],
};
const FIELD_NAMES: Record<Field, string> = { mrn: "MRN", familyName: "family name", givenName: "given name", birthDate: "birth date", sex: "sex" };
const SEX_LETTERS: Record<string, string> = { f: "female", m: "male", o: "other", u: "unknown" };

const normalize = (header: string) => header.toLowerCase().replace(/[\s_-]+/g, "");

export function checkPatientCsv(text: string): CheckedFile {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const failure = error as { message?: string; lines?: number };
    return { rows: [], total: 0, problems: [{ line: failure.lines ?? 1, column: null, message: `the file is not readable CSV: ${failure.message ?? "unknown error"}` }] };
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], total: 0, problems: [{ line: 1, column: null, message: "the file is empty: the first line names the columns" }] };
  const names = header.record.map(normalize);
  const position = {} as Record<Field, number>;
  const problems: CsvProblem[] = [];
  for (const field of Object.keys(HEADERS) as Field[]) {
    const at = names.findIndex((name) => HEADERS[field].includes(name));
    if (at === -1) problems.push({ line: header.info.lines, column: FIELD_NAMES[field], message: `no "${FIELD_NAMES[field]}" column in the header` });
    position[field] = at;
  }
  const total = body.length;
  if (problems.length) return { rows: [], total, problems };
  if (!total) return { rows: [], total, problems: [{ line: header.info.lines, column: null, message: "the file has a header but no patients" }] };
  if (total > MAX_IMPORT_ROWS) return { rows: [], total, problems: [{ line: body[MAX_IMPORT_ROWS]!.info.lines, column: null, message: `at most ${MAX_IMPORT_ROWS} patients a file` }] };

  const rows: CheckedRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info } of body) {
    const cell = (field: Field) => record[position[field]] ?? "";
    const sex = cell("sex").toLowerCase();
    const parsed = patientFields.safeParse({
      mrn: cell("mrn"),
      familyName: cell("familyName"),
      givenName: cell("givenName"),
      birthDate: cell("birthDate"),
      sex: SEX_LETTERS[sex] ?? sex,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ line: info.lines, column: FIELD_NAMES[issue.path[0] as Field] ?? null, message: issue.message });
      continue;
    }
    const seen = firstLineOf.get(parsed.data.mrn);
    if (seen !== undefined) {
      problems.push({ line: info.lines, column: "MRN", message: `MRN ${parsed.data.mrn} is also on line ${seen}` });
      continue;
    }
    firstLineOf.set(parsed.data.mrn, info.lines);
    rows.push({ ...parsed.data, line: info.lines });
  }
  return { rows, problems, total };
}
