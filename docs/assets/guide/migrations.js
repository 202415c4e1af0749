// Stored-data versions: the pre-0.2 keys of the old ati.js and store version 1, brought up to the current version.
// Pure functions over plain objects; the store reads and removes the old keys.
import { splitName } from "./names.js";

export const VERSION = 2;
export const LEGACY_KEYS = ["ati-profile", "ati-tone", "ati-premium", "ati-remember"];
const steps = []; // extra steps (state) => state, run in order after the version steps (e.g. splitting old names)

// Add a step that runs on every migrated state (for example one that splits an old single interviewer name).
export const addStep = (step) => steps.push(step);

// Parse a stored text, or null.
function parsed(text) {
  try {
    return text == null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

// A version-1 state from the old keys' texts ({"ati-profile": text, ...}); null when there is no old profile.
export function fromLegacy(texts) {
  const profile = parsed(texts["ati-profile"]);
  const tone = parsed(texts["ati-tone"]) ?? texts["ati-tone"];
  const premium = parsed(texts["ati-premium"]);
  if (!profile && tone == null && premium == null) return null;
  const settings = {};
  if (typeof tone === "string" && tone) settings.variant = tone;
  if (premium === true || premium === "1") settings.premium = true;
  const fields = profile && typeof profile.fields === "object" ? profile.fields : {};
  const recipients = Array.isArray(profile?.interviewers) ? profile.interviewers : [];
  const applications = profile ? [{ id: "application-1", fields, recipients }] : [];
  return { version: 1, applications, settings };
}

// Version 1 to 2: each application gains a history, a round and its edited cards.
function v1to2(state) {
  const applications = (state.applications || []).map((app) => ({ history: [], round: 1, edits: {}, ...app }));
  return { ...state, version: 2, applications };
}

// The state brought up to VERSION (unknown or newer versions are returned as they are, for the store to clean).
export function migrate(state) {
  if (!state || typeof state !== "object") return state;
  let out = state;
  if (!out.version || out.version === 1) out = v1to2(out);
  if (out !== state) for (const step of steps) out = step(out);
  return out;
}

// Forms of address a single name typed before 0.2 may start with.
const OLD_FORMS = ["Ms", "Mr", "Mx", "Mrs", "Miss", "Frau", "Herr"].map((text) => ({ id: text.toLowerCase(), text }));
const OLD_TITLE = "interviewer_title"; // the blank that held "Ms" or "Dr" before 0.2

// Split one old single name in values into person fields, keeping what was typed in "<id>.check" for the form to
// ask the person to confirm; the old title blank ("Ms", "Dr") becomes the form of address or the title.
function splitOld(values, id) {
  const typed = typeof values[id] === "string" ? values[id].trim() : "";
  if (!typed || values[`${id}.given`] || values[`${id}.family`]) return;
  const title = typeof values[OLD_TITLE] === "string" ? values[OLD_TITLE].trim() : "";
  const whole = title ? `${title} ${typed}` : typed;
  const person = splitName(whole, { addresses: OLD_FORMS });
  person.address = { mrs: "ms", miss: "ms" }[person.address] || person.address;
  for (const part of ["given", "family", "address", "title"]) if (person[part]) values[`${id}.${part}`] = person[part];
  values[`${id}.check`] = whole;
  delete values[OLD_TITLE];
}

// Every application's old single names split: `ids` are the person blanks (the page data's people.blanks).
export function splitOldNames(state, ids) {
  for (const app of state.applications || []) {
    for (const values of [app.fields || {}, ...(app.recipients || [])]) for (const id of ids) splitOld(values, id);
  }
  return state;
}

// The person blanks this page's data names (none outside a page, such as in Node's tests).
function personBlanks() {
  const element = globalThis.document?.getElementById("ati-page-data");
  try {
    return element ? JSON.parse(element.dataset.json).people?.blanks || [] : [];
  } catch {
    return [];
  }
}
addStep((state) => splitOldNames(state, personBlanks()));
