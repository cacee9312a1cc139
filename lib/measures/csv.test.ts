import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("writes a header and rows with CRLF line ends, empty cells for null", () => {
    expect(toCsv(["a", "b", "c"], [[1, true, null], ["x", false, 2.5]])).toBe("a,b,c\r\n1,true,\r\nx,false,2.5\r\n");
  });

  it("quotes cells holding commas, quotes or line breaks", () => {
    expect(toCsv(["note"], [['said "no", then left'], ["two\nlines"]])).toBe('note\r\n"said ""no"", then left"\r\n"two\nlines"\r\n');
  });

  it("neutralizes cells that a spreadsheet would run as a formula", () => {
    expect(toCsv(["v"], [["=HYPERLINK(\"http://x\")"], ["+1"], ["-2"], ["@SUM(A1)"], ["plain"]])).toBe(
      'v\r\n"\'=HYPERLINK(""http://x"")"\r\n\'+1\r\n\'-2\r\n\'@SUM(A1)\r\nplain\r\n',
    );
  });

  it("leaves negative numbers as numbers", () => {
    expect(toCsv(["n"], [[-3]])).toBe("n\r\n-3\r\n");
  });
});
