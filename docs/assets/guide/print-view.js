// The print view of one application: each message filled with the current application's details, one copy per
// interviewer for messages sent to each, with the recipient named.
import { templateParts } from "./card.js";
import { element } from "./dom.js";
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

// Read one message section's template once: the section itself, its subject and body parts.
function readSection(section) {
  const subject = section.querySelector("[data-ati-subject]");
  return { section, subject: subject && templateParts(subject), body: templateParts(section.querySelector("[data-ati-body]")) };
}

// Show one message for each person it goes to.
function showMessage(message, app, { ui, roles }) {
  const people = app.recipients.filter((r) => Object.values(r).some((v) => v.trim()));
  const perRecipient = message.section.dataset.perRecipient === "yes";
  const targets = perRecipient && people.length > 1 ? people : [people[0] || {}];
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
    for (const [key, value] of Object.entries({ ...app.fields, ...person })) values[key] = displayValue(value, ui.locale);
    const to = node.querySelector("[data-ati-print-to]");
    const name = values[roles.recipient_name];
    to.textContent = name ? format(ui.print_to, { name: [name, values[roles.recipient_email]].filter(Boolean).join(", ") }) : "";
    to.hidden = !name;
    if (message.subject) fill(node.querySelector("[data-ati-subject]"), message.subject, values);
    fill(node.querySelector("[data-ati-body]"), message.body, values);
  });
}

// Start the print view.
export function start(root, { data, store }) {
  const messages = [...root.querySelectorAll("[data-ati-print]")].map(readSection);
  const render = () => messages.forEach((message) => showMessage(message, store.application(), data));
  const stop = store.subscribe(() => (root.isConnected ? render() : stop()));
  render();
}
