// A message's cards: the tone choice, the premium switch, and one card per recipient, redrawn on every change.
import { createCard, templateParts } from "./card.js";
import { element } from "./dom.js";
import { format } from "./text.js";

let groups = 0; // names of the tone radio groups, unique on the page

// The variants (tones) the page holds for this message, read from the plain templates.
function readVariants(root) {
  return [...root.querySelectorAll("[data-ati-variant]")].map((section) => {
    const subject = section.querySelector("[data-ati-subject]");
    return {
      section,
      id: section.dataset.atiVariant,
      label: section.querySelector(".ati-variant__title")?.textContent || section.dataset.atiVariant,
      subject: subject ? templateParts(subject) : null,
      body: templateParts(section.querySelector("[data-ati-body]")),
    };
  });
}

// Whether a recipient has anything typed in.
const hasValues = (recipient) => Object.values(recipient).some((v) => v.trim());

// Start the cards of one message in root.
export function start(root, { data, store }) {
  const ui = data.ui;
  const config = JSON.parse(root.dataset.config);
  const variants = readVariants(root);
  if (!variants.length) throw new Error("no templates");
  const toolbar = element("div", "ati-toolbar");
  const list = element("div", "ati-cards");
  const radios = [];
  const cards = [];
  const groupName = `ati-tone-${++groups}`;
  if (variants.length > 1) {
    const fieldset = element("fieldset", "ati-tones");
    fieldset.append(element("legend", "", ui.tone_legend));
    for (const variant of variants) {
      const label = element("label");
      const radio = element("input");
      radio.type = "radio";
      radio.name = groupName;
      radio.value = variant.id;
      radio.addEventListener("change", () => store.updateSettings({ variant: variant.id }));
      radios.push(radio);
      label.append(radio, " " + variant.label);
      fieldset.append(label);
    }
    toolbar.append(fieldset);
  }
  let premiumBox = null;
  if (config.premiumCharacters) {
    const label = element("label", "ati-check");
    premiumBox = element("input");
    premiumBox.type = "checkbox";
    premiumBox.addEventListener("change", () => store.updateSettings({ premium: premiumBox.checked || null }));
    label.append(premiumBox, " " + format(ui.premium, { limit: config.premiumCharacters }));
    toolbar.append(label);
  }
  const premium = () => store.setting("premium") === true;

  const update = () => {
    const variant = variants.find((v) => v.id === store.setting("variant")) || variants[0];
    const app = store.application();
    const recipients = app.recipients.filter(hasValues);
    const people = config.perRecipient && recipients.length > 1 ? recipients : [recipients[0] || Object.create(null)];
    for (const radio of radios) radio.checked = radio.value === variant.id;
    if (premiumBox) premiumBox.checked = premium();
    while (cards.length < people.length) cards.push(createCard(list, { config, data, premium }));
    while (cards.length > people.length) cards.pop().remove();
    cards.forEach((card, i) => card.show(variant, { ...app.fields, ...people[i] }, people.length > 1 ? i + 1 : 0));
  };
  update();
  root.prepend(toolbar, list);
  for (const variant of variants) variant.section.hidden = true;
  const stop = store.subscribe(() => (root.isConnected ? update() : stop()));
}
