// Unit tests of the desk's data: migrations from the pre-0.2 keys and store version 1, the backup file's checks,
// and the web compose and calendar links.
import assert from "node:assert/strict";
import { test } from "node:test";
import { MAX_BYTES, backupText, mergeStates, readBackup } from "../../docs/assets/guide/backup.js";
import { fromLegacy, migrate } from "../../docs/assets/guide/migrations.js";
import { gmailUrl, googleCalendarUrl, outlookCalendarUrl, outlookUrl } from "../../docs/assets/guide/sendlinks.js";
import { cleanState, createStore } from "../../docs/assets/guide/store.js";
import { MemoryStorage } from "./memory-storage.mjs";

const legacyProfile = { fields: { employer: "Northwind Traders", role: "Analyst" }, interviewers: [{ interviewer_name: "Anna Berg" }] };

test("the pre-0.2 keys become one application with its settings", () => {
  const state = fromLegacy({ "ati-profile": JSON.stringify(legacyProfile), "ati-tone": "warm", "ati-premium": "true" });
  assert.deepEqual(state, {
    version: 1,
    applications: [{ id: "application-1", fields: legacyProfile.fields, recipients: legacyProfile.interviewers }],
    settings: { variant: "warm", premium: true },
  });
  assert.equal(fromLegacy({}), null);
  assert.equal(migrate(state).version, 2);
  assert.deepEqual(migrate(state).applications[0].history, []);
});

test("the store takes over the old ati.js profile from the device, remembered, and drops the old keys", () => {
  const local = new MemoryStorage();
  const session = new MemoryStorage();
  local.setItem("ati-profile", JSON.stringify(legacyProfile));
  local.setItem("ati-remember", "1");
  local.setItem("ati-tone", JSON.stringify("brief"));
  const store = createStore({ prefix: "guide", local, session });
  assert.equal(store.remembered, true);
  assert.equal(store.application().fields.employer, "Northwind Traders");
  assert.equal(store.application().recipients[0].interviewer_name, "Anna Berg");
  assert.equal(store.setting("variant"), "brief");
  assert.equal(local.getItem("ati-profile"), null);
  assert.equal(JSON.parse(local.getItem("guide:data")).version, 2);
  const session2 = new MemoryStorage();
  session2.setItem("ati-profile", JSON.stringify(legacyProfile));
  const tab = createStore({ prefix: "guide2", local: new MemoryStorage(), session: session2 });
  assert.equal(tab.remembered, false);
  assert.equal(tab.applications().length, 1);
});

test("store version 1 is migrated: fields and recipients kept, history added", () => {
  const session = new MemoryStorage();
  session.setItem("guide:data", JSON.stringify({ version: 1, applications: [{ id: "a", fields: { employer: "Fabrikam" }, recipients: [] }], settings: { variant: "formal" } }));
  const store = createStore({ prefix: "guide", local: new MemoryStorage(), session });
  assert.equal(store.application().fields.employer, "Fabrikam");
  assert.deepEqual(store.application().history, []);
  assert.equal(store.snapshot().version, 2);
});

test("several applications: add, change, record, select per tab, delete", () => {
  const local = new MemoryStorage();
  const store = createStore({ prefix: "guide", local, session: new MemoryStorage() });
  const a = store.addApplication({ employer: "Northwind Traders" });
  const b = store.addApplication({ employer: "Fabrikam" }, "Fabrikam, second try");
  assert.equal(store.currentId, b);
  store.record({ kind: "sent", date: "2026-12-01", step: "thank-you", message: "appreciation" });
  store.record({ kind: "bogus", date: "2026-12-01" });
  assert.equal(store.application().history.length, 1);
  store.selectApplication(a);
  assert.equal(store.application().fields.employer, "Northwind Traders");
  store.changeApplication(b, (app) => (app.name = "Fabrikam"));
  assert.equal(store.applications()[1].name, "Fabrikam");
  store.deleteApplication(a);
  assert.deepEqual(store.applications().map((app) => app.id), [b]);
});

test("a backup reads back exactly; hostile files are refused with a reason", () => {
  const store = createStore({ prefix: "guide", local: new MemoryStorage(), session: new MemoryStorage() });
  store.addApplication({ employer: "Northwind Traders" });
  store.record({ kind: "offer", date: "2026-12-03" });
  store.updateApplication((app) => (app.edits.appreciation = { 2: { text: "My own words", basis: "Dear Lena,", variant: "warm" } }));
  store.updateSettings({ variant: "warm" });
  const text = backupText(store.snapshot(), "2026-12-04T09:00:00.000Z");
  const read = readBackup(text);
  assert.deepEqual(cleanState(read.state), cleanState(store.snapshot()));
  assert.equal(readBackup("{not json").error, "not_json");
  assert.equal(readBackup("[]").error, "wrong_shape");
  assert.equal(readBackup(JSON.stringify({ format: "after-the-interview-backup", version: 2, state: { applications: [{ id: 3 }] } })).error, "wrong_shape");
  assert.equal(readBackup(text.replace('"fields": {', '"fields": {"__proto__": {"x": "1"},')).error, "forbidden");
  assert.equal(readBackup(text.replace('"settings": {', '"settings": {"constructor": 1,')).error, "forbidden");
  assert.equal(readBackup(text, MAX_BYTES + 1).error, "too_big");
  assert.equal(readBackup(text.replace('"version": 2', '"version": 99')).error, "newer");
});

test("merging keeps stored applications and adds or replaces imported ones", () => {
  const stored = cleanState({ applications: [{ id: "a", fields: { employer: "A" } }, { id: "b", fields: { employer: "B" } }], settings: { variant: "warm" } });
  const imported = cleanState({ applications: [{ id: "b", fields: { employer: "B2" } }, { id: "c", fields: {} }], settings: { premium: true } });
  const merged = mergeStates(stored, imported);
  assert.deepEqual(merged.applications.map((app) => app.fields.employer ?? ""), ["A", "B2", ""]);
  assert.deepEqual({ ...merged.settings }, { variant: "warm", premium: true });
});

test("compose and calendar links decode to exactly the text", () => {
  const body = "Dear Anna,\nthanks & see you 100% soon? #1 +more";
  const subject = "Thank you — Analyst role";
  const gmail = new URL(gmailUrl("anna@example.com", subject, body));
  assert.equal(gmail.origin, "https://mail.google.com");
  assert.equal(gmail.searchParams.get("to"), "anna@example.com");
  assert.equal(gmail.searchParams.get("su"), subject);
  assert.equal(gmail.searchParams.get("body"), body.replace(/\n/g, "\r\n"));
  const outlook = new URL(outlookUrl("anna@example.com", subject, body));
  assert.equal(outlook.searchParams.get("subject"), subject);
  assert.equal(outlook.searchParams.get("body"), body.replace(/\n/g, "\r\n"));
  assert.equal(gmail.searchParams.has("cc"), false); // no copies: no empty field
  const copies = ["tom+jobs@example.com", "lena@example.com"];
  assert.equal(new URL(gmailUrl("anna@example.com", subject, body, copies)).searchParams.get("cc"), copies.join(","));
  assert.equal(new URL(outlookUrl("anna@example.com", subject, body, copies)).searchParams.get("cc"), copies.join(","));
  const allDay = { summary: "Follow up – Northwind", description: "Step: a & b\nhttps://x/", from: "2026-12-07", to: "2026-12-08" };
  const google = new URL(googleCalendarUrl(allDay));
  assert.equal(google.searchParams.get("dates"), "20261207/20261209");
  assert.equal(google.searchParams.get("text"), allDay.summary);
  assert.equal(google.searchParams.get("details"), allDay.description);
  const timed = { ...allDay, startUtc: Date.UTC(2026, 11, 7, 14, 30), endUtc: Date.UTC(2026, 11, 7, 15) };
  assert.equal(new URL(googleCalendarUrl(timed)).searchParams.get("dates"), "20261207T143000Z/20261207T150000Z");
  const outlookCal = new URL(outlookCalendarUrl(allDay));
  assert.equal(outlookCal.searchParams.get("startdt"), "2026-12-07");
  assert.equal(outlookCal.searchParams.get("enddt"), "2026-12-09");
  assert.equal(outlookCal.searchParams.get("allday"), "true");
  assert.equal(new URL(outlookCalendarUrl(timed)).searchParams.get("startdt"), "2026-12-07T14:30:00.000Z");
});
