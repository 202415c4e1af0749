// Unit tests of the people lists' data (docs/assets/guide/extra-people.js) and their place in the store.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cleanPerson, employerContact, employerValues, isEmpty, listOf, otherEmployers, ownDetails } from "../../docs/assets/guide/extra-people.js";
import { cleanState, createStore } from "../../docs/assets/guide/store.js";
import { MemoryStorage } from "./memory-storage.mjs";

test("a person keeps only its known text fields, in a null-prototype object", () => {
  const person = cleanPerson({ given: "Anna", family: "Berg", address: "ms", email: "anna@example.org", age: 40, phone: 5, __proto__: { x: 1 } });
  assert.equal(Object.getPrototypeOf(person), null);
  assert.deepEqual({ ...person }, { given: "Anna", family: "Berg", address: "ms", email: "anna@example.org" });
  assert.ok(isEmpty(cleanPerson({ given: "  " })));
  assert.ok(!isEmpty(cleanPerson({ phone: "+44 7700 900123" })));
});

test("the store keeps people lists per application and drops what is not a list of people", () => {
  const state = cleanState({
    version: 2,
    applications: [{ id: "a", fields: {}, people: { referees: [{ given: "Tom", family: "Okafor", x: 1 }], coordinator: "Lena", "Bad Key": [] } }],
  });
  assert.deepEqual(Object.keys(state.applications[0].people), ["referees"]);
  assert.deepEqual(listOf(state.applications[0], "referees").map((p) => ({ ...p })), [{ given: "Tom", family: "Okafor" }]);
  assert.deepEqual(listOf(state.applications[0], "coordinator"), []);

  const session = new MemoryStorage();
  const store = createStore({ prefix: "guide", local: new MemoryStorage(), session });
  store.updateApplication((app) => {
    app.people = { referees: [{ given: "Anna" }, { given: "Tom" }], coordinator: [{ given: "Lena", email: "lena@example.org" }] };
  });
  const stored = JSON.parse(session.getItem("guide:data")).applications[0].people;
  assert.deepEqual(stored, { referees: [{ given: "Anna" }, { given: "Tom" }], coordinator: [{ given: "Lena", email: "lena@example.org" }] });
  store.addApplication({ company: "Fabrikam" });
  assert.deepEqual(listOf(store.application(), "referees"), [], "a new application starts with no referees");
});

test("the other employers: every open application but the current one, with its own fields", () => {
  const apps = [
    { id: "now", fields: { company: "Contoso", role: "Analyst" }, recipients: [], history: [{ kind: "accepted", date: "2026-03-01" }] },
    { id: "open", fields: { company: "Fabrikam", role: "Planner" }, recipients: [{}, { interviewer_name: "Tom Okafor" }], history: [] },
    { id: "quiet", fields: { company: "Northwind" }, recipients: [], history: [{ kind: "ghosted", date: "2026-02-01" }] },
    { id: "no", fields: { company: "Litware" }, recipients: [], history: [{ kind: "rejected", date: "2026-02-10" }] },
    { id: "gone", fields: { company: "Tailspin" }, recipients: [], history: [{ kind: "withdrawn", date: "2026-02-11" }, { kind: "sent", date: "2026-02-12" }] },
  ];
  const others = otherEmployers(apps, "now");
  assert.deepEqual(others.map((o) => o.id), ["open", "quiet"]);
  assert.deepEqual(others[0].fields, { company: "Fabrikam", role: "Planner" });
  const roles = { sender_name: "your_name", sender_email: "your_email", employer: "company" };
  const current = { your_name: "Sam Lee", your_email: "sam@example.org", company: "Contoso", role: "Analyst" };
  const values = employerValues(current, { company: "Fabrikam", role: " ", your_email: "sam.lee@example.org" }, roles);
  assert.deepEqual({ ...values }, { company: "Fabrikam", role: " ", your_email: "sam.lee@example.org", your_name: "Sam Lee" });
});

test("another employer's card goes to its main contact, else its interviewer 1, each with their own email", async () => {
  const { personOf } = await import("../../docs/assets/guide/people.js");
  const roles = { contact_name: "contact", contact_email: "contact_email", recipient_name: "name", recipient_email: "email" };
  const named = { fields: { "contact.given": "Lena", "contact.family": "Brandt", contact_email: " lena@example.org " }, recipients: [{ name: "Tom Okafor", email: "tom@example.org" }] };
  assert.deepEqual({ ...employerContact(named, roles, personOf) }, { given: "Lena", family: "Brandt", title: "", address: "", email: "lena@example.org" });
  const unnamed = { fields: { contact_email: "jobs@example.org" }, recipients: [{ name: "Tom Okafor", email: "tom@example.org" }] };
  const stand_in = employerContact(unnamed, roles, personOf);
  assert.equal(`${stand_in.given} ${stand_in.family} ${stand_in.email}`, "Tom Okafor tom@example.org");
  assert.equal(employerContact({ fields: {}, recipients: [] }, roles, personOf).email, "");
});

test("addressees: one card per named referee, the coordinator, one card per other employer with its values", async () => {
  const { addressees } = await import("../../docs/assets/guide/names.js");
  const anna = { given: "Anna", family: "Berg", address: "ms" };
  const tom = { given: "Tom", family: "Okafor" };
  assert.deepEqual(addressees({ to: "each-referee" }, { referees: [anna, { given: " " }, tom] }), [
    { person: anna, index: 0, cc: [] },
    { person: tom, index: 2, cc: [] },
  ]);
  assert.deepEqual(addressees({ to: "each-referee" }, {}), [{ person: {}, index: 0, cc: [] }], "one card to fill before any referee is added");
  const lena = { given: "Lena", family: "Fischer", title: "Dr" };
  assert.deepEqual(addressees({ to: "coordinator" }, { coordinator: lena, contact: tom, interviewers: [anna] }), [{ person: lena, index: 0, cc: [] }]);
  const values = { company: "Fabrikam" };
  assert.deepEqual(addressees({ to: "each-employer" }, { employers: [{ person: tom, values }, { values: { company: "Northwind" } }] }), [
    { person: tom, index: 0, cc: [], values },
    { person: {}, index: 1, cc: [], values: { company: "Northwind" } },
  ]);
  assert.deepEqual(addressees({ to: "each-employer" }, { employers: [] }), [{ person: {}, index: 0, cc: [], none: true }]); // none: no other employer yet, said under the card
});

test("extraPeople and cardValues: what the message card gives addressees and each card", async () => {
  const { extraPeople, cardValues } = await import("../../docs/assets/guide/extra-people.js");
  const session = new MemoryStorage();
  const store = createStore({ prefix: "guide", local: new MemoryStorage(), session });
  const roles = { contact_name: "main_contact", contact_email: "main_contact_email", sender_name: "your_name", employer: "company" };
  const other = store.addApplication({ company: "Fabrikam", "main_contact.given": "Sam", main_contact_email: "sam@fabrikam.example" });
  store.addApplication({ company: "Contoso", your_name: "Priya Sharma" });
  store.updateApplication((app) => {
    app.people = { referees: [{ given: "Anna", family: "Berg", email: "anna@example.org" }], coordinator: [{ given: "Lena" }] };
    app.recipients = [{ interviewer_name: "Tom Okafor", topic: "reports" }];
  });
  const app = store.application();
  const personOf = (values, id) => ({ given: values[`${id}.given`] || "", family: values[`${id}.family`] || "" });
  const people = extraPeople(store, app, { roles }, personOf);
  assert.deepEqual(people.referees.map((p) => ({ ...p })), [{ given: "Anna", family: "Berg", email: "anna@example.org" }]);
  assert.equal(people.coordinator.given, "Lena");
  assert.equal(people.employers.length, 1);
  assert.deepEqual(people.employers[0].person, { given: "Sam", family: "", email: "sam@fabrikam.example" });
  assert.equal(people.employers[0].values.company, "Fabrikam");
  assert.equal(people.employers[0].values.your_name, "Priya Sharma");
  assert.ok(other);
  // An employer with no main contact named: its interviewer 1 and their address (a blind reader's empty To:).
  const withRoles = { ...roles, recipient_name: "interviewer_name", recipient_email: "interviewer_email" };
  store.changeApplication(other, (draft) => {
    draft.fields = { company: "Fabrikam" };
    draft.recipients = [{ "interviewer_name.given": "Jonas", "interviewer_name.family": "Albers", interviewer_email: "jonas@fabrikam.example" }];
  });
  const fallback = extraPeople(store, store.application(), { roles: withRoles }, personOf).employers[0].person;
  assert.deepEqual(fallback, { given: "Jonas", family: "Albers", email: "jonas@fabrikam.example" });
  assert.deepEqual(cardValues({ index: 0 }, app, "each-referee"), { company: "Contoso", your_name: "Priya Sharma" });
  assert.equal(cardValues({ index: 0 }, app, "each-interviewer").topic, "reports");
  assert.equal(cardValues({ index: 0, values: { company: "Fabrikam" } }, app, "each-employer").company, "Fabrikam");
  const alone = cardValues({ index: 0 }, app, "each-employer", roles); // no other employer on the desk yet
  assert.deepEqual({ ...alone }, { your_name: "Priya Sharma" });
});

test("a new application starts with the person's own details only: name with its parts, email, phone, profile", () => {
  const roles = { sender_name: "your_name", sender_email: "your_email", sender_phone: "your_phone", sender_profile: "your_profile", employer: "company" };
  const fields = { your_name: "Priya Sharma", "your_name.given": "Priya", "your_name.family": "Sharma", your_email: "p@example.com", your_phone: "+44", your_profile: "https://example.com/p", your_names: "not hers", company: "Contoso", role: "Analyst" };
  const own = ownDetails(fields, roles);
  assert.deepEqual({ ...own }, { your_name: "Priya Sharma", "your_name.given": "Priya", "your_name.family": "Sharma", your_email: "p@example.com", your_phone: "+44", your_profile: "https://example.com/p" });
  assert.deepEqual({ ...ownDetails(undefined, roles) }, {});
  assert.deepEqual({ ...ownDetails(fields, {}) }, {}); // a fork without the roles: nothing copied
});
