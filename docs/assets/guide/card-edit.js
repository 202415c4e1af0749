// A card's own tone and in-place edit: the tone select, the Edit toggle over a labelled textarea, Reset, and the
// notice when the details changed under an edit. The card's show() decides what it shows (edits.js); this only
// lets the reader change it, through onEdit(index, patch).
import { announce, element } from "./dom.js";

let editors = 0; // ids of the textareas and selects, unique on the page

// The tone select of a card (default: the message's tone); choosing the message's tone drops the card's own.
function toneSelect(card, { config, data, onEdit }, id) {
  const label = element("label", "ati-edit__tone", data.ui.card_tone + " ");
  const select = element("select");
  select.id = `${id}-tone`;
  for (const variant of config.variants) {
    const option = element("option", "", variant.label);
    option.value = variant.id;
    select.append(option);
  }
  select.addEventListener("change", () => onEdit(card.index, { variant: select.value === card.messageTone ? null : select.value }));
  label.append(select);
  return select;
}

// The edit panel: label, help, textarea (saved as typed, with the text it was made from) and Reset.
function editPanel(card, { data, onEdit }, id) {
  const ui = data.ui;
  const panel = element("div", "ati-edit");
  panel.id = `${id}-panel`;
  panel.hidden = true;
  const label = element("label", "ati-edit__label", ui.edit_label);
  const help = element("p", "ati-edit__help", ui.edit_help);
  const area = element("textarea");
  Object.assign(area, { id: `${id}-text`, rows: 10 });
  help.id = `${id}-help`;
  label.htmlFor = area.id;
  area.setAttribute("aria-describedby", help.id);
  area.addEventListener("input", () => onEdit(card.index, { text: area.value, basis: card.made }));
  const reset = element("button", "ati-btn", ui.edit_reset);
  reset.type = "button";
  panel.append(label, help, area, reset);
  return { panel, area, reset };
}

// The notice under an edited card whose details changed since, with a button that drops the edit.
function changedNotice(ui) {
  const notice = element("div", "ati-edit__changed");
  notice.setAttribute("role", "status");
  const text = element("p", "ati-edit__note is-warn", ui.edit_changed);
  const drop = element("button", "ati-btn", ui.edit_drop);
  drop.type = "button";
  notice.append(text, drop);
  notice.hidden = true;
  return { notice, drop };
}

// Add the editing controls to a card's parts; returns show(variant) to call after every redraw.
export function cardEditor(card, options) {
  const { parts } = card;
  const ui = options.data.ui;
  const id = `ati-card-${++editors}`;
  const select = options.config.variants.length > 1 ? toneSelect(card, options, id) : null;
  const { panel, area, reset } = editPanel(card, options, id);
  const { notice, drop } = changedNotice(ui);
  const toggle = element("button", "ati-btn", ui.edit_toggle);
  Object.assign(toggle, { type: "button" });
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("aria-controls", panel.id);
  toggle.addEventListener("click", () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute("aria-expanded", String(!panel.hidden));
    if (panel.hidden) return toggle.focus();
    area.value = card.body;
    area.focus();
  });
  const dropEdit = (focus) => () => {
    options.onEdit(card.index, { text: null, basis: null });
    panel.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    focus.focus();
    announce(parts.status, ui.edit_dropped);
  };
  reset.addEventListener("click", dropEdit(toggle));
  drop.addEventListener("click", dropEdit(toggle));
  parts.body.after(notice, panel);
  parts.actions.prepend(...(select ? [select.parentNode] : []), toggle);
  return (variant) => {
    if (select) select.value = variant.id;
    if (document.activeElement !== area) area.value = card.body;
    reset.hidden = !card.edited;
    notice.hidden = !card.changed;
  };
}
