// Unit tests of the pure date rules (docs/assets/guide/dates.js), without a browser: node --test tests/js/
import assert from "node:assert/strict";
import { test } from "node:test";
import { addBusinessDays, addDuration, clockTime, dayNumber, isoDate, isWeekend, minutesOf, schedule } from "../../docs/assets/guide/dates.js";
import { planSteps } from "./plan-steps.mjs";

test("day numbers round-trip and know the weekend", () => {
  for (const iso of ["1970-01-01", "2024-02-29", "2025-12-31", "2026-03-06", "2099-12-31"]) assert.equal(isoDate(dayNumber(iso)), iso);
  assert.equal(isWeekend(dayNumber("2026-03-07")), true); // Saturday
  assert.equal(isWeekend(dayNumber("2026-03-08")), true); // Sunday
  assert.equal(isWeekend(dayNumber("2026-03-09")), false); // Monday
  assert.equal(isWeekend(dayNumber("1969-12-28")), true); // a Sunday before day 0
});

test("business days skip weekends and cross years", () => {
  assert.equal(isoDate(addBusinessDays(dayNumber("2026-03-06"), 1)), "2026-03-09");
  assert.equal(isoDate(addBusinessDays(dayNumber("2024-12-27"), 3)), "2025-01-01");
  assert.equal(isoDate(addBusinessDays(dayNumber("2024-02-28"), 2)), "2024-03-01");
  assert.equal(addBusinessDays(100, 0), 100);
});

test("a fork's weekend: Friday and Saturday off, Sunday a working day; no weekend at all; a year's end", () => {
  const friSat = [5, 6];
  assert.equal(isWeekend(dayNumber("2026-03-06"), friSat), true); // Friday
  assert.equal(isWeekend(dayNumber("2026-03-08"), friSat), false); // Sunday
  assert.equal(isoDate(addBusinessDays(dayNumber("2026-03-05"), 1, friSat)), "2026-03-08"); // Thursday -> Sunday
  assert.equal(isoDate(addBusinessDays(dayNumber("2026-03-05"), 1, [])), "2026-03-06");
  assert.equal(isoDate(addBusinessDays(dayNumber("2026-12-30"), 2, friSat)), "2027-01-03"); // Wed -> Thu 31, Sun 3
  assert.deepEqual(addDuration([dayNumber("2026-03-05"), null], { amount: 2, unit: "business_day" }, friSat), [dayNumber("2026-03-09"), null]);
  const plan = schedule(steps, { date: "2026-03-05", time: "", promised: "2026-03-05", weekend: friSat });
  assert.deepEqual(plan.find((i) => i.id === "inquiry").from, "2026-03-08");
});

test("durations move the wall clock or whole days", () => {
  const day = dayNumber("2024-02-28");
  assert.deepEqual(addDuration([day, minutesOf("23:00")], { amount: 24, unit: "hour" }), [day + 1, 23 * 60]);
  assert.deepEqual(addDuration([day, null], { amount: 25, unit: "hour" }), [day + 2, null]);
  assert.deepEqual(addDuration([day, 600], { amount: 1, unit: "week" }), [day + 7, null]);
  assert.deepEqual(addDuration([day, 600], { amount: 0, unit: "day" }), [day, 600]);
  assert.equal(clockTime(16 * 60 + 30), "16:30");
  assert.equal(clockTime(null), null);
});

const steps = planSteps;

test("the schedule follows only dated steps, with fallback, repeats and the point to move on", () => {
  const plan = schedule(steps, { date: "2026-03-06", time: "", promised: "" });
  assert.deepEqual(
    plan.map((i) => [i.id, i.move, i.from, i.to]),
    [
      ["thanks", false, "2026-03-06", "2026-03-07"],
      ["inquiry", false, "2026-03-13", "2026-03-17"],
      ["again", false, "2026-03-20", "2026-03-20"],
      ["again", false, "2026-03-27", "2026-03-27"],
      ["again", true, "2026-04-03", "2026-04-03"],
    ],
  );
  const promised = schedule(steps, { date: "2026-03-02", time: "10:30", promised: "2026-03-13" });
  assert.equal(promised[0].time, "10:30");
  assert.equal(promised[1].from, "2026-03-16"); // a Friday promise: the inquiry on Monday
});

test("a step anchored on the offer counts from the offer date and closes on a known offer deadline", () => {
  const when = { anchor: "offer", after: { amount: 0, unit: "day" }, within: { amount: 5, unit: "business_day" }, deadline: "offer_deadline" };
  const steps = [{ id: "offer", placement: "dated", when }];
  const base = { date: "2026-03-02", time: "" };
  assert.deepEqual(schedule(steps, base), []); // no offer yet: nothing to date
  const [open] = schedule(steps, { ...base, offerDate: "2026-03-12" });
  assert.deepEqual([open.from, open.to], ["2026-03-12", "2026-03-19"]); // Thursday + 5 business days
  const [closed] = schedule(steps, { ...base, offerDate: "2026-03-12", offerDeadline: "2026-03-16" });
  assert.deepEqual([closed.from, closed.to], ["2026-03-12", "2026-03-16"]); // the employer's deadline closes it
  const [late] = schedule(steps, { ...base, offerDate: "2026-03-12", offerDeadline: "2026-03-24" });
  assert.equal(late.to, "2026-03-24"); // a later deadline gives the reader the whole time
  const [odd] = schedule(steps, { ...base, offerDate: "2026-03-12", offerDeadline: "2026-03-10" });
  assert.equal(odd.to, "2026-03-12"); // never closes before it opens
  const [plain] = schedule([{ id: "x", placement: "dated", when: { ...when, deadline: undefined } }], { ...base, offerDate: "2026-03-12", offerDeadline: "2026-03-16" });
  assert.equal(plain.to, "2026-03-19"); // only a step with a deadline closes on it
});
