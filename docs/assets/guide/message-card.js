// A message's cards: the tone choice, the premium switch, and one card per addressee (each with its own edit and
// tone, edits.js), redrawn on every change.
// The wordings come parsed from the page data (generator/pagedata.py); who gets a card follows the message's
// `recipients` (names.js addressees), and each interviewer's card draws that person's wordings.
import { createCard } from "./card.js";
import { element } from "./dom.js";
import { cardEdit, cardVariant, changeCardEdit } from "./edits.js";
import { addressees, fullName } from "./names.js";
import { cardValues, extraPeople } from "./extra-people.js";
import { peopleOf, personOf } from "./people.js";
import { similarityWarnings } from "./similarity.js";
import { format } from "./text.js";

let groups = 0; // names of the tone radio groups, unique on the page

// The tone radios in a fieldset; each change is remembered as the reader's tone.
function toneChoice(variants, ui, store) {
  const fieldset = element("fieldset", "ati-tones");
  fieldset.append(element("legend", "", ui.tone_legend));
  const name = `ati-tone-${++groups}`;
  const radios = variants.map((variant) => {
    const label = element("label");
    const radio = element("input");
    Object.assign(radio, { type: "radio", name, value: variant.id });
    radio.addEventListener("change", () => store.updateSettings({ variant: variant.id }));
    label.append(radio, " " + variant.label);
    fieldset.append(label);
    return radio;
  });
  return { fieldset, radios };
}

// The premium switch of a message with a larger premium limit (LinkedIn).
function premiumSwitch(config, ui, store) {
  const label = element("label", "ati-check");
  const box = element("input");
  box.type = "checkbox";
  box.addEventListener("change", () => store.updateSettings({ premium: box.checked || null }));
  label.append(box, " " + format(ui.premium, { limit: config.premiumCharacters }));
  return { label, box };
}

// Warn, under the cards, about notes to different people that share too many sentences.
function showSimilarity(box, cards, targets, values, { ui, config }) {
  const notes = cards.map((card, i) => ({ text: card.text(), aside: values[i] }));
  const warnings = targets.length > 1 && !config.spoken ? similarityWarnings(notes) : [];
  box.hidden = !warnings.length;
  box.textContent = warnings
    .map((w) =>
      format(ui.similar_notes, {
        first: fullName(targets[w.first].person),
        second: fullName(targets[w.second].person),
        shared: w.shared.length,
        reword: w.reword,
      }),
    )
    .join(" ");
}

// Start the cards of one message in root.
export function start(root, { data, store }) {
  const ui = data.ui;
  const config = JSON.parse(root.dataset.config);
  const variants = config.variants || [];
  if (!variants.length) throw new Error("no templates");
  const toolbar = element("div", "ati-toolbar");
  const list = element("div", "ati-cards");
  const similar = element("p", "ati-status is-warn");
  similar.setAttribute("role", "status");
  similar.hidden = true;
  const tones = variants.length > 1 ? toneChoice(variants, ui, store) : null;
  if (tones) toolbar.append(tones.fieldset);
  const premiumBox = config.premiumCharacters ? premiumSwitch(config, ui, store) : null;
  if (premiumBox) toolbar.append(premiumBox.label);
  const premium = () => store.setting("premium") === true;
  const cards = [];
  // Where a card's edit is kept: by the addressee's place in the list the cards follow (which the forms' remove
  // buttons keep in step: edits.dropPerson), or the other employer's; the one card of any other message at 0.
  const to = config.recipients.to;
  const personList = config.recipients.list; // the generator's people.EDITED_BY_PLACE
  const editKey = (index) => (personList || to === "each-employer" ? index : 0);
  const onEdit = (index, patch) => store.updateApplication((app) => changeCardEdit(app.edits, config.id, editKey(index), { ...patch, list: personList }));

  const update = () => {
    const variant = variants.find((v) => v.id === store.setting("variant")) || variants[0];
    const app = store.application();
    const people = { ...peopleOf(app, data), ...extraPeople(store, app, data, (v, id) => personOf(v, id, data.people.addresses)) };
    // An employer card goes to that application's main contact (issue 14's each-employer), named or not.
    const toContact = (t) => t.person === people.contact || to === "each-employer" || (to === "contact" && !fullName(t.person));
    const targets = addressees(config.recipients, people).map((t) => ({ ...t, contact: toContact(t) }));
    for (const radio of tones?.radios || []) radio.checked = radio.value === variant.id;
    if (premiumBox) premiumBox.box.checked = premium();
    while (cards.length < targets.length) cards.push(createCard(list, { config, data, premium, onEdit }));
    while (cards.length > targets.length) cards.pop().remove();
    const values = targets.map((t) => cardValues(t, app, to, data.roles));
    cards.forEach((card, i) => {
      const edit = cardEdit(app.edits, config.id, editKey(targets[i].index));
      const context = { values: values[i], people, edit, messageTone: variant.id };
      card.show(cardVariant(variants, variant.id, edit), targets[i], context, targets.length > 1 ? i + 1 : 0);
    });
    showSimilarity(similar, cards, targets, values.map((v) => Object.values(v)), { ui, config });
  };
  update();
  root.prepend(toolbar, list, similar);
  for (const section of root.querySelectorAll("[data-ati-variant]")) section.hidden = true;
  const stop = store.subscribe(() => (root.isConnected ? update() : stop()));
}
