// Unit tests of the store (docs/assets/guide/store.js) over in-memory storage and an in-process BroadcastChannel.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cleanState, createStore } from "../../docs/assets/guide/store.js";
import { MemoryStorage } from "./memory-storage.mjs";

// Counts what `sender` posts; the returned function resolves once `receiver` has handled all of it (no timers).
function deliveries(sender, receiver) {
  let posted = 0;
  let received = 0;
  let waiting = null;
  const post = sender.postMessage.bind(sender);
  sender.postMessage = (message) => {
    posted += 1;
    post(message);
  };
  // Added after the store's onmessage, so it runs once the store has handled the message.
  receiver.addEventListener("message", () => {
    received += 1;
    if (waiting && received >= posted) waiting();
  });
  return () => (received >= posted ? Promise.resolve() : new Promise((resolve) => (waiting = resolve)));
}

test("session-only by default; the first application is created when something is typed", () => {
  const local = new MemoryStorage();
  const session = new MemoryStorage();
  const store = createStore({ prefix: "guide", local, session });
  assert.equal(store.application().id, null);
  store.updateApplication((app) => {
    app.fields.company = "Fabrikam";
  });
  const data = JSON.parse(session.getItem("guide:data"));
  assert.equal(data.version, 2);
  assert.equal(data.applications.length, 1);
  assert.deepEqual(data.applications[0].fields, { company: "Fabrikam" });
  assert.equal(local.length, 0);
});

test("remembering moves the data to the device; forget removes only the prefix's keys", () => {
  const local = new MemoryStorage();
  const session = new MemoryStorage();
  local.setItem("other-site", "keep");
  const store = createStore({ prefix: "guide", local, session });
  store.updateApplication((app) => app.recipients.push({ interviewer_name: "Anna" }));
  store.updateSettings({ tone: "warm" });
  store.setRemembered(true);
  assert.equal(session.getItem("guide:data"), null);
  assert.equal(local.getItem("guide:remember"), "1");
  const again = createStore({ prefix: "guide", local, session: new MemoryStorage() });
  assert.equal(again.setting("tone"), "warm");
  assert.equal(again.application().recipients[0].interviewer_name, "Anna");
  again.forget();
  assert.deepEqual([...local.items.keys()], ["other-site"]);
  assert.equal(again.remembered, false);
});

test("keys such as constructor and __proto__ are ordinary values", () => {
  const state = cleanState(JSON.parse('{"applications":[{"fields":{"constructor":"Sam","__proto__":"x","n":3}}],"settings":{"tone":"warm"}}'));
  const fields = state.applications[0].fields;
  assert.equal(fields.constructor, "Sam");
  assert.equal(Object.getPrototypeOf(fields), null);
  assert.equal(Object.hasOwn(fields, "n"), false); // not text: dropped
  const empty = createStore({ prefix: "p", local: new MemoryStorage(), session: new MemoryStorage() });
  assert.equal(empty.application().fields.constructor, undefined);
  assert.equal(cleanState("nonsense").applications.length, 0);
});

test("the current application is chosen per tab", () => {
  const local = new MemoryStorage();
  const store = createStore({ prefix: "g", local, session: new MemoryStorage() });
  store.setRemembered(true);
  store.updateApplication((app) => {
    app.fields.company = "First";
  });
  const data = JSON.parse(local.getItem("g:data"));
  data.applications.push({ id: "second", fields: { company: "Second" }, recipients: [] });
  local.setItem("g:data", JSON.stringify(data));
  const tabA = createStore({ prefix: "g", local, session: new MemoryStorage() });
  const tabB = createStore({ prefix: "g", local, session: new MemoryStorage() });
  tabB.selectApplication("second");
  assert.equal(tabA.application().fields.company, "First");
  assert.equal(tabB.application().fields.company, "Second");
});

test("failing storage keeps the data in memory", () => {
  const store = createStore({ prefix: "g", local: new MemoryStorage(true), session: new MemoryStorage(true) });
  store.updateApplication((app) => {
    app.fields.your_name = "Priya";
  });
  store.setRemembered(true);
  assert.equal(store.application().fields.your_name, "Priya");
});

test("other tabs follow changes and forgetting through the channel", { timeout: 10000 }, async (t) => {
  const local = new MemoryStorage();
  const channels = [new BroadcastChannel("sync"), new BroadcastChannel("sync")];
  t.after(() => channels.forEach((channel) => channel.close()));
  const tabA = createStore({ prefix: "sync", local, session: new MemoryStorage(), channel: channels[0] });
  const tabB = createStore({ prefix: "sync", local, session: new MemoryStorage(), channel: channels[1] });
  const seen = [];
  tabB.subscribe((change) => seen.push(change));
  const flush = deliveries(channels[0], channels[1]);
  tabA.setRemembered(true);
  tabA.updateApplication((app) => {
    app.fields.company = "Fabrikam";
  });
  await flush();
  assert.equal(tabB.application().fields.company, "Fabrikam");
  assert.ok(seen.length && seen.every((c) => c.external));
  tabA.forget();
  await flush();
  assert.equal(tabB.application().fields.company, undefined);
  assert.equal(local.length, 0);
});
