// Pure text helpers: interface strings with {placeholders}, counts, values as a card shows them, mail links.
import { formatDate, parseIsoDate } from "./wording.js";

// An interface string with each {name} replaced by its value; unknown names stay as written.
export const format = (template, values) =>
  template.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(values, name) ? String(values[name]) : whole));

// "1 blank", "3 blanks": the interface string for the count's plural category in the page's language
// (Intl.PluralRules: one, few, many, other...), falling back to the "other" string when a language has no such key.
export function counted(ui, noun, count) {
  const { plural, number } = countFormats(ui.locale || "");
  return format(ui[`${noun}_${plural.select(count)}`] ?? ui[`${noun}_other`], { count: number.format(count) });
}

// The plural rules and number format of a locale, made once: each card redraw counts several times.
const formats = new Map();
function countFormats(locale) {
  if (!formats.has(locale)) {
    formats.set(locale, { plural: new Intl.PluralRules(locale || undefined), number: new Intl.NumberFormat(locale || undefined) });
  }
  return formats.get(locale);
}

// A value as a card shows it: one line (no CR/LF reaches a mail header), an ISO date written as a person writes it
// ("3 March" in en-GB, "March 3" in en-US, the year only when it is not the current one).
export function displayValue(value, locale, today = new Date()) {
  const text = String(value ?? "").replace(/\s+/g, " ").trim();
  return parseIsoDate(text) ? formatDate(text, { locale, today }) : text;
}

// How many sentences a text has, by the generator's rule (shipped in the page data).
export const sentenceCount = (text, sentenceEnd) => (text.match(new RegExp(sentenceEnd, "g")) || []).length;

const encode = (text) => encodeURIComponent(String(text ?? "").toWellFormed?.() ?? String(text ?? ""));

// A mailto: URL (RFC 6068) with the body's line breaks as CRLF, and the addresses copied in (cc) if any.
export const mailtoUrl = (to, subject, body, cc = []) =>
  `mailto:${encode(to).replace(/%40/g, "@")}?${cc.length ? `cc=${cc.map((a) => encode(a).replace(/%40/g, "@")).join(",")}&` : ""}` +
  `subject=${encode(subject)}&body=${encode(body.replace(/\r\n|\r|\n/g, "\r\n"))}`;
