// Unit tests for docs/assets/guide/wording.js: optional parts, layout, text budgets.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { renderTemplate, composeMessage, smsBudget, pickBody } from "../../docs/assets/guide/wording.js";

const json = (name) => JSON.parse(readFileSync(new URL(name, import.meta.url), "utf8"));
const optional = json("./optional-cases.json");

for (const c of optional.cases) {
  test(`optional part: ${c.name}`, () => {
    assert.equal(renderTemplate(c.nodes, c.values).text, c.expected);
  });
}

test("no rendered case leaves double spaces, a space before punctuation or an empty line", () => {
  for (const c of optional.cases) {
    for (const values of [{}, c.values]) {
      const { text } = renderTemplate(c.nodes, values);
      assert.doesNotMatch(text, / {2}| [.,;:!?]|\n\s*\n\s*\n|^\s|,[.!?]/, `${c.name}: ${JSON.stringify(text)}`);
    }
  }
});

test("pieces keep blanks apart from text, with their labels, and list the missing ones", () => {
  const nodes = ["Hi ", { blank: "given", label: "Given name" }, ", from ", { blank: "company", label: "Company" }, "."];
  const { pieces, text, missing } = renderTemplate(nodes, { given: "  Anna  " });
  assert.equal(text, "Hi Anna, from [Company].");
  assert.deepEqual(missing, ["company"]);
  assert.deepEqual(pieces[1], { blank: "given", label: "Given name", value: "Anna" });
  assert.deepEqual(pieces[3], { blank: "company", label: "Company", value: "" });
});

test("a user's value is never changed by the clean-up around a dropped part", () => {
  const nodes = [{ blank: "a", label: "A" }, ", ", { optional: ["x ", { blank: "b", label: "B" }], needs: ["b"] }, "."];
  assert.equal(renderTemplate(nodes, { a: "e.g. this ,odd one," }).text, "e.g. this ,odd one,.");
});

test("a value that repeats the word before its blank loses the repeat, and only then", () => {
  const nodes = ["Danke für die Erklärung, wie ", { blank: "clarified", label: "Geklärter Punkt" }, "."];
  assert.equal(renderTemplate(nodes, { clarified: "wie die Einarbeitung abläuft" }).text, "Danke für die Erklärung, wie die Einarbeitung abläuft.");
  assert.equal(renderTemplate(nodes, { clarified: "Wie  das Team arbeitet" }).text, "Danke für die Erklärung, wie das Team arbeitet.");
  assert.equal(renderTemplate(nodes, { clarified: "wieder alles" }).text, "Danke für die Erklärung, wie wieder alles."); // a longer word
  assert.equal(renderTemplate(nodes, { clarified: "wie" }).text, "Danke für die Erklärung, wie wie."); // nothing would be left
  const role = ["the ", { blank: "role", label: "Role" }, " role"];
  assert.equal(renderTemplate(role, { role: "The Data Analyst" }).text, "the Data Analyst role");
  assert.equal(renderTemplate([{ blank: "a", label: "A" }], { a: "how it works" }).text, "how it works"); // nothing before
});

test("letter and note layouts", () => {
  const parts = { greeting: "Dear Ms Berg,", body: "Thank you.", signOff: "Kind regards,", name: "Priya Sharma", signature: ["+44 20 7946 0958", ""] };
  assert.equal(composeMessage(parts), "Dear Ms Berg,\n\nThank you.\n\nKind regards,\nPriya Sharma\n+44 20 7946 0958");
  assert.equal(composeMessage(parts, "note"), "Dear Ms Berg,\nThank you.\nPriya Sharma");
  assert.equal(composeMessage({ body: "Only this." }), "Only this.");
});

for (const c of json("./sms-cases.json")) {
  test(`text message budget: ${c.name}`, () => {
    const { encoding, units, limit, over } = smsBudget(c.text);
    assert.deepEqual({ encoding, units, limit, over }, c.expected);
  });
}

test("pickBody takes each person's chosen wordings and joins the items with spaces", () => {
  const body = {
    items: [[["Hello."]], [["One."], ["Two."], ["Three."]], [[{ optional: ["Maybe ", { blank: "x", label: "X" }, "."], needs: ["x"] }]]],
    choices: [[0, 0, 0], [0, 1, 0], [0, 2, 0]],
  };
  assert.equal(renderTemplate(pickBody(body, 1), {}).text, "Hello. Two.");
  assert.equal(renderTemplate(pickBody(body, 2), { x: "so" }).text, "Hello. Three. Maybe so.");
  assert.equal(renderTemplate(pickBody(body, 3), {}).text, "Hello. One.");
});

test("a full stop typed at the end of a value is dropped where the sentence goes on, not after an abbreviation", () => {
  const topic = ["What you told me about ", { blank: "topic", label: "Topic" }, " made the role easier to picture."];
  assert.equal(renderTemplate(topic, { topic: "the team's SQL style guide." }).text, "What you told me about the team's SQL style guide made the role easier to picture.");
  assert.equal(renderTemplate(topic, { topic: "die Routenplanung im Lager..." }).text, "What you told me about die Routenplanung im Lager made the role easier to picture.");
  assert.equal(renderTemplate(topic, { topic: "Acme Inc." }).text, "What you told me about Acme Inc. made the role easier to picture.");
  const end = ["I enjoyed talking about ", { blank: "topic", label: "Topic" }, "."];
  assert.equal(renderTemplate(end, { topic: "your roadmap." }).text, "I enjoyed talking about your roadmap.");
  assert.equal(renderTemplate(end, { topic: "Acme Inc." }).text, "I enjoyed talking about Acme Inc.");
  const { pieces } = renderTemplate(topic, { topic: "the guide." });
  assert.equal(pieces[1].value, "the guide"); // what the card shows as the value is the same text
});
