// Interview rounds: when the next round starts, the one before keeps its date, what was promised, its interviewers
// and what was noted about it (the blanks the page data lists as roundFields); the desk shows them in words.
// Pure: plain objects in, plain objects and strings out.
import { fullName } from "./names.js";
import { displayValue, format } from "./text.js";

// A person's name, whether stored as given and family names (plain, or as "{blank}.given" of the recipient-name
// blank) or as the one recipient-name blank's text.
export function personName(person, roles) {
  const id = roles.recipient_name;
  const parts = { given: person[`${id}.given`], family: person[`${id}.family`] };
  return fullName(parts) || fullName(person) || (person[id] || "").trim();
}

// Close the application's current round into app.rounds and start the next one with an empty date, promise,
// interviewer list and round notes (the draft is changed in place; the caller stores it).
export function startNextRound(app, { roles, roundFields = [] }) {
  const notes = {};
  for (const { id } of roundFields) if ((app.fields[id] || "").trim()) notes[id] = app.fields[id];
  const people = app.recipients.filter((person) => Object.values(person).some((value) => value.trim()));
  app.rounds.push({
    number: app.round,
    date: app.fields[roles.interview_date] || "",
    promised: app.fields[roles.decision_date] || "",
    people,
    notes,
  });
  for (const key of [roles.interview_date, roles.decision_date, ...roundFields.map((f) => f.id)]) if (key) app.fields[key] = "";
  app.recipients = [];
  app.round += 1;
}

// The lines that describe one earlier round: its heading, then who, what was promised and each note.
export function roundLines(round, { ui, roles, roundFields = [], dates }) {
  const locale = dates?.locale || ui.locale;
  const heading = round.date
    ? format(ui.app_round, { number: round.number, date: displayValue(round.date, locale) })
    : format(ui.app_round_undated, { number: round.number });
  const lines = [];
  const names = round.people.map((person) => personName(person, roles)).filter(Boolean);
  if (names.length) lines.push(format(ui.app_round_people, { names: names.join(", ") }));
  if (round.promised) lines.push(format(ui.app_round_promised, { date: displayValue(round.promised, locale) }));
  for (const { id, label } of roundFields) if (round.notes[id]) lines.push(format(ui.app_round_note, { label, value: round.notes[id] }));
  return { heading, lines };
}
