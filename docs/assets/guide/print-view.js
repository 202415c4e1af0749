// The print view of one application: every message as the message pages show it (the same cards, card.js: one per
// addressee, greeting and wordings per person), in the tone the reader chose, or the reader's edited text.
import { createCard } from "./card.js";
import { addressees } from "./names.js";
import { peopleOf } from "./people.js";

// The variant of the tone the reader chose (the store's tone choice), or the message's first.
export const chosenVariant = (variants, store) => variants.find((variant) => variant.id === store.setting("variant")) || variants[0];

// Read one message section once: its configuration, where its cards go, its edited-text box and no-JS template.
function readSection(section, data) {
  const config = JSON.parse(section.dataset.config);
  const list = document.createElement("div");
  list.className = "ati-cards";
  const edited = section.querySelector("[data-ati-print-edited]");
  edited.before(list);
  section.querySelector("[data-ati-print-template]").hidden = true;
  return { config, list, edited, cards: [], options: { config, data, premium: () => false } };
}

// Show one message: the edited text when the reader edited it, else one card per addressee.
function showMessage(message, app, store, data) {
  const text = app.edits[message.config.id];
  message.edited.hidden = typeof text !== "string";
  message.edited.textContent = message.edited.hidden ? "" : text;
  const people = peopleOf(app, data);
  const targets = message.edited.hidden ? addressees(message.config.recipients, people) : [];
  const shown = targets.map((t) => ({ ...t, contact: t.person === people.contact }));
  while (message.cards.length < shown.length) message.cards.push(createCard(message.list, message.options));
  while (message.cards.length > shown.length) message.cards.pop().remove();
  const variant = chosenVariant(message.config.variants, store);
  message.cards.forEach((card, i) => {
    const values = { ...app.fields, ...(shown[i].contact ? {} : app.recipients[shown[i].index] || {}) };
    card.show(variant, shown[i], { values, people }, shown.length > 1 ? i + 1 : 0);
  });
}

// Start the print view.
export function start(root, { data, store }) {
  const messages = [...root.querySelectorAll("[data-ati-print]")].map((section) => readSection(section, data));
  const render = () => messages.forEach((message) => showMessage(message, store.application(), store, data));
  const stop = store.subscribe(() => (root.isConnected ? render() : stop()));
  render();
}
