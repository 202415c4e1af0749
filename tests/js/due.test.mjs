// Unit tests of the due-date rules (docs/assets/guide/due.js): weekends, no promised date, a Friday promise, year ends.
import assert from "node:assert/strict";
import { test } from "node:test";
import { dueItems, workingDay } from "../../docs/assets/guide/due.js";
import { dayNumber, isoDate } from "../../docs/assets/guide/dates.js";
import { datedSteps } from "./plan-steps.mjs";

const steps = datedSteps;
const brief = (items) => items.map((i) => [i.step, i.number, i.state, i.from, i.to]);
const working = (iso, weekend) => isoDate(workingDay(dayNumber(iso), weekend));

test("a working day is the day itself, or the first one after a weekend (a fork's weekend too)", () => {
  assert.equal(working("2026-12-04"), "2026-12-04"); // Friday
  assert.equal(working("2026-12-05"), "2026-12-07"); // Saturday -> Monday
  assert.equal(working("2026-12-06"), "2026-12-07"); // Sunday -> Monday
  assert.equal(working("2026-12-04", [5, 6]), "2026-12-06"); // Friday-Saturday weekend: Friday -> Sunday
  assert.equal(working("2026-12-06", [5, 6]), "2026-12-06");
  assert.equal(working("2026-12-05", []), "2026-12-05");
});

test("a promise by Friday makes the follow-up due on Monday, overdue on Tuesday", () => {
  const input = { date: "2026-11-30", time: "", promised: "2026-12-04" };
  const history = [{ kind: "sent", step: "thanks", date: "2026-11-30" }];
  assert.deepEqual(brief(dueItems(steps, input, "2026-12-04", { history })), [["inquiry", 1, "next", "2026-12-07", "2026-12-07"]]);
  assert.deepEqual(brief(dueItems(steps, input, "2026-12-07", { history })), [
    ["inquiry", 1, "today", "2026-12-07", "2026-12-07"],
    ["again", 1, "next", "2026-12-14", "2026-12-14"],
  ]);
  const tuesday = dueItems(steps, input, "2026-12-08", { history });
  assert.deepEqual(brief(tuesday).slice(0, 2), [
    ["inquiry", 1, "overdue", "2026-12-07", "2026-12-07"],
    ["again", 1, "next", "2026-12-14", "2026-12-14"],
  ]);
});

test("a promise made on a Friday afternoon still counts from the Friday: Monday", () => {
  const input = { date: "2026-12-04", time: "15:30", promised: "2026-12-04" };
  const items = dueItems(steps, input, "2026-12-04");
  assert.deepEqual(brief(items), [
    ["thanks", 1, "today", "2026-12-04", "2026-12-07"],
    ["inquiry", 1, "next", "2026-12-07", "2026-12-07"],
  ]);
  const later = dueItems(steps, input, "2026-12-05", { history: [{ kind: "sent", step: "thanks", date: "2026-12-04" }] });
  assert.deepEqual(brief(later), [["inquiry", 1, "next", "2026-12-07", "2026-12-07"]]);
});

test("no promised date: the follow-up counts 5 working days from the interview", () => {
  const input = { date: "2026-12-02", time: "", promised: "" };
  const items = dueItems(steps, input, "2026-12-09", { history: [{ kind: "sent", step: "thanks", date: "2026-12-02" }] });
  assert.deepEqual(brief(items), [
    ["inquiry", 1, "today", "2026-12-09", "2026-12-11"],
    ["again", 1, "next", "2026-12-16", "2026-12-16"],
  ]);
});

test("a thank-you due over the weekend moves to Monday; marking it sent removes it", () => {
  const input = { date: "2026-12-04", time: "", promised: "" };
  assert.deepEqual(brief(dueItems(steps, input, "2026-12-07"))[0], ["thanks", 1, "today", "2026-12-04", "2026-12-07"]);
  assert.deepEqual(brief(dueItems(steps, input, "2026-12-08")).slice(0, 1), [["thanks", 1, "overdue", "2026-12-04", "2026-12-07"]]);
  const sent = [{ kind: "sent", step: "thanks", date: "2026-12-05" }];
  assert.deepEqual(brief(dueItems(steps, input, "2026-12-07", { history: sent })), [["inquiry", 1, "next", "2026-12-11", "2026-12-15"]]);
  const otherRound = [{ kind: "sent", step: "thanks", date: "2026-12-05", round: 2 }];
  assert.equal(dueItems(steps, input, "2026-12-07", { history: otherRound })[0].step, "thanks");
});

test("years ending: promises on 31 December land on the next working day of January", () => {
  const sent = [{ kind: "sent", step: "thanks", date: "2027-12-01" }];
  const friday = { date: "2027-12-20", time: "", promised: "2027-12-31" }; // Friday 31 December 2027
  assert.deepEqual(brief(dueItems(steps, friday, "2027-12-31", { history: sent })), [["inquiry", 1, "next", "2028-01-03", "2028-01-03"]]);
  const thursday = { date: "2026-12-21", time: "", promised: "2026-12-31" }; // Thursday 31 December 2026
  assert.deepEqual(brief(dueItems(steps, thursday, "2027-01-01", { history: sent })), [
    ["inquiry", 1, "today", "2027-01-01", "2027-01-01"],
    ["again", 1, "next", "2027-01-08", "2027-01-08"],
  ]);
  const noPromise = { date: "2026-12-30", time: "", promised: "" };
  assert.deepEqual(brief(dueItems(steps, noPromise, "2027-01-02", { history: sent })), [["inquiry", 1, "next", "2027-01-06", "2027-01-08"]]);
});

test("follow-ups sent once leave the second one next; no interview date, nothing due", () => {
  const input = { date: "2026-11-30", time: "", promised: "2026-12-04" };
  const history = [
    { kind: "sent", step: "thanks", date: "2026-11-30" },
    { kind: "sent", step: "inquiry", date: "2026-12-07" },
  ];
  assert.deepEqual(brief(dueItems(steps, input, "2026-12-09", { history })), [["again", 1, "next", "2026-12-14", "2026-12-14"]]);
  assert.deepEqual(dueItems(steps, { date: "", promised: "" }, "2026-12-09"), []);
});

test("a Friday-Saturday weekend (a fork's setting): business days and deadlines skip Friday and Saturday", () => {
  const weekend = [5, 6];
  const sent = [{ kind: "sent", step: "thanks", date: "2026-12-02" }];
  const promise = { date: "2026-11-30", time: "", promised: "2026-12-03" }; // promised by Thursday 3 December
  assert.deepEqual(brief(dueItems(steps, promise, "2026-12-04", { weekend, history: sent })), [["inquiry", 1, "next", "2026-12-06", "2026-12-06"]]);
  assert.equal(dueItems(steps, promise, "2026-12-06", { weekend, history: sent })[0].state, "today"); // Sunday is a working day
  assert.equal(dueItems(steps, promise, "2026-12-07", { weekend, history: sent })[0].state, "overdue");
  assert.deepEqual(brief(dueItems(steps, promise, "2026-12-04", { history: sent }))[0], ["inquiry", 1, "today", "2026-12-04", "2026-12-04"]); // Saturday-Sunday: Friday
  const noPromise = { date: "2026-12-02", time: "", promised: "" }; // Wednesday: 5 working days on, then 2 more
  assert.deepEqual(brief(dueItems(steps, noPromise, "2026-12-09", { weekend, history: sent }))[0], ["inquiry", 1, "today", "2026-12-09", "2026-12-13"]);
  assert.deepEqual(brief(dueItems(steps, noPromise, "2026-12-09", { history: sent }))[0], ["inquiry", 1, "today", "2026-12-09", "2026-12-11"]);
  const thursday = { date: "2026-12-03", time: "", promised: "" }; // the thank-you's day after is a Friday: moved to Sunday
  assert.deepEqual(brief(dueItems(steps, thursday, "2026-12-05", { weekend }))[0], ["thanks", 1, "today", "2026-12-03", "2026-12-06"]);
  assert.equal(dueItems(steps, thursday, "2026-12-07", { weekend })[0].state, "overdue");
});
