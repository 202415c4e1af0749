// How alike two notes are, sentence by sentence: the same measure as generator/wording.py.
// Two sentences are shared when the words they have in common are more than half of their average length
// (4 x common > a + b), once names, topics and [blanks] are set aside; two notes are too alike when their shared
// sentences are more than half of their average count (4 x shared > a + b).

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
const BLANK = /\[[^[\]\n]*\]/g;

/** Escape text for use inside a regular expression. */
const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The words of a sentence, lower case, counted, with blanks and the `aside` values (names, topics) removed. */
export function words(sentence, aside = []) {
  let text = String(sentence).normalize("NFC").replace(/\u2019/g, "'").replace(BLANK, " ");
  for (const value of aside) {
    const v = String(value ?? "").normalize("NFC").replace(/\u2019/g, "'").trim();
    if (v) text = text.replace(new RegExp(literal(v), "giu"), " ");
  }
  const counts = new Map();
  for (const word of text.toLowerCase().match(WORD) || []) counts.set(word, (counts.get(word) || 0) + 1);
  return counts;
}

/** Split text into sentences: a break after ".", "!" or "?" followed by white space (no look-behind: Safari 16.3). */
export const sentences = (text) =>
  String(text).replace(/[{}]/g, "").trim().replace(/([.!?])\s+/g, "$1\u0000").split("\u0000").filter(Boolean);

const total = (counts) => [...counts.values()].reduce((a, b) => a + b, 0);

/** True when the words in common are more than half of the two sentences' average length. */
export function sameSentence(a, b, aside = []) {
  const wa = words(a, aside);
  const wb = words(b, aside);
  let common = 0;
  for (const [word, n] of wa) common += Math.min(n, wb.get(word) || 0);
  return 4 * common > total(wa) + total(wb);
}

/** Pairs [i, j] of shared sentences between two lists of sentences, each sentence used once. */
export function sharedSentences(a, b, aside = []) {
  const used = new Set();
  const pairs = [];
  a.forEach((s, i) => {
    const j = b.findIndex((t, k) => !used.has(k) && sameSentence(s, t, aside));
    if (j >= 0) used.add(j), pairs.push([i, j]);
  });
  return pairs;
}

/** True when two notes (lists of sentences) share more than half of their sentences. */
export const tooSimilar = (a, b, aside = []) => 4 * sharedSentences(a, b, aside).length > a.length + b.length;

/** For notes [{ text, aside }], every pair too alike: which notes, the shared sentences, and how many to reword. */
export function similarityWarnings(notes) {
  const split = notes.map((n) => sentences(n.text));
  const warnings = [];
  for (let i = 0; i < notes.length; i++) {
    for (let j = i + 1; j < notes.length; j++) {
      const aside = [...(notes[i].aside || []), ...(notes[j].aside || [])];
      const pairs = sharedSentences(split[i], split[j], aside);
      const allowed = Math.floor((split[i].length + split[j].length) / 4);
      if (pairs.length > allowed) {
        warnings.push({
          first: i,
          second: j,
          shared: pairs.map(([a, b]) => [split[i][a], split[j][b]]),
          reword: pairs.length - allowed,
        });
      }
    }
  }
  return warnings;
}
