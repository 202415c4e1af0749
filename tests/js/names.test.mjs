// Unit tests for docs/assets/guide/names.js: greetings by tone, closings, splitting a typed name.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { greeting, closing, fullName, splitName, addressees } from "../../docs/assets/guide/names.js";

const data = JSON.parse(readFileSync(new URL("./greeting-cases.json", import.meta.url), "utf8"));

for (const [lang, { tones, addresses, titles, cases }] of Object.entries(data.languages)) {
  for (const c of cases) {
    test(`${lang} ${c.tone}: ${c.person}`, () => {
      const tone = tones.find((t) => t.id === c.tone);
      assert.equal(greeting(data.people[c.person], tone, addresses, data.unknown, titles), c.expected);
    });
  }
}

test("no greeting ever puts a title or form of address before a given name alone (only before the whole name)", () => {
  for (const { tones, addresses, titles } of Object.values(data.languages)) {
    for (const person of Object.values(data.people)) {
      for (const tone of tones) {
        const text = greeting(person, tone, addresses, "", titles);
        const before = [person.title, ...addresses.map((a) => a.text)].filter(Boolean);
        const whole = (word) => person.family && text.includes(`${word} ${person.given.trim()} ${person.family.trim()}`);
        for (const word of before) if (person.given) assert.ok(!text.includes(`${word} ${person.given.trim()}`) || whole(word), text);
      }
    }
  }
});

test("without a name and without a fallback, a greeting is empty", () => {
  const { tones } = data.languages.en;
  assert.equal(greeting({}, tones[0], []), "");
  assert.equal(greeting({ given: "Anna" }, { greeting: [] }, []), "");
});

test("closing: sign-off, full name, and a signature block only where the tone has one", () => {
  const sender = { given: " Priya ", family: "Sharma", phone: "+44 20 7946 0958", email: "priya@example.com", profile: "" };
  assert.deepEqual(closing(sender, { signOff: "Kind regards,", signature: true }), {
    signOff: "Kind regards,",
    name: "Priya Sharma",
    signature: ["+44 20 7946 0958", "priya@example.com"],
  });
  assert.deepEqual(closing(sender, { signOff: "Best wishes,", signature: false }).signature, []);
  assert.equal(fullName({ family: "Okafor" }), "Okafor");
  // The whole name typed into the given-name field as well: the family name is said once, where the name is signed.
  assert.equal(closing({ given: "Priya Sharma", family: "sharma" }, {}).name, "Priya sharma");
  assert.equal(fullName({ given: "Sharma", family: "Sharma" }), "Sharma Sharma");
});

const en = data.languages.en.addresses;
for (const [typed, expected] of [
  ["Anna Berg", { address: "", title: "", given: "Anna", family: "Berg" }],
  ["Ms Anna Berg", { address: "ms", title: "", given: "Anna", family: "Berg" }],
  ["Dr Lena Fischer", { address: "", title: "Dr", given: "Lena", family: "Fischer" }],
  ["Ms Dr Lena Fischer", { address: "ms", title: "Dr", given: "Lena", family: "Fischer" }],
  ["Jan van Dijk", { address: "", title: "", given: "Jan", family: "van Dijk" }],
  ["Ludwig van der Berg", { address: "", title: "", given: "Ludwig", family: "van der Berg" }],
  ["Anna Maria Berg-Okafor", { address: "", title: "", given: "Anna Maria", family: "Berg-Okafor" }],
  ["Madonna", { address: "", title: "", given: "Madonna", family: "" }],
  ["Mr Okafor", { address: "mr", title: "", given: "", family: "Okafor" }],
  ["  Tom   Okafor ", { address: "", title: "", given: "Tom", family: "Okafor" }],
  ["", { address: "", title: "", given: "", family: "" }],
]) {
  test(`split a typed name for confirming: ${JSON.stringify(typed)}`, () => {
    assert.deepEqual(splitName(typed, { addresses: en }), expected);
  });
}

test("splitting uses the language's own forms of address", () => {
  const de = data.languages.de.addresses;
  assert.deepEqual(splitName("Frau Dr. Lena Fischer", { addresses: de }), { address: "frau", title: "Dr.", given: "Lena", family: "Fischer" });
});

const anna = { given: "Anna", family: "Berg" };
const tom = { given: "Tom", family: "Okafor" };
const lena = { given: "Lena", family: "Fischer", title: "Dr" };
const sam = { given: "Sam", family: "Reyes" };

test("each interviewer gets a card, in order, skipping people with no name yet", () => {
  const cards = addressees({ to: "each-interviewer" }, { contact: sam, interviewers: [anna, {}, tom, lena] });
  assert.deepEqual(cards.map((c) => [c.person.given, c.index]), [["Anna", 0], ["Tom", 2], ["Lena", 3]]);
  assert.deepEqual(addressees({ to: "each-interviewer" }, {}), [{ person: {}, index: 0, cc: [] }]);
});

test("outcome messages go to the main contact, copying the interviewers when asked", () => {
  assert.deepEqual(addressees({ to: "contact", cc: "interviewers" }, { contact: sam, interviewers: [anna, tom] }), [
    { person: sam, index: 0, cc: [anna, tom] },
  ]);
  assert.deepEqual(addressees({ to: "contact" }, { contact: sam, interviewers: [anna, tom] }), [{ person: sam, index: 0, cc: [] }]);
});

test("with no main contact, interviewer 1 receives it and is not copied in as well", () => {
  assert.deepEqual(addressees({ to: "contact", cc: "interviewers" }, { contact: { given: " " }, interviewers: [{}, anna, tom] }), [
    { person: anna, index: 1, cc: [tom] },
  ]);
  assert.deepEqual(addressees({ to: "contact" }, {}), [{ person: {}, index: 0, cc: [] }]);
});

test("the fallback for an unknown name is used literally", () => {
  assert.equal(greeting({}, { greeting: ["Dear {name},"] }, [], "[$& \\1]"), "Dear [$& \\1],");
});
