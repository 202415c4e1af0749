// The print view of one application: every message as the message pages show it (the same cards, card.js: one per
// addressee, greeting and wordings per person), each in its own tone or the one the reader chose, with the reader's
// edit of a card in its place.
import { createCard } from "./card.js";
import { cardEdit, cardVariant } from "./edits.js";
import { addressees } from "./names.js";
import { peopleOf } from "./people.js";

// Read one message section once: its configuration, where its cards go and its no-JS template.
function readSection(section, data) {
  const config = JSON.parse(section.dataset.config);
  const list = document.createElement("div");
  list.className = "ati-cards";
  const template = section.querySelector("[data-ati-print-template]");
  template.after(list);
  template.hidden = true;
  return { config, list, cards: [], options: { config, data, premium: () => false } };
}

// Show one message: one card per addressee, each in its tone and with its edit (edits.js).
function showMessage(message, app, store, data) {
  const { id, recipients, variants } = message.config;
  const people = peopleOf(app, data);
  const shown = addressees(recipients, people).map((t) => ({ ...t, contact: t.person === people.contact }));
  while (message.cards.length < shown.length) message.cards.push(createCard(message.list, message.options));
  while (message.cards.length > shown.length) message.cards.pop().remove();
  const chosen = store.setting("variant");
  message.cards.forEach((card, i) => {
    const values = { ...app.fields, ...(shown[i].contact ? {} : app.recipients[shown[i].index] || {}) };
    const edit = cardEdit(app.edits, id, shown[i].index);
    card.show(cardVariant(variants, chosen, edit), shown[i], { values, people, edit }, shown.length > 1 ? i + 1 : 0);
  });
}

// Start the print view.
export function start(root, { data, store }) {
  const messages = [...root.querySelectorAll("[data-ati-print]")].map((section) => readSection(section, data));
  const render = () => messages.forEach((message) => showMessage(message, store.application(), store, data));
  const stop = store.subscribe(() => (root.isConnected ? render() : stop()));
  render();
}
