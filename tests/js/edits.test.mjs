// Per-card edits and tones (edits.js): the stored shape, changes to one card, what a card shows, its variant.
import assert from "node:assert/strict";
import test from "node:test";
import { cardEdit, cardVariant, changeCardEdit, cleanEdits, dropPerson, shownText } from "../../docs/assets/guide/edits.js";

const plain = (value) => JSON.parse(JSON.stringify(value));

test("stored edits keep text fields per message and card; junk and an older single text are tidied", () => {
  const clean = cleanEdits({
    appreciation: { 0: { text: "Mine", basis: "Made", variant: "warm", extra: 1 }, 1: { basis: "no edit" }, x: { text: "bad index" }, 2: "bare" },
    inquiry: "My own follow-up",
    empty: {},
    list: [1],
  });
  assert.deepEqual(plain(clean), { appreciation: { 0: { text: "Mine", basis: "Made", variant: "warm" } }, inquiry: { 0: { text: "My own follow-up" } } });
  assert.equal(Object.getPrototypeOf(clean), null);
  assert.equal(Object.getPrototypeOf(clean.appreciation), null);
  assert.deepEqual(plain(cleanEdits(null)), {});
  assert.deepEqual(plain(cleanEdits("text")), {});
});

test("changing one card leaves the others; removing every field removes the card and then the message", () => {
  const edits = cleanEdits({});
  changeCardEdit(edits, "appreciation", 2, { text: "For Lena", basis: "Made for Lena" });
  changeCardEdit(edits, "appreciation", 0, { variant: "warm" });
  assert.deepEqual(plain(edits), { appreciation: { 0: { variant: "warm" }, 2: { text: "For Lena", basis: "Made for Lena" } } });
  assert.equal(cardEdit(edits, "appreciation", 2).text, "For Lena");
  assert.equal(cardEdit(edits, "appreciation", 1), null);
  assert.equal(cardEdit(edits, "__proto__", 0), null);
  changeCardEdit(edits, "appreciation", 2, { text: null, basis: null, bogus: "x" });
  assert.deepEqual(plain(edits), { appreciation: { 0: { variant: "warm" } } });
  changeCardEdit(edits, "appreciation", 0, { variant: null });
  assert.deepEqual(plain(edits), {});
});

test("removing a person forgets their cards and moves the later people's cards up with them, in that list only", () => {
  const edits = cleanEdits({
    appreciation: { 0: { text: "For Helen", list: "interviewers" }, 1: { text: "For Tom", list: "interviewers" }, 2: { variant: "warm", list: "interviewers" } },
    reference: { 0: { text: "For the first referee", list: "referees" }, 1: { text: "For the second", list: "referees" } },
    inquiry: { 0: { text: "To the contact" } },
  });
  dropPerson(edits, "interviewers", 0);
  assert.deepEqual(plain(edits.appreciation), { 0: { text: "For Tom", list: "interviewers" }, 1: { variant: "warm", list: "interviewers" } });
  assert.equal(edits.reference[1].text, "For the second");
  assert.equal(edits.inquiry[0].text, "To the contact");
  dropPerson(edits, "interviewers", 1);
  dropPerson(edits, "referees", 1);
  assert.deepEqual(plain(edits), {
    appreciation: { 0: { text: "For Tom", list: "interviewers" } },
    reference: { 0: { text: "For the first referee", list: "referees" } },
    inquiry: { 0: { text: "To the contact" } },
  });
  dropPerson(edits, "interviewers", 0);
  assert.equal(edits.appreciation, undefined);
  assert.deepEqual(plain(cleanEdits({ a: { 0: { list: "interviewers" } } })), {}); // a list alone is no edit
});

test("a card shows its edit, and says so when the details made a different text since", () => {
  assert.deepEqual(shownText(null, "Made"), { text: "Made", edited: false, changed: false });
  assert.deepEqual(shownText({ variant: "warm" }, "Made"), { text: "Made", edited: false, changed: false });
  assert.deepEqual(shownText({ text: "Mine", basis: "Made" }, "Made"), { text: "Mine", edited: true, changed: false });
  assert.deepEqual(shownText({ text: "Mine", basis: "Made" }, "Made anew"), { text: "Mine", edited: true, changed: true });
  assert.deepEqual(shownText({ text: "" }, "Made"), { text: "", edited: true, changed: false });
});

test("a card's variant: its own tone, else the message's chosen one, else the first", () => {
  const variants = [{ id: "formal" }, { id: "warm" }, { id: "brief" }];
  assert.equal(cardVariant(variants, "warm", { variant: "brief" }).id, "brief");
  assert.equal(cardVariant(variants, "warm", null).id, "warm");
  assert.equal(cardVariant(variants, "warm", { variant: "gone" }).id, "warm");
  assert.equal(cardVariant(variants, undefined, null).id, "formal");
});
