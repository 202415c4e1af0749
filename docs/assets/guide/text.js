// Pure text helpers: interface strings with {placeholders}, counts, values as a card shows them, mail links.
import { formatDate, parseIsoDate } from "./wording.js";

// An interface string with each {name} replaced by its value; unknown names stay as written.
export const format = (template, values) =>
  template.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(values, name) ? String(values[name]) : whole));

// "1 blank", "3 blanks": the interface string for the count's plural category in the page's language
// (Intl.PluralRules: one, few, many, other...), falling back to the "other" string when a language has no such key.
// The count is written as is when the page data says the language uses the digits 0-9 (numbers.latinDigits), and
// otherwise by Intl.NumberFormat, whose first use costs a phone about 100 ms setting up ICU's number data.
export function counted(ui, noun, count, latinDigits = false) {
  const locale = ui.locale || undefined; // none: the browser's own
  const plural = (plurals[locale] ??= new Intl.PluralRules(locale));
  const written = latinDigits ? String(count) : (numbers[locale] ??= new Intl.NumberFormat(locale)).format(count);
  return format(ui[`${noun}_${plural.select(count)}`] ?? ui[`${noun}_other`], { count: written });
}

// The plural rules and number formats made so far, by locale: each card redraw counts several times.
const plurals = Object.create(null);
const numbers = Object.create(null);

// A value as a card shows it: one line (no CR/LF reaches a mail header), without the gender marker a job title is
// advertised with ("Datenanalyst (m/w/d)", "(H/F)": nobody writes it of themselves), an ISO date written as a
// person writes it ("3 March" in en-GB, "March 3" in en-US, the year only when it is not the current one).
export function displayValue(value, locale, today = new Date()) {
  const text = String(value ?? "").replace(/\s+/g, " ").trim().replace(/\s*\((?:\p{L}\s*\/\s*){1,3}\p{L}\)$/u, "");
  return parseIsoDate(text) ? formatDate(text, { locale, today }) : text;
}

// How many sentences a text has, by the generator's rule (shipped in the page data).
export const sentenceCount = (text, sentenceEnd) => (text.match(new RegExp(sentenceEnd, "g")) || []).length;

const encode = (text) => encodeURIComponent(String(text ?? "").toWellFormed?.() ?? String(text ?? ""));

// A mailto: URL (RFC 6068) with the body's line breaks as CRLF, and the addresses copied in (cc) if any.
export const mailtoUrl = (to, subject, body, cc = []) =>
  `mailto:${encode(to).replace(/%40/g, "@")}?${cc.length ? `cc=${cc.map((a) => encode(a).replace(/%40/g, "@")).join(",")}&` : ""}` +
  `subject=${encode(subject)}&body=${encode(body.replace(/\r\n|\r|\n/g, "\r\n"))}`;
