// Unit tests for docs/assets/guide/similarity.js: the sentence-sharing measure and the warnings built on it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { sameSentence, sentences, sharedSentences, tooSimilar, similarityWarnings } from "../../docs/assets/guide/similarity.js";

const cases = JSON.parse(readFileSync(new URL("./similarity-cases.json", import.meta.url), "utf8"));

for (const c of cases.sentences) {
  test(`same sentence? ${c.why}`, () => {
    assert.equal(sameSentence(c.a, c.b), c.same);
    assert.equal(sameSentence(c.b, c.a), c.same);
  });
}

for (const c of cases.notes) {
  test(`shared sentences: ${c.a} / ${c.b}`, () => {
    assert.equal(sharedSentences(sentences(c.a), sentences(c.b)).length, c.shared);
    assert.equal(tooSimilar(sentences(c.a), sentences(c.b)), c.tooSimilar);
  });
}

test("names and topics the person typed are set aside before comparing", () => {
  const a = "Thank you, Anna, for the chat about release planning.";
  const b = "Thank you, Tom, for the chat about the on-call rota.";
  assert.equal(sameSentence(a, b), true);
  const c = "Anna Berg explained release planning at length today.";
  const d = "Tom Okafor explained the on-call rota at length today.";
  assert.equal(sameSentence(c, d), false);
  assert.equal(sameSentence(c, d, ["Anna Berg", "release planning", "Tom Okafor", "the on-call rota"]), true);
});

test("warnings name the pair, the shared sentences and how many to reword", () => {
  const shape = (name, topic) => ({
    text: `Thank you for meeting me, ${name}. I enjoyed our talk about ${topic}. I hope to hear from you soon.`,
    aside: [name, topic],
  });
  const notes = [shape("Anna", "release planning"), { text: "Hello there. A new note. All different now." }, shape("Lena", "release planning")];
  const warnings = similarityWarnings(notes);
  assert.equal(warnings.length, 1);
  assert.deepEqual([warnings[0].first, warnings[0].second, warnings[0].reword], [0, 2, 2]);
  assert.deepEqual(warnings[0].shared[1], ["I enjoyed our talk about release planning.", "I enjoyed our talk about release planning."]);
});

test("sentences split after . ! ? and white space only", () => {
  assert.deepEqual(sentences("Version 3.5 is out. Is it? Yes!  Great"), ["Version 3.5 is out.", "Is it?", "Yes!", "Great"]);
  assert.deepEqual(sentences("  "), []);
});
