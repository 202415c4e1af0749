// One message card: the filled template for one recipient, its length guidance and its actions.
import { announce, element, saveFile } from "./dom.js";
import { counted, displayValue, format, mailtoUrl, sentenceCount } from "./text.js";

// The template's parts as the page holds them: text, or {blank, label} for each marked blank.
export const templateParts = (node) =>
  [...node.childNodes].map((n) => (n.dataset?.blank ? { blank: n.dataset.blank, label: n.textContent } : n.textContent));

// Write parts into node with values filled in; return the text and record unfilled blanks' labels in missing.
function fillParts(node, parts, values, missing) {
  let text = "";
  node.textContent = "";
  for (const part of parts) {
    if (typeof part === "string") {
      node.append(part);
      text += part;
      continue;
    }
    const value = values[part.blank];
    const span = element("span", value ? "ati-blank is-filled" : "ati-blank", value || part.label);
    span.setAttribute("data-blank", part.blank);
    if (!value) missing.set(part.blank, part.label.replace(/^\[|\]$/g, ""));
    node.append(span);
    text += value || part.label;
  }
  return text;
}

// Create a card in list for a message; returns {show(variant, values, number), remove()}.
export function createCard(list, { config, data, premium }) {
  const ui = data.ui;
  const root = element("div", "ati-card");
  const heading = element("p", "ati-card__for");
  const subjectLine = element("p", "ati-subject");
  const subjectText = element("span");
  const body = element("div", "ati-body");
  const meta = element("p", "ati-meta");
  const actions = element("div", "ati-actions");
  const status = element("p", "ati-status");
  const mailLink = element("a", "ati-btn", ui.open_mail);
  const mailNote = element("span", "ati-note", ui.mail_too_long);
  const card = { subject: "", body: "", missing: new Map(), armed: null, number: 0 };
  const withSubject = () => (card.subject ? format(ui.subject_line, { subject: card.subject }) + "\n\n" + card.body : card.body);

  // With blanks unfilled, an action first warns; pressed again, it goes ahead.
  const guarded = (key, action, run) => (event) => {
    const labels = [...card.missing.values()];
    const blanks = labels.length ? counted(ui, "blank", labels.length) : "";
    if (blanks && card.armed !== key) {
      event.preventDefault();
      card.armed = key;
      announce(status, format(ui.not_ready, { blanks, labels: labels.join(", "), action }), true);
      return;
    }
    card.armed = null;
    run(blanks ? format(ui.unfilled_note, { blanks }) : "");
  };
  const button = (label, action, run) => {
    const node = element("button", "ati-btn", label);
    node.type = "button";
    node.addEventListener("click", guarded(label, action, run));
    actions.append(node);
    return node;
  };
  const copyButton = (label, done, text) =>
    button(label, ui.action_copy, (unfilled) =>
      Promise.resolve()
        .then(() => navigator.clipboard.writeText(text()))
        .then(
          () => announce(status, format(done, { unfilled })),
          () => announce(status, ui.copy_failed, true),
        ),
    );

  root.setAttribute("role", "group");
  meta.setAttribute("aria-live", "polite");
  status.setAttribute("role", "status");
  subjectLine.append(element("span", "ati-subject__label", ui.subject_label), " ", subjectText);
  let subjectButton = null;
  if (config.email) {
    subjectButton = copyButton(ui.copy_subject, ui.copied_subject, () => card.subject);
    copyButton(ui.copy_body, ui.copied_body, () => card.body);
    copyButton(ui.copy_both, ui.copied_both, withSubject);
    mailLink.addEventListener("click", guarded("mail", ui.action_open, (unfilled) => announce(status, format(ui.opening_mail, { unfilled }))));
    actions.append(mailLink, mailNote);
  } else {
    copyButton(ui.copy_text, ui.copied_text, () => card.body);
  }
  button(ui.download, ui.action_download, (unfilled) => {
    saveFile(`${config.id}${card.number ? "-" + card.number : ""}.txt`, withSubject());
    announce(status, format(ui.downloaded, { unfilled }));
  });
  root.append(heading, subjectLine, body, meta, actions, status);
  list.append(root);

  // The length guidance: sentences and characters against the message's budget, and the blanks left.
  const guidance = () => {
    const notes = [];
    let over = false;
    if (config.sentences) {
      const { min, max } = config.sentences;
      const count = sentenceCount(card.body, data.rules.sentenceEnd);
      over = count < min || count > max;
      notes.push(format(ui.sentences_advised, { sentences: counted(ui, "sentence", count), min, max }));
    }
    if (config.characters) {
      const limit = (premium() && config.premiumCharacters) || config.characters;
      const count = [...card.body].length;
      over ||= count > limit;
      notes.push(format(ui.characters, { count, limit }) + (count > limit ? format(ui.over_limit, { over: count - limit }) : ""));
    }
    const labels = [...card.missing.values()];
    notes.push(labels.length ? format(ui.to_fill, { blanks: counted(ui, "blank", labels.length), labels: labels.join(", ") }) : ui.all_filled);
    return { text: notes.join(" · "), over };
  };

  // Show a variant filled with a recipient's values; number counts recipients from 1, or is 0 for a single card.
  const show = (variant, rawValues, number) => {
    const values = Object.create(null);
    for (const [key, value] of Object.entries(rawValues)) values[key] = displayValue(value, ui.locale);
    card.armed = null;
    card.number = number;
    card.missing = new Map();
    status.textContent = "";
    heading.hidden = !number;
    const name = values[data.roles.recipient_name];
    heading.textContent = format(ui.for_recipient, { name: name || format(ui.recipient_number, { number }) });
    if (number) root.setAttribute("aria-label", heading.textContent);
    else root.removeAttribute("aria-label");
    subjectLine.hidden = !variant.subject;
    if (subjectButton) subjectButton.hidden = !variant.subject;
    card.subject = variant.subject ? fillParts(subjectText, variant.subject, values, card.missing) : "";
    card.body = fillParts(body, variant.body, values, card.missing);
    const { text, over } = guidance();
    if (meta.textContent !== text) meta.textContent = text;
    meta.classList.toggle("is-warn", over);
    if (config.email) {
      const url = mailtoUrl(values[data.roles.recipient_email], card.subject, card.body);
      mailLink.hidden = url.length > data.rules.mailLinkLimit;
      mailNote.hidden = !mailLink.hidden;
      if (mailLink.hidden) mailLink.removeAttribute("href");
      else mailLink.setAttribute("href", url);
    }
  };
  return { show, remove: () => root.remove() };
}
