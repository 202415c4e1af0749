// People's names in messages: greetings and sign-offs by tone, and a first guess at splitting one typed name.
// A person is { given, family, address, title }: address is the id of a form of address (YAML list per language).

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Collapse runs of white space and trim. */
const clean = (value) => String(value ?? "").replace(/\s+/g, " ").trim();

/** Given and family name, or whichever of them the person has (a family name typed into both fields said once). */
export const fullName = (person = {}) => [withoutTrailing(person.given, person.family), clean(person.family)].filter(Boolean).join(" ");

/** The person's title as the list of titles writes it ("Dr" typed, "Dr." listed), or, with the title field empty,
 * a listed title typed at the start of the given name ("Dr. Helen": the title Dr. and the given name Helen). */
function titled(person, titles) {
  const key = (text) => clean(text).toLowerCase().replace(/[.\s]/g, "");
  const listed = (text) => titles.find((t) => key(t) === key(text));
  const title = clean(person.title);
  const words = clean(person.given).split(" ");
  if (title) return { title: listed(title) || title, given: words.join(" ") };
  for (let n = words.length - 1; n > 0; n--) {
    const found = listed(words.slice(0, n).join(" "));
    if (found) return { title: found, given: words.slice(n).join(" ") };
  }
  return { title, given: words.join(" ") };
}

/** Placeholder values for one person: title, address, given, family, name, plus the address's own words. */
export function personValues(person = {}, addresses = [], titles = []) {
  const entry = addresses.find((a) => a.id === person.address) || {};
  const values = {};
  for (const [key, word] of Object.entries(entry.words || {})) values[key] = clean(word);
  const { title, given: typed } = titled(person, titles);
  // A form of address or title typed into the name as well ("Frau" chosen, "Frau Müller" typed) is said once.
  const said = [entry.text, title];
  const family = withoutLeading(person.family, said);
  // The family name typed into the given name as well ("Tom Baker" and "Baker") is said once too.
  const given = withoutTrailing(withoutLeading(typed, said), family);
  return Object.assign(values, {
    title,
    address: clean(entry.text),
    given,
    family,
    name: fullName({ given, family }),
  });
}

/** text without the phrases (compared word by word, without case or a final full stop) it starts with, when
 * something is left: "Frau Dr. Müller" with "Frau" and "Dr." is "Müller". */
function withoutLeading(text, phrases) {
  const key = (word) => word.toLowerCase().replace(/\.$/, "");
  let words = clean(text).split(" ").filter(Boolean);
  for (const phrase of phrases) {
    const start = clean(phrase).split(" ").filter(Boolean);
    if (start.length && words.length > start.length && start.every((w, i) => key(w) === key(words[i]))) words = words.slice(start.length);
  }
  return words.join(" ");
}

/** text without the phrase it ends with (word by word, without case), when something is left: "Tom Baker" with
 * "Baker" is "Tom". */
function withoutTrailing(text, phrase) {
  const words = clean(text).split(" ").filter(Boolean);
  const end = clean(phrase).toLowerCase().split(" ").filter(Boolean);
  const tail = words.slice(words.length - end.length).join(" ").toLowerCase();
  return end.length && words.length > end.length && tail === end.join(" ") ? words.slice(0, -end.length).join(" ") : words.join(" ");
}

/** The tone's first greeting pattern whose placeholders are all known for this person, filled in (titles: the
 * language's listed titles). With no pattern fitting (no name yet), the last pattern with `unknown` (such as
 * "[Name]") in its placeholders, or "". */
export function greeting(person, tone, addresses = [], unknown = "", titles = []) {
  const values = personValues(person, addresses, titles);
  for (const pattern of tone.greeting || []) {
    const keys = [...pattern.matchAll(PLACEHOLDER)].map((m) => m[1]);
    if (keys.every((key) => values[key])) return clean(pattern.replace(PLACEHOLDER, (_, key) => values[key]));
  }
  const last = (tone.greeting || []).at(-1);
  return unknown && last ? clean(last.replace(PLACEHOLDER, () => unknown)) : "";
}

/** The closing lines: the tone's sign-off, the sender's full name, then (if the tone says so) phone, email, link. */
export function closing(sender = {}, tone = {}) {
  const signature = tone.signature ? [sender.phone, sender.email, sender.profile].map(clean).filter(Boolean) : [];
  return { signOff: clean(tone.signOff), name: fullName(sender), signature };
}

const PARTICLES = ["van", "von", "de", "der", "den", "del", "della", "di", "da", "das", "dos", "du", "la", "le", "ten", "ter", "zu", "bin", "al"];

/** A first guess at splitting one typed name into address, title, given and family name (to show for confirming). */
export function splitName(text, { addresses = [], titles = ["Dr", "Dr.", "Prof", "Prof."], particles = PARTICLES } = {}) {
  const words = clean(text).split(" ").filter(Boolean);
  const person = { address: "", title: "", given: "", family: "" };
  const lower = (w) => w.toLowerCase().replace(/\.$/, "");
  const address = words.length > 1 && addresses.find((a) => a.text && lower(a.text) === lower(words[0]));
  if (address) {
    person.address = address.id;
    words.shift();
  }
  if (words.length > 1 && titles.some((t) => lower(t) === lower(words[0]))) person.title = words.shift();
  if (words.length === 1) {
    person[person.address || person.title ? "family" : "given"] = words[0];
    return person;
  }
  let start = words.length - 1;
  while (start > 1 && particles.includes(words[start - 1].toLowerCase())) start--;
  person.given = words.slice(0, start).join(" ");
  person.family = words.slice(start).join(" ");
  return person;
}

/** True when a person has a name to greet them by. */
export const hasName = (person) => fullName(person || {}) !== "";

/** The cards a message needs: [{ person, index, cc, values? }], from its `recipients` ({ to, cc }) and the people entered.
 * to "each-interviewer": one card per named interviewer (index = their place, which picks their wordings);
 * to "contact": the main contact, or interviewer 1 when no contact is named; cc "interviewers": the others;
 * to "each-referee": one card per named referee; to "coordinator": the coordinator;
 * to "each-employer": one card per other open application ({person, values}: its contact and its own values). */
export function addressees(recipients = {}, { contact = {}, interviewers = [], referees = [], coordinator = {}, employers = [] } = {}) {
  const each = (people) => {
    const named = people.map((person, index) => ({ person, index, cc: [] })).filter(({ person }) => hasName(person));
    return named.length ? named : [{ person: people[0] || {}, index: 0, cc: [] }];
  };
  if (recipients.to === "each-interviewer") return each(interviewers);
  if (recipients.to === "each-referee") return each(referees);
  if (recipients.to === "coordinator") return [{ person: coordinator || {}, index: 0, cc: [] }];
  if (recipients.to === "each-employer") {
    const cards = employers.map(({ person, values }, index) => ({ person: person || {}, index, cc: [], values }));
    return cards.length ? cards : [{ person: {}, index: 0, cc: [], none: true }]; // none: no other employer yet
  }
  const named = interviewers.map((person, index) => ({ person, index })).filter(({ person }) => hasName(person));
  const to = hasName(contact) ? { person: contact, index: -1 } : named[0] || { person: interviewers[0] || {}, index: 0 };
  const cc = recipients.cc === "interviewers" ? named.filter(({ index }) => index !== to.index).map(({ person }) => person) : [];
  return [{ person: to.person, index: Math.max(to.index, 0), cc }];
}
