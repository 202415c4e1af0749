// The backup file: one versioned JSON document of everything stored, and the checks an imported file must pass
// before anything stored changes. Pure: text in, text or a verdict out.
import { VERSION, migrate } from "./migrations.js";

export const FORMAT = "after-the-interview-backup";
export const MAX_BYTES = 2 * 1024 * 1024;
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

// The backup text of a state (exported: an ISO timestamp).
export const backupText = (state, exported) => JSON.stringify({ format: FORMAT, version: VERSION, exported, state }, null, 2) + "\n";

// The first forbidden key anywhere in a parsed value, or null.
function forbiddenKey(value, depth = 0) {
  if (depth > 20) return "depth";
  if (!value || typeof value !== "object") return null;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN.has(key)) return key;
    const inner = forbiddenKey(value[key], depth + 1);
    if (inner) return inner;
  }
  return null;
}

const isObject = (value) => value && typeof value === "object" && !Array.isArray(value);

// Whether per-card edits have the stored shape: message id -> card index -> {text, basis, variant, list} (or the older
// single text of a message).
const goodEdits = (edits) => edits === undefined || (isObject(edits) && Object.values(edits).every((cards) => typeof cards === "string" || (isObject(cards) && Object.values(cards).every(isObject))));

// Whether an application has the stored shape: an id, text fields, lists of recipients, history, earlier rounds and
// per-card edits.
function goodApplication(app) {
  return (
    isObject(app) &&
    typeof app.id === "string" &&
    isObject(app.fields) &&
    Object.values(app.fields).every((v) => typeof v === "string") &&
    (app.recipients === undefined || (Array.isArray(app.recipients) && app.recipients.every(isObject))) &&
    (app.history === undefined || (Array.isArray(app.history) && app.history.every(isObject))) &&
    (app.rounds === undefined || (Array.isArray(app.rounds) && app.rounds.every(isObject))) &&
    goodEdits(app.edits)
  );
}

// Check a backup file's text and size: {state} when good, else {error: one of "too_big", "not_json", "forbidden",
// "wrong_shape", "newer"} and {detail}.
export function readBackup(text, bytes = new TextEncoder().encode(text).length) {
  if (bytes > MAX_BYTES) return { error: "too_big", detail: String(bytes) };
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { error: "not_json", detail: error.message };
  }
  const key = forbiddenKey(doc);
  if (key) return { error: "forbidden", detail: key };
  if (!isObject(doc) || doc.format !== FORMAT || !isObject(doc.state)) return { error: "wrong_shape", detail: "format" };
  if (typeof doc.version !== "number" || doc.version > VERSION) return { error: "newer", detail: String(doc.version) };
  const state = migrate(doc.state);
  if (!Array.isArray(state.applications) || !state.applications.every(goodApplication)) return { error: "wrong_shape", detail: "applications" };
  if (state.settings !== undefined && !isObject(state.settings)) return { error: "wrong_shape", detail: "settings" };
  return { state };
}

// Merge an imported state into the stored one: imported applications replace those with the same id, others are
// added; imported settings win.
export function mergeStates(stored, imported) {
  const byId = new Map(stored.applications.map((app) => [app.id, app]));
  for (const app of imported.applications) byId.set(app.id, app);
  return { ...stored, applications: [...byId.values()], settings: { ...stored.settings, ...imported.settings } };
}
