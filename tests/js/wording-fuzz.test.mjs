// Many generated shapes of optional parts: whatever is dropped, the text stays clean.
import { test } from "node:test";
import assert from "node:assert/strict";
import { renderTemplate } from "../../docs/assets/guide/wording.js";

/** A small seeded random generator (mulberry32), so a failure can be replayed. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const blank = (key) => ({ blank: key, label: key.toUpperCase() });
const optional = (parts, key) => ({ optional: parts, needs: [key] });

/** One sentence from several shapes, each with an optional part in a different place. */
function sentence(pick, key) {
  const shapes = [
    () => [optional([`Thanks for `, blank(key), "."], key)],
    () => ["We met", optional([", after ", blank(key), ","], key), " and talked."],
    () => [optional(["After ", blank(key), ", "], key), "we talked."],
    () => ["I enjoyed it", optional([", especially ", blank(key)], key), "."],
    () => ["I enjoyed it, ", optional(["especially ", blank(key)], key), "."],
    () => ["We spoke ", optional(["about ", blank(key), " "], key), "at ", blank("company"), "."],
    () => ["Did you decide", optional([" about ", blank(key)], key), "?"],
    () => ["Plain words here."],
  ];
  return shapes[Math.floor(pick() * shapes.length)]();
}

test("2000 generated templates render without double spaces, stray punctuation or empty lines", () => {
  const pick = random(20261201);
  for (let run = 0; run < 2000; run++) {
    const nodes = [];
    const values = { company: pick() < 0.5 ? "Northwind" : "" };
    const count = 1 + Math.floor(pick() * 4);
    for (let i = 0; i < count; i++) {
      const key = `k${i}`;
      if (pick() < 0.5) values[key] = "x y";
      if (i) nodes.push(pick() < 0.2 ? "\n\n" : pick() < 0.1 ? "\n" : " ");
      nodes.push(...sentence(pick, key));
    }
    const { text } = renderTemplate(nodes, values);
    const where = `run ${run}: ${JSON.stringify(text)}`;
    assert.doesNotMatch(text, / {2}/, where);
    assert.doesNotMatch(text, / [.,;:!?]/, where);
    assert.doesNotMatch(text, /[,;][.!?]|,,|^[,.;\s]|\s$/, where);
    assert.doesNotMatch(text, /\n[ \t]|[ \t]\n|\n{3}/, where);
    assert.doesNotMatch(text, /(^|[.!?]\s)\p{Ll}/u, where);
  }
});
