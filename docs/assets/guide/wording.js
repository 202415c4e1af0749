// Message text from parsed templates: optional parts that drop out cleanly, layout, text budgets and dates.
// Pure functions, no DOM: the card turns the pieces into nodes with textContent.

const CLOSING_PUNCTUATION = /^[.,;:!?)]/;
const DANGLING = /[,;]$/;
const SENTENCE_END = /[.!?]["'’”)]*$/;

/** True when a value counts as filled in (not empty, not only spaces). */
export const isFilled = (value) => String(value ?? "").trim() !== "";

/** Upper-case the first letter of text (used where a dropped part leaves a sentence start). */
const capitalize = (text) => text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());

/** A value without its first word when the text before the blank ends with that word: "how [Topic]" filled
 * with "how the team works" reads "how the team works", not "how how". */
function withoutRepeat(before, value) {
  const last = /(\p{L}+)\s+$/u.exec(before)?.[1];
  const first = /^(\p{L}+)\s+(?=\S)/u.exec(value);
  return last && first && first[1].toLowerCase() === last.toLowerCase() ? value.slice(first[0].length) : value;
}

/** A value without the full stop typed at its end when the template goes on after it: before punctuation always
 * ("about the guide." + "." is one full stop), before more words only after a word of four letters or more, so that
 * "Acme Inc." keeps its dot ("the style guide. made the role" reads "the style guide made the role"). */
function withoutStop(value, after) {
  const stop = /(\p{L}*)\.+$/u.exec(value);
  if (!stop || !(/^[.,;:!?]/.test(after) || (/^\s+\p{L}/u.test(after) && stop[1].length >= 4))) return value;
  return value.slice(0, stop.index + stop[1].length);
}

/** Render parsed template nodes (from generator/wording.py) with values: { pieces, text, missing }. */
export function renderTemplate(nodes, values) {
  const pieces = [];
  const missing = [];
  // A dropped part waiting to be closed up: the most newlines around it, and whether it ended with a comma.
  let gap = null;
  const shown = (p) => (p.blank ? p.value || `[${p.label}]` : p.text);
  const lastText = () => pieces.map(shown).join("");
  const trimTail = () => {
    let newlines = 0;
    for (let i = pieces.length - 1; i >= 0; i--) {
      const p = pieces[i];
      if (p.blank) break;
      const tail = /\s*$/.exec(p.text)[0];
      newlines = Math.max(newlines, (tail.match(/\n/g) || []).length);
      p.text = p.text.slice(0, p.text.length - tail.length);
      if (p.text) break;
      pieces.pop();
    }
    return newlines;
  };
  const dropDangling = () => {
    const p = pieces[pieces.length - 1];
    if (p && !p.blank && DANGLING.test(p.text)) p.text = p.text.slice(0, -1);
  };
  // Close the gap before `rest`: the separator it needs, a dangling comma removed, a capital at a sentence start.
  const join = (rest, isText) => {
    const before = lastText();
    const { newlines, comma } = gap;
    gap = null;
    const start = (text) => (isText ? capitalize(text) : text);
    if (!before) return start(rest);
    if (newlines) return "\n".repeat(Math.min(newlines, 2)) + start(rest);
    if (/^[.,;:!?]/.test(rest) || (comma && /^\p{L}/u.test(rest))) dropDangling();
    if (CLOSING_PUNCTUATION.test(rest)) return rest;
    return " " + (SENTENCE_END.test(before.trimEnd()) ? start(rest) : rest);
  };
  const emit = (node) => {
    if (typeof node === "string") {
      if (!gap) return node && pieces.push({ text: node });
      const lead = /^\s*/.exec(node)[0];
      gap.newlines = Math.max(gap.newlines, (lead.match(/\n/g) || []).length);
      const rest = node.slice(lead.length);
      if (rest) pieces.push({ text: join(rest, true) });
      return;
    }
    const value = withoutRepeat(lastText(), String(values[node.blank] ?? "").replace(/\s+/g, " ").trim());
    if (!value) missing.push(node.blank);
    if (gap) {
      const sep = join("", false);
      if (sep) pieces.push({ text: sep });
    }
    pieces.push({ blank: node.blank, label: node.label ?? node.blank, value });
  };
  const endsWithComma = (parts) => /,\s*$/.test(parts.filter((p) => typeof p === "string").at(-1) ?? "");
  for (const node of nodes) {
    if (node && node.optional) {
      if (node.needs.every((key) => isFilled(values[key]))) node.optional.forEach(emit);
      else {
        const newlines = trimTail();
        gap = { newlines: Math.max(newlines, gap ? gap.newlines : 0), comma: endsWithComma(node.optional) };
      }
    } else emit(node);
  }
  if (gap && !gap.newlines) dropDangling();
  pieces.forEach((p, i) => {
    if (p.blank && p.value) p.value = withoutStop(p.value, pieces.slice(i + 1).map(shown).join(""));
  });
  const text = pieces.map(shown).join("");
  return { pieces, text, missing: [...new Set(missing)] };
}

/** Put greeting, body and closing together: "letter" (email, letter) or "note" (LinkedIn, text message: one line
 * each for greeting, body and name, so the body starts with its capital after "Hi Anna,"). */
export function composeMessage({ greeting = "", body = "", signOff = "", name = "", signature = [] }, layout = "letter") {
  if (layout === "note") return [greeting, body, name].filter(isFilled).join("\n");
  const closing = [signOff, name, ...signature].filter(isFilled).join("\n");
  return [greeting, body, closing].filter(isFilled).join("\n\n");
}

// --- Text message budget (GSM 03.38) ---

const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿" +
    "abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM_EXTENSION = new Set("^{}\\[~]|€\f");

/** Length of one text message: GSM-7 units (extension characters count two) of 160, or UTF-16 units of 70. */
export function smsBudget(text) {
  const chars = [...String(text)];
  const outside = chars.find((c) => !GSM_BASIC.has(c) && !GSM_EXTENSION.has(c)) || "";
  const units = outside ? String(text).length : chars.reduce((n, c) => n + (GSM_EXTENSION.has(c) ? 2 : 1), 0);
  const limit = outside ? 70 : 160;
  return { encoding: outside ? "UCS-2" : "GSM-7", units, limit, over: Math.max(0, units - limit), outside };
}

// --- Dates as a person writes them ---

/** Parse "YYYY-MM-DD" as a local calendar date (midnight here), or null; never through new Date("YYYY-MM-DD"). */
export function parseIsoDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso ?? "").trim());
  if (!m) return null;
  const [year, month, day] = [+m[1], +m[2], +m[3]];
  const date = new Date(year, month - 1, day);
  date.setFullYear(year); // years 0-99 would otherwise mean 1900-1999
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

const dateFormats = new Map(); // formatDate's formats, made once per locale and options

/** "3 March" (en-GB), "March 3" (en-US), "3. März" (de-DE); the year only when not this year; weekday optional. */
export function formatDate(iso, { locale = "en-GB", weekday = false, today = new Date() } = {}) {
  const date = parseIsoDate(iso);
  if (!date) return String(iso ?? "");
  const options = { day: "numeric", month: "long" };
  if (date.getFullYear() !== today.getFullYear()) options.year = "numeric";
  if (weekday) options.weekday = "long";
  const key = `${locale} ${options.year || ""} ${options.weekday || ""}`;
  if (!dateFormats.has(key)) dateFormats.set(key, new Intl.DateTimeFormat(locale, options));
  return dateFormats.get(key).format(date);
}

/** The body nodes for person `index` (0-based): each item's chosen alternative, joined by spaces into one text. */
export function pickBody(body, index = 0) {
  const choice = body.choices[index % body.choices.length] || [];
  return body.items.flatMap((alts, i) => (i ? [" ", ...alts[choice[i] || 0]] : alts[choice[i] || 0]));
}
