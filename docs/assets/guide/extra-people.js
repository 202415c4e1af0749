// The people issue 14 adds, as plain data: referees and a coordinator kept per application (application.people),
// and the other employers, read from the desk's other applications. Pure functions: no DOM, no storage.

// What is kept of a person in a people list: a name split as in names.js, and how to reach them.
export const PERSON_FIELDS = ["given", "family", "address", "title", "email", "phone"];

// The last stages after which an application no longer waits on the person (desk.js's closed stages but ghosted:
// an employer that went quiet may still be considering them).
const DONE = new Set(["accepted", "rejected", "withdrawn"]);

// The last stage recorded for an application, or "".
const stageOf = (app) => [...(app.history || [])].reverse().find((entry) => entry.kind !== "sent")?.kind || "";

// A person with only the known fields, each trimmed text (a null-prototype object).
export function cleanPerson(source) {
  const person = Object.create(null);
  for (const name of PERSON_FIELDS) {
    const value = source && typeof source === "object" ? source[name] : undefined;
    if (typeof value === "string") person[name] = value;
  }
  return person;
}

// Whether a person has anything typed in.
export const isEmpty = (person) => !PERSON_FIELDS.some((name) => String(person?.[name] ?? "").trim());

// The people of one list of an application, in order (an empty list when there are none).
export const listOf = (app, list) => (app?.people?.[list] || []).map(cleanPerson);

// The other employers still considering the person: every application but the current one that is not done,
// as {id, fields} (fields: that application's own values, such as its company, role and main contact).
export function otherEmployers(applications, currentId) {
  return applications
    .filter((app) => app.id !== currentId && !DONE.has(stageOf(app)))
    .map((app) => ({ id: app.id, fields: app.fields, recipients: app.recipients || [] }));
}

// The roles of the person's own details, the same for every application.
const SENDER_ROLES = ["sender_name", "sender_email", "sender_phone"];

// The person's own details among an application's fields (their name with its parts, email, phone and profile
// link): what a new application starts with, so that they are typed once.
export function ownDetails(fields = {}, roles = {}) {
  const keys = [...SENDER_ROLES, "sender_profile"].map((role) => roles[role]).filter(Boolean);
  const own = Object.create(null);
  for (const [name, value] of Object.entries(fields)) if (keys.some((key) => name === key || name.startsWith(key + "."))) own[name] = value;
  return own;
}

// The values a card for another employer fills in: that application's own (company, role, dates), with the person's
// own details taken from the current application where the other has none.
export function employerValues(current, fields, roles) {
  const values = Object.assign(Object.create(null), fields);
  for (const role of SENDER_ROLES) {
    const key = roles[role];
    if (key && !String(values[key] ?? "").trim() && current[key]) values[key] = current[key];
  }
  return values;
}

// Who another employer's card goes to, with their email: that application's main contact, or its interviewer 1
// where no main contact is named (the employers list on the page names the same person).
export function employerContact({ fields, recipients }, roles, personOf) {
  const contact = roles.contact_name ? personOf(fields, roles.contact_name) : {};
  const first = recipients[0] || {};
  const [person, email] = contact.given || contact.family || !roles.recipient_name
    ? [contact, fields[roles.contact_email]]
    : [personOf(first, roles.recipient_name), first[roles.recipient_email]];
  return { ...person, email: String(email ?? "").trim() };
}

// The people names.addressees needs for issue 14's recipients: {referees, coordinator, employers}. personOf(values,
// id) reads a person blank (people.js); each employer card gets its main contact and its own values.
export function extraPeople(store, app, { roles }, personOf) {
  const employers = otherEmployers(store.applications(), store.currentId).map((other) => ({
    person: employerContact(other, roles, personOf),
    values: employerValues(app.fields, other.fields, roles),
  }));
  return { referees: listOf(app, "referees"), coordinator: listOf(app, "coordinator")[0] || cleanPerson(null), employers };
}

// The values one card fills its blanks with: an employer card's own, else the application's, with the
// interviewer's own values only on a card to an interviewer (each-interviewer, or the contact's stand-in). With no
// other employer on the desk, an employer card keeps only the person's own details: never the current employer's.
export function cardValues(target, app, to, roles = {}) {
  if (target.values) return target.values;
  if (to === "each-employer") return employerValues(app.fields, {}, roles);
  const own = (to === "each-interviewer" || to === "contact") && !target.contact ? app.recipients[target.index] : null;
  return { ...app.fields, ...(own || {}) };
}
