// The print view of one application: each message filled with the current application's details, one copy per
// interviewer for messages sent to each, with the recipient named; in the tone the reader chose, or as they edited it.
import { templateParts } from "./card.js";
import { element } from "./dom.js";
import { personName } from "./rounds.js";
import { displayValue, format } from "./text.js";

// Write template parts into node with the values filled in (unfilled blanks keep their label).
function fill(node, parts, values) {
  node.replaceChildren(
    ...parts.map((part) => {
      if (typeof part === "string") return document.createTextNode(part);
      const value = values[part.blank];
      const span = element("span", value ? "ati-blank is-filled" : "ati-blank", value || part.label);
      span.dataset.blank = part.blank;
      return span;
    }),
  );
}

// Read one message section's templates once: the section, and each tone's subject and body parts.
function readSection(section) {
  const tones = [...section.querySelectorAll("[data-ati-print-variant]")].map((node) => {
    const subject = node.querySelector("[data-ati-subject]");
    return { id: node.dataset.atiPrintVariant, subject: subject && templateParts(subject), body: templateParts(node.querySelector("[data-ati-body]")) };
  });
  return { id: section.dataset.atiPrint, section, tones };
}

// The tone the reader chose for a message (the store's tone choice), or the message's first.
export const chosenTone = (tones, store) => tones.find((tone) => tone.id === store.setting("variant")) || tones[0];

// Show one copy: the chosen tone filled in, or the reader's edited text in its place.
function showCopy(node, tone, edited, values) {
  for (const variant of node.querySelectorAll("[data-ati-print-variant]")) variant.hidden = edited != null || variant.dataset.atiPrintVariant !== tone.id;
  const editedNode = node.querySelector("[data-ati-print-edited]");
  editedNode.hidden = edited == null;
  editedNode.textContent = edited ?? "";
  if (edited != null) return;
  const shown = node.querySelector(`[data-ati-print-variant="${CSS.escape(tone.id)}"]`);
  if (tone.subject) fill(shown.querySelector("[data-ati-subject]"), tone.subject, values);
  fill(shown.querySelector("[data-ati-body]"), tone.body, values);
}

// Show one message for each person it goes to.
function showMessage(message, app, store, { ui, roles, dates }) {
  const people = app.recipients.filter((r) => Object.values(r).some((v) => v.trim()));
  const perRecipient = message.section.dataset.perRecipient === "yes";
  const targets = perRecipient && people.length > 1 ? people : [people[0] || {}];
  const tone = chosenTone(message.tones, store);
  const edited = typeof app.edits[message.id] === "string" ? app.edits[message.id] : null;
  for (const copy of message.copies || []) copy.remove();
  message.copies = [];
  targets.forEach((person, i) => {
    const node = i === 0 ? message.section : message.section.cloneNode(true);
    if (i > 0) {
      node.querySelectorAll("[id]").forEach((el) => (el.id += `-${i + 1}`));
      node.setAttribute("aria-labelledby", `${node.getAttribute("aria-labelledby")}-${i + 1}`);
      (message.copies.at(-1) || message.section).after(node);
      message.copies.push(node);
    }
    const values = Object.create(null);
    for (const [key, value] of Object.entries({ ...app.fields, ...person })) values[key] = displayValue(value, dates?.locale || ui.locale);
    const to = node.querySelector("[data-ati-print-to]");
    const name = personName(person, roles);
    to.textContent = name ? format(ui.print_to, { name: [name, values[roles.recipient_email]].filter(Boolean).join(", ") }) : "";
    to.hidden = !name;
    showCopy(node, tone, edited, values);
  });
}

// Start the print view.
export function start(root, { data, store }) {
  const messages = [...root.querySelectorAll("[data-ati-print]")].map(readSection);
  const render = () => messages.forEach((message) => showMessage(message, store.application(), store, data));
  const stop = store.subscribe(() => (root.isConnected ? render() : stop()));
  render();
}
