// Unit tests of interview rounds (docs/assets/guide/rounds.js): the next round keeps the one before, in words.
import assert from "node:assert/strict";
import { test } from "node:test";
import { roundLines, startNextRound } from "../../docs/assets/guide/rounds.js";

const roles = { interview_date: "interview_date", decision_date: "decision_date", recipient_name: "interviewer_name", employer: "company" };
const roundFields = [
  { id: "topic", label: "Topic discussed" },
  { id: "clarified", label: "Point clarified" },
];
const ui = {
  locale: "en-GB",
  app_round: "Round {number}: interview on {date}",
  app_round_undated: "Round {number}",
  app_round_people: "With {names}",
  app_round_promised: "They promised an answer by {date}",
  app_round_note: "{label}: {value}",
};

test("the next round keeps the date, the promise, the interviewers and the notes, and starts empty", () => {
  const app = {
    fields: { company: "Northwind", interview_date: "2026-11-30", decision_date: "2026-12-04", topic: "the data team", clarified: "" },
    recipients: [{ interviewer_name: "Anna Berg" }, { interviewer_name: " " }, { "interviewer_name.given": "Tom", "interviewer_name.family": "Okafor" }],
    round: 1,
    rounds: [],
  };
  startNextRound(app, { roles, roundFields });
  assert.equal(app.round, 2);
  assert.deepEqual(app.recipients, []);
  assert.deepEqual(app.fields, { company: "Northwind", interview_date: "", decision_date: "", topic: "", clarified: "" });
  assert.deepEqual(app.rounds, [
    {
      number: 1,
      date: "2026-11-30",
      promised: "2026-12-04",
      people: [{ interviewer_name: "Anna Berg" }, { "interviewer_name.given": "Tom", "interviewer_name.family": "Okafor" }],
      notes: { topic: "the data team" },
    },
  ]);
  const { heading, lines } = roundLines(app.rounds[0], { ui, roles, roundFields, dates: { locale: "en-GB" } });
  assert.match(heading, /^Round 1: interview on 30 November/);
  assert.deepEqual(lines.slice(0, 1), ["With Anna Berg, Tom Okafor"]);
  assert.match(lines[1], /^They promised an answer by 4 December/);
  assert.equal(lines[2], "Topic discussed: the data team");
  assert.equal(lines.length, 3);
});

test("a round without a date or people says only its number", () => {
  const round = { number: 2, date: "", promised: "", people: [], notes: {} };
  assert.deepEqual(roundLines(round, { ui, roles, roundFields }), { heading: "Round 2", lines: [] });
});

test("earlier rounds are stored and backed up exactly; malformed ones are dropped", async () => {
  const { cleanState } = await import("../../docs/assets/guide/store.js");
  const { backupText, readBackup } = await import("../../docs/assets/guide/backup.js");
  const kept = { number: 1, date: "2026-11-30", promised: "", people: [{ interviewer_name: "Anna Berg" }], notes: { topic: "data" } };
  const state = cleanState({ version: 2, applications: [{ id: "a", fields: {}, round: 2, rounds: [kept, { number: 0 }, "x", { number: 3, date: "soon" }] }] });
  assert.deepEqual(JSON.parse(JSON.stringify(state.applications[0].rounds)), [kept, { number: 3, date: "", promised: "", people: [], notes: {} }]);
  const back = readBackup(backupText(state, "2026-12-04T09:00:00.000Z"));
  assert.deepEqual(cleanState(back.state), state);
  assert.equal(readBackup(backupText({ ...state, applications: [{ id: "a", fields: {}, rounds: {} }] }, "")).error, "wrong_shape");
});
