// The planner's steps the date and due-date tests share (tests/js/dates.test.mjs, due.test.mjs): one of each
// placement, a 24-hour step, a promised-date step with its fallback, and a weekly repeat.
export const planSteps = [
  { id: "before", placement: "at_interview", when: { anchor: "interview" } },
  { id: "thanks", placement: "dated", when: { anchor: "interview", within: { amount: 24, unit: "hour" } } },
  { id: "keep-going", placement: "undated", when: { anchor: "interview", ongoing: true } },
  {
    id: "inquiry",
    placement: "dated",
    when: {
      anchor: "promised_date",
      after: { amount: 1, unit: "business_day" },
      fallback: { anchor: "interview", after: { amount: 5, unit: "business_day" }, within: { amount: 2, unit: "business_day" } },
    },
  },
  {
    id: "again",
    placement: "dated",
    when: { anchor: "previous_follow_up", after: { amount: 1, unit: "week" }, repeat: { times: 2, every: { amount: 1, unit: "week" } } },
  },
];

// Only the dated ones, in order: what the due-date rules see.
export const datedSteps = planSteps.filter((s) => s.placement === "dated");
