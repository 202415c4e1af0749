// The planner's pure date rules. Dates are day numbers counted in UTC, so no time zone or clock change moves them.
const DAY_MS = 864e5;

// The day number of an ISO date (YYYY-MM-DD).
export const dayNumber = (iso) => Date.UTC(+iso.slice(0, 4), iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;

// The ISO date of a day number.
export const isoDate = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const SATURDAY_SUNDAY = Object.freeze([0, 6]); // the weekend unless a fork sets its own (page data rules.weekend)

// The weekday of a day number: 0 Sunday .. 6 Saturday (day 0, 1 January 1970, was a Thursday).
export const weekday = (day) => (((day + 4) % 7) + 7) % 7;

// Whether a day is a non-working day (weekend: weekday numbers, 0 Sunday .. 6 Saturday).
export const isWeekend = (day, weekend = SATURDAY_SUNDAY) => weekend.includes(weekday(day));

// The count-th working day after a day (the day itself for 0); a weekend of all seven days counts every day.
export function addBusinessDays(day, count, weekend = SATURDAY_SUNDAY) {
  const off = weekend.length >= 7 ? [] : weekend;
  while (count > 0) if (!isWeekend(++day, off)) count--;
  return day;
}

// Minutes since midnight of "HH:MM".
export const minutesOf = (time) => time.slice(0, 2) * 60 + +time.slice(3, 5);

// "HH:MM" of minutes since midnight, or null without a time.
export const clockTime = (minutes) => (minutes == null ? null : new Date(minutes * 6e4).toISOString().slice(11, 16));

const DAYS_PER_UNIT = { day: 1, week: 7 };

// Move a [day, minutes or null] moment by a duration: hours move the wall clock, or round up to days without a time;
// business days skip the weekend's days.
export function addDuration([day, minutes], duration, weekend = SATURDAY_SUNDAY) {
  if (!duration || !duration.amount) return [day, minutes];
  const { amount, unit } = duration;
  if (unit === "hour") {
    if (minutes == null) return [day + Math.ceil(amount / 24), null];
    const total = minutes + amount * 60;
    return [day + Math.floor(total / 1440), total % 1440];
  }
  if (unit === "business_day") return [addBusinessDays(day, amount, weekend), null];
  return [day + amount * DAYS_PER_UNIT[unit], null];
}

// The end of a step's window: its deadline's date when the step has one and the reader knows it (never before the start).
function closing(step, from, to, input) {
  const deadline = { offer_deadline: input.offerDeadline }[step.when.deadline];
  return deadline ? [Math.max(from[0], dayNumber(deadline)), null] : to;
}

// The dated plan: one item per time a dated step is done, then the point to move on.
// input: {date, time, promised, offerDate, offerDeadline, weekend?} (ISO dates; a step with `deadline` closes on
// offerDeadline; weekend: the non-working weekdays business days skip, Saturday and Sunday when left out).
export function schedule(steps, input) {
  const weekend = input.weekend || SATURDAY_SUNDAY;
  const move = (at, duration) => addDuration(at, duration, weekend);
  const items = [];
  let previous;
  const push = (step, from, to, moveOn) =>
    items.push({ id: step.id, move: moveOn, from: isoDate(from[0]), to: isoDate(to[0]), start: clockTime(from[1]), time: clockTime(to[1]) });
  for (const step of steps) {
    if (step.placement !== "dated") continue;
    let rule = step.when;
    if (rule.anchor === "promised_date" && !input.promised) rule = rule.fallback || {};
    const anchors = {
      interview: [dayNumber(input.date), input.time ? minutesOf(input.time) : null],
      promised_date: input.promised ? [dayNumber(input.promised), null] : undefined,
      previous_follow_up: previous,
      offer: input.offerDate ? [dayNumber(input.offerDate), null] : undefined,
    };
    let at = anchors[rule.anchor];
    if (!at) continue;
    const repeat = step.when.repeat;
    at = move(at, rule.after);
    for (let left = repeat ? repeat.times : 1; left > 0; left--) {
      previous = at;
      push(step, at, closing(step, at, move(at, rule.within), input), false);
      if (repeat) at = move(at, repeat.every);
    }
    if (repeat) {
      const end = move(previous, repeat.move_on || repeat.every);
      push(step, end, end, true);
    }
  }
  return items;
}
