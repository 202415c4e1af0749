// The one owner of the browser's storage: session-only by default, on the device after opt-in, synced across tabs.
// Shape: {version, applications: [{id, name, fields, recipients, history, round, rounds, edits, people}], settings}
// (edits: edits.js, per message and card); the current application is chosen per tab. Every key starts with the
// site's prefix; values live in null-prototype objects.
import { cleanEdits } from "./edits.js";
import { LEGACY_KEYS, VERSION, fromLegacy, migrate } from "./migrations.js";

const HISTORY_KINDS = new Set(["sent", "replied", "waiting", "next_round", "offer", "accepted", "rejected", "withdrawn", "ghosted"]);

// A null-prototype copy of a mapping's string values.
function textValues(source) {
  const out = Object.create(null);
  if (source && typeof source === "object" && !Array.isArray(source)) {
    for (const [key, value] of Object.entries(source)) if (typeof value === "string") out[key] = value;
  }
  return out;
}

// A null-prototype copy of the settings (text, numbers and true/false only).
function settingValues(source) {
  const out = Object.create(null);
  if (source && typeof source === "object") {
    for (const [key, value] of Object.entries(source)) if (["string", "number", "boolean"].includes(typeof value)) out[key] = value;
  }
  return out;
}

// A null-prototype mapping of people lists ({referees: [person...], coordinator: [person]}), each person text values.
function peopleLists(source) {
  const out = Object.create(null);
  if (source && typeof source === "object" && !Array.isArray(source)) {
    for (const [key, list] of Object.entries(source)) if (/^[a-z][a-z-]*$/.test(key) && Array.isArray(list)) out[key] = list.map(textValues);
  }
  return out;
}

// A history entry {kind, date, step?, message?, round?, note?} with a known kind, or null.
function cleanEntry(source) {
  const entry = textValues(source);
  if (!HISTORY_KINDS.has(entry.kind) || !/^\d{4}-\d\d-\d\d$/.test(entry.date || "")) return null;
  const round = Number.isInteger(source.round) && source.round > 0 ? source.round : 1;
  return Object.assign(entry, { round });
}

const ISO_OR_EMPTY = /^(\d{4}-\d\d-\d\d)?$/;

// An earlier interview round {number, date, promised, people, notes} (people: its interviewers; notes: blank id ->
// value, such as the topic discussed), or null.
function cleanRound(source) {
  if (!source || typeof source !== "object" || !Number.isInteger(source.number) || source.number < 1) return null;
  const { date = "", promised = "" } = textValues(source);
  const people = Array.isArray(source.people) ? source.people.map(textValues) : [];
  return { number: source.number, date: ISO_OR_EMPTY.test(date) ? date : "", promised: ISO_OR_EMPTY.test(promised) ? promised : "", people, notes: textValues(source.notes) };
}

// A well-formed application from whatever storage held.
function cleanApplication(source, index) {
  const app = source && typeof source === "object" ? source : {};
  const recipients = Array.isArray(app.recipients) ? app.recipients.map(textValues) : [];
  const history = Array.isArray(app.history) ? app.history.map(cleanEntry).filter(Boolean) : [];
  const round = Number.isInteger(app.round) && app.round > 0 ? app.round : 1;
  const rounds = Array.isArray(app.rounds) ? app.rounds.map(cleanRound).filter(Boolean) : [];
  const id = typeof app.id === "string" && app.id ? app.id : `application-${index + 1}`;
  const name = typeof app.name === "string" ? app.name : "";
  const people = peopleLists(app.people);
  return { id, name, fields: textValues(app.fields), recipients, history, round, rounds, edits: cleanEdits(app.edits), people };
}

// A well-formed state from whatever storage held (nothing, an older version or a hand-edited value).
export function cleanState(source) {
  const data = migrate(source && typeof source === "object" ? source : {});
  const applications = Array.isArray(data.applications) ? data.applications.map(cleanApplication) : [];
  return { version: VERSION, applications, settings: settingValues(data.settings) };
}

const copyApplication = (app) => cleanApplication(JSON.parse(JSON.stringify(app)), 0);

// A new application id, unique enough within one person's list.
const newId = () => "app-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 7);

// Read a key, or null where storage is blocked (memory then stays the source).
function read(storage, key) {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

// Write a key (null removes it); a blocked or full storage leaves the data in memory for this page.
function write(storage, key, value) {
  try {
    if (value == null) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {
    // nothing to do: memory keeps the data
  }
}

// The store over two Storage-like areas (local, session) and an optional BroadcastChannel-like channel.
export class Store {
  #listeners = new Set();
  #state = cleanState(null);
  #remember = false;

  constructor({ prefix, local, session, channel = null }) {
    Object.assign(this, { prefix, local, session, otherTabs: channel });
    this.keys = { data: `${prefix}:data`, remember: `${prefix}:remember`, current: `${prefix}:current` };
    if (channel) channel.onmessage = (event) => this.#message(event.data);
    this.reload();
  }

  // The area the data lives in: the device after opt-in, else this tab's session.
  get #area() {
    return this.#remember ? this.local : this.session;
  }

  // Tell every listener about a change ({external: true} when it came from another tab).
  #notify(external = false) {
    for (const listener of this.#listeners) {
      try {
        listener({ external });
      } catch (error) {
        console.error(error);
      }
    }
  }

  // Save, tell this tab's listeners (refill: whole forms must show the data again), and tell the other tabs.
  #changed(refill = false) {
    write(this.#area, this.keys.data, JSON.stringify(this.#state));
    this.#notify(refill);
    this.otherTabs?.postMessage({ type: "changed" });
  }

  // A message from another tab on the channel.
  #message(message) {
    if (message?.type === "forgot") this.clear(true);
    else if (message?.type === "changed") {
      this.reload();
      this.#notify(true);
    }
  }

  // The index of this tab's current application (the first when none is chosen).
  #currentIndex() {
    const id = read(this.session, this.keys.current);
    const index = this.#state.applications.findIndex((app) => app.id === id);
    return index < 0 ? 0 : index;
  }

  // Read storage again; where it holds nothing (blocked, or not written yet) memory is kept.
  reload() {
    this.#remember = read(this.local, this.keys.remember) === "1";
    const text = read(this.#area, this.keys.data);
    if (text == null) return this.#fromLegacy();
    try {
      this.#state = cleanState(JSON.parse(text));
    } catch {
      // unreadable: keep memory
    }
  }

  // Bring a profile typed before version 0.2 (the old ati.js keys, in either area) into the store, then drop the keys.
  #fromLegacy() {
    for (const area of [this.session, this.local]) {
      const texts = Object.fromEntries(LEGACY_KEYS.map((key) => [key, read(area, key)]));
      const state = fromLegacy(texts);
      if (!state) continue;
      if (area === this.local && texts["ati-remember"] === "1") {
        this.#remember = true;
        write(this.local, this.keys.remember, "1");
      }
      this.#state = cleanState(state);
      for (const key of LEGACY_KEYS) write(area, key, null);
      write(this.#area, this.keys.data, JSON.stringify(this.#state));
      return;
    }
  }

  // Copies of every application, in order.
  applications() {
    return this.#state.applications.map(copyApplication);
  }

  // The id of this tab's current application, or null before there is one.
  get currentId() {
    return this.#state.applications[this.#currentIndex()]?.id ?? null;
  }

  // A new application (fields: its first details), make it current in this tab; returns its id.
  addApplication(fields = {}, name = "") {
    const app = cleanApplication({ id: newId(), name, fields }, this.#state.applications.length);
    this.#state.applications.push(app);
    write(this.session, this.keys.current, app.id);
    this.#changed(true);
    return app.id;
  }

  // Change one application by id through change(draft).
  changeApplication(id, change) {
    const index = this.#state.applications.findIndex((app) => app.id === id);
    if (index < 0) return;
    const draft = copyApplication(this.#state.applications[index]);
    change(draft);
    this.#state.applications[index] = cleanApplication({ ...draft, id }, index);
    this.#changed(true);
  }

  // Delete one application by id (the caller asks first).
  deleteApplication(id) {
    this.#state.applications = this.#state.applications.filter((app) => app.id !== id);
    this.#changed(true);
  }

  // Add an entry to the current application's history ({kind, date, step, message, note}), in its current round.
  record(entry) {
    this.updateApplication((app) => app.history.push({ round: app.round, ...entry }));
  }

  // A copy of everything stored (for the backup file).
  snapshot() {
    return JSON.parse(JSON.stringify(this.#state));
  }

  // Put a checked state in place of all that is stored (an import).
  replaceState(state) {
    this.#state = cleanState(state);
    this.#changed(true);
  }

  // A copy of the current application (an empty one before anything is typed).
  application() {
    const app = this.#state.applications[this.#currentIndex()];
    return app ? copyApplication(app) : { ...cleanApplication(null, 0), id: null };
  }

  // Change the current application through change(draft), creating the first one the moment something is typed.
  updateApplication(change) {
    const apps = this.#state.applications;
    if (!apps.length) apps.push(cleanApplication(null, 0));
    const index = this.#currentIndex();
    const draft = copyApplication(apps[index]);
    change(draft);
    apps[index] = cleanApplication(draft, index);
    this.#changed();
  }

  // Make another application current in this tab only.
  selectApplication(id) {
    if (!this.#state.applications.some((app) => app.id === id)) return;
    write(this.session, this.keys.current, id);
    this.#notify(true);
  }

  // One setting's value, or undefined.
  setting(name) {
    return this.#state.settings[name];
  }

  // Change settings, for example {variant: "warm"}; null removes one.
  updateSettings(patch) {
    for (const [name, value] of Object.entries(patch)) {
      if (value == null) delete this.#state.settings[name];
      else this.#state.settings[name] = value;
    }
    this.#changed();
  }

  // Whether the data is kept on this device.
  get remembered() {
    return this.#remember;
  }

  // Move the data to the device (on) or to this tab's session (off).
  setRemembered(on) {
    write(this.local, this.keys.data, null);
    write(this.session, this.keys.data, null);
    this.#remember = on;
    write(this.local, this.keys.remember, on ? "1" : null);
    this.#changed();
  }

  // Forget everything in both areas (only this site's keys) and in every open tab.
  forget() {
    this.clear();
    this.otherTabs?.postMessage({ type: "forgot" });
  }

  // Drop this site's keys and the memory of this tab (external: at another tab's request).
  clear(external = false) {
    for (const storage of [this.local, this.session]) {
      try {
        for (let i = storage.length - 1; i >= 0; i--) {
          const key = storage.key(i);
          if (key?.startsWith(this.prefix + ":")) storage.removeItem(key);
        }
      } catch {
        // blocked storage holds nothing to forget
      }
    }
    this.#remember = false;
    this.#state = cleanState(null);
    this.#notify(external);
  }

  // Call listener({external}) after every change; external: from another tab, or a change every form must show.
  subscribe(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // React to a window "storage" event: another tab changed the device's storage.
  storageChanged(event) {
    if (event.storageArea !== this.local || !(event.key == null || event.key.startsWith(this.prefix + ":"))) return;
    if (this.#remember && read(this.local, this.keys.remember) !== "1") this.#state = cleanState(null);
    this.reload();
    this.#notify(true);
  }
}

let opened = null; // the page's store, for modules started without one (the card's send actions)

// A store for a site's prefix over the given areas and channel.
export const createStore = (options) => (opened = new Store(options));

// The store the page opened last, or null.
export const openedStore = () => opened;
