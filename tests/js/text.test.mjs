// Unit tests of the text helpers (docs/assets/guide/text.js) and the calendar file (calendar.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { escapeText, foldLine, utcInstant } from "../../docs/assets/guide/calendar.js";
import { counted, displayValue, format, mailtoUrl, sentenceCount } from "../../docs/assets/guide/text.js";

test("interface strings fill their placeholders and keep unknown ones", () => {
  assert.equal(format("{count} of {limit}", { count: 3, limit: 200 }), "3 of 200");
  assert.equal(format("{constructor} {missing}", { constructor: "x" }), "x {missing}");
  const ui = { blank_one: "{count} blank", blank_other: "{count} blanks" };
  assert.equal(counted(ui, "blank", 1), "1 blank");
  assert.equal(counted(ui, "blank", 2), "2 blanks");
});

test("counts use the language's digits, and skip Intl.NumberFormat where the page data says they are 0-9", () => {
  const ui = { locale: "ar-EG", blank_one: "{count} blank", blank_other: "{count} blanks" };
  assert.equal(counted(ui, "blank", 12), "١٢ blanks"); // the browser's number format: Arabic-Indic digits
  const real = Intl.NumberFormat;
  Intl.NumberFormat = function () {
    throw new Error("NumberFormat made");
  };
  try {
    const en = { locale: "en-GB", blank_one: "{count} blank", blank_other: "{count} blanks" };
    assert.equal(counted(en, "blank", 1, true), "1 blank");
    assert.equal(counted(en, "blank", 1234, true), "1234 blanks");
    assert.throws(() => counted({ ...en, locale: "fa" }, "blank", 3), /NumberFormat made/); // not told: Intl decides
  } finally {
    Intl.NumberFormat = real;
  }
});

test("values are one line, with ISO dates written out", () => {
  assert.equal(displayValue(" a\r\nb  c ", "en-GB"), "a b c");
  const today = new Date(2026, 5, 1);
  assert.equal(displayValue("2026-03-03", "en-GB", today), "3 March");
  assert.equal(displayValue("2026-03-03", "en-US", today), "March 3");
  assert.equal(displayValue("2027-01-04", "en-GB", today), "4 January 2027");
  assert.equal(displayValue("2025-12-31", "en-US", today), "December 31, 2025");
  assert.equal(displayValue("2026-02-30", "en-GB"), "2026-02-30");
  assert.equal(displayValue(undefined, "en-GB"), "");
});

test("the sentence rule and mail links", () => {
  assert.equal(sentenceCount("One. Two!? Three 1.5 times", "[.!?]+(?=\\s|$)"), 2);
  const url = mailtoUrl("a@b.example", "Hi & bye", "line\nnext");
  assert.equal(url, "mailto:a@b.example?subject=Hi%20%26%20bye&body=line%0D%0Anext");
  assert.equal(mailtoUrl("x@y.example\r\nBcc: z@w", "", ""), "mailto:x@y.example%0D%0ABcc%3A%20z@w?subject=&body=");
});

test("calendar text is escaped, folded by octets, and wall-clock times become UTC", () => {
  assert.equal(escapeText("a;b,c\\d\ne\u0001"), "a\\;b\\,c\\\\d\\ne");
  const folded = foldLine("SUMMARY:" + "é".repeat(60));
  for (const line of folded.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75);
  assert.equal(folded.replace(/\r\n /g, ""), "SUMMARY:" + "é".repeat(60));
  assert.equal(new Date(utcInstant("2026-03-29", "15:00", "Europe/London")).toISOString(), "2026-03-29T14:00:00.000Z");
  assert.equal(new Date(utcInstant("2026-01-15", "09:30", "Asia/Kolkata")).toISOString(), "2026-01-15T04:00:00.000Z");
});

test("a job title loses the gender marker it is advertised with, and only that", () => {
  for (const marker of ["(m/w/d)", "(w/m/d)", "(m/f/d)", "(M / W / D)", "(H/F)", "(f/m/x)"]) {
    assert.equal(displayValue(`Datenanalyst ${marker}`, "de-DE"), "Datenanalyst");
  }
  assert.equal(displayValue("Sales Manager (UK/EU)", "en-GB"), "Sales Manager (UK/EU)");
  assert.equal(displayValue("Engineer (m/w/d) Berlin", "de-DE"), "Engineer (m/w/d) Berlin"); // not at the end: left
});
