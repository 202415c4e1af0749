// What to do today, per application: the plan's dated items (timing from the page data) against today's date,
// each due today, overdue or next; a deadline never lands on a non-working day. Pure: no DOM; the clock is passed in.
import { SATURDAY_SUNDAY, dayNumber, isWeekend, isoDate, schedule } from "./dates.js";

// Today's date in the reader's time zone, as an ISO date.
export function todayIso(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// The first working day on or after day (weekend: weekday numbers, 0 Sunday .. 6 Saturday).
export function workingDay(day, weekend = SATURDAY_SUNDAY) {
  if (weekend.length >= 7) return day;
  while (isWeekend(day, weekend)) day++;
  return day;
}

// How many of a step's items are done: the times one of its messages was marked sent in this round.
function doneCounts(history, round) {
  const counts = new Map();
  for (const entry of history || []) {
    if (entry.kind !== "sent" || (entry.round || 1) !== round) continue;
    counts.set(entry.step, (counts.get(entry.step) || 0) + 1);
  }
  return counts;
}

// The items of one application: {step, number, from, to, state: "overdue"|"today"|"next"|"later", move}, in date order.
// input: {date, time, promised} (ISO dates); today: ISO date; options: {weekend, history, round}. Business days are
// counted and deadlines moved with the same weekend.
export function dueItems(steps, input, today, { weekend = SATURDAY_SUNDAY, history = [], round = 1 } = {}) {
  if (!input?.date) return [];
  const now = dayNumber(today);
  const done = doneCounts(history, round);
  const seen = new Map();
  const out = [];
  for (const item of schedule(steps, { ...input, weekend })) {
    const number = (seen.get(item.id) || 0) + 1;
    seen.set(item.id, number);
    if (!item.move && number <= (done.get(item.id) || 0)) continue;
    const from = workingDay(dayNumber(item.from), weekend);
    const to = Math.max(from, workingDay(dayNumber(item.to), weekend));
    const state = now > to ? "overdue" : now >= from ? "today" : "later";
    out.push({ step: item.id, number, move: item.move, from: isoDate(from), to: isoDate(to), state });
  }
  const next = out.find((item) => item.state === "later");
  if (next) next.state = "next";
  return out.filter((item) => item.state !== "later");
}
