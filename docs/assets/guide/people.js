// The people of an application as names.js wants them: the sender, the main contact and each interviewer, read
// from the store's values ("<id>.given", "<id>.family", "<id>.address", "<id>.title" of each person blank).
import { fullName, splitName } from "./names.js";

export const PARTS = ["given", "family", "address", "title"];

// The person a person blank holds in values; a single typed name (stored before names were split) is split.
export function personOf(values, id, addresses = []) {
  const person = {};
  for (const part of PARTS) person[part] = String(values[`${id}.${part}`] ?? "").trim();
  if (!person.given && !person.family && String(values[id] ?? "").trim()) return splitName(values[id], { addresses });
  return person;
}

// Keep "<id>" as the full name of the person blank "<id>" (the desk and the print view read it), and drop the
// note that asked to check a split once the person has been edited.
export function syncPerson(values, key) {
  const id = key.slice(0, key.lastIndexOf("."));
  if (!id || !PARTS.includes(key.slice(id.length + 1))) return;
  values[id] = fullName(personOf(values, id));
  delete values[`${id}.check`];
}

// {sender, contact, interviewers}: each person with the email the roles give (the sender also phone and profile).
export function peopleOf(app, { roles, people }) {
  const addresses = people.addresses;
  const email = (values, role) => String(values[roles[role]] ?? "").trim();
  const sender = personOf(app.fields, roles.sender_name, addresses);
  Object.assign(sender, { email: email(app.fields, "sender_email"), phone: email(app.fields, "sender_phone") });
  sender.profile = email(app.fields, "sender_profile");
  const contact = roles.contact_name ? personOf(app.fields, roles.contact_name, addresses) : {};
  contact.email = email(app.fields, "contact_email");
  contact.values = app.fields;
  const interviewers = app.recipients.map((values) => {
    const person = personOf(values, roles.recipient_name, addresses);
    return Object.assign(person, { email: email(values, "recipient_email"), values });
  });
  return { sender, contact, interviewers };
}
