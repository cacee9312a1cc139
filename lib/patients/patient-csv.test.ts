import { describe, expect, it } from "vitest";
import { checkPatientCsv, MAX_IMPORT_ROWS } from "./patient-csv";

describe("a patient file", () => {
  it("reads columns by their header, in any order, with quotes, a byte-order mark, CRLF and blank lines", () => {
    const file = '\uFEFFSex,Birth date,MRN,Family name,Given name,Notes\r\nF,1970-03-14,A-100,"O\'Brien, Jr",Mary,ignored\r\n\r\nm,1980-01-02,A-101,Haddad,Omar,\r\n';
    expect(checkPatientCsv(file)).toEqual({
      rows: [
        { line: 2, mrn: "A-100", familyName: "O'Brien, Jr", givenName: "Mary", birthDate: "1970-03-14", sex: "female" },
        { line: 4, mrn: "A-101", familyName: "Haddad", givenName: "Omar", birthDate: "1980-01-02", sex: "male" },
      ],
      problems: [],
      total: 2,
    });
  });

  it("names every problem by line and column, and an MRN given twice", () => {
    const file = [
      "mrn,family_name,given_name,birth_date,sex",
      "B-1,Ames,Ann,1970-01-01,female",
      "B 2,,Bo,2999-01-01,x",
      "B-1,Cole,Cy,01/02/1970,unknown",
      "B-3,Dunn",
    ].join("\n");
    const { rows, problems } = checkPatientCsv(file);
    expect(rows.map((r) => r.mrn)).toEqual(["B-1"]);
    expect(problems).toEqual([
      { line: 3, column: "MRN", message: "MRN may hold letters, digits and hyphens only" },
      { line: 3, column: "family name", message: "Family name is required" },
      { line: 3, column: "birth date", message: "Birth date cannot be in the future" },
      { line: 3, column: "sex", message: "Choose female, male, other or unknown" },
      { line: 4, column: "birth date", message: "Birth date must be a date (YYYY-MM-DD)" },
      { line: 5, column: "given name", message: "Given name is required" },
      { line: 5, column: "birth date", message: "Birth date must be a date (YYYY-MM-DD)" },
      { line: 5, column: "sex", message: "Choose female, male, other or unknown" },
    ]);
    expect(checkPatientCsv("mrn,family name,given name,birth date,sex\nC-1,A,B,1970-01-01,f\nC-1,A,B,1970-01-01,f\n").problems).toEqual([{ line: 3, column: "MRN", message: "MRN C-1 is also on line 2" }]);
  });

  it("says what is wrong with a file that is not a patient list", () => {
    expect(checkPatientCsv("").problems).toEqual([{ line: 1, column: null, message: "the file is empty: the first line names the columns" }]);
    expect(checkPatientCsv("mrn,name\nA,B\n").problems.map((p) => p.message)).toEqual(['no "family name" column in the header', 'no "given name" column in the header', 'no "birth date" column in the header', 'no "sex" column in the header']);
    expect(checkPatientCsv('mrn,family name,given name,birth date,sex\n"A-1,B').problems[0]?.message).toMatch(/^the file is not readable CSV: Quote Not Closed/);
    expect(checkPatientCsv("mrn,family name,given name,birth date,sex\n").problems).toEqual([{ line: 1, column: null, message: "the file has a header but no patients" }]);
    const tooMany = ["mrn,family name,given name,birth date,sex", ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `M-${i},A,B,1970-01-01,f`)].join("\n");
    expect(checkPatientCsv(tooMany).problems).toEqual([{ line: MAX_IMPORT_ROWS + 2, column: null, message: `at most ${MAX_IMPORT_ROWS} patients a file` }]);
  });
});
