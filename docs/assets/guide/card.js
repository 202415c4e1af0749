// One message card: the filled template for one recipient, its length guidance and its actions.
import { announce, element, saveFile } from "./dom.js";
import { sendActions } from "./send-actions.js";
import { counted, displayValue, format, mailtoUrl, sentenceCount } from "./text.js";
import { closing, fullName, greeting } from "./names.js";
import { composeMessage, pickBody, renderTemplate } from "./wording.js";
import { shownText } from "./edits.js";
import { cardEditor } from "./card-edit.js";
import { smsNote, smsUrl } from "./sms.js";

// The template's parts as the page holds them: text, {blank, label} for each blank, {optional, needs} for each
// optional part (its braces left out), the shape generator/wording.py's template_data gives.
export function templateParts(node) {
  return [...node.childNodes].map((n) => {
    if (n.dataset?.blank) return { blank: n.dataset.blank, label: n.textContent.replace(/^\[|\]$/g, "") };
    if (n.dataset?.needs === undefined) return n.textContent;
    const inner = templateParts(n);
    if (typeof inner[0] === "string") inner[0] = inner[0].replace(/^\{/, "");
    if (typeof inner.at(-1) === "string") inner[inner.length - 1] = inner.at(-1).replace(/\}$/, "");
    return { optional: inner, needs: n.dataset.needs.split(" ").filter(Boolean) };
  });
}

// Write parts into node with values filled in (optional parts whose blanks are empty left out); return the text
// and record unfilled blanks' labels in missing.
function fillParts(node, parts, values, missing, frame = (text) => text) {
  const { pieces, text } = renderTemplate(parts, values);
  const [before, after] = frame("\u0000").split("\u0000");
  node.textContent = "";
  if (before) node.append(before);
  for (const piece of pieces) {
    if (!piece.blank) {
      node.append(piece.text);
      continue;
    }
    const span = element("span", piece.value ? "ati-blank is-filled" : "ati-blank", piece.value || `[${piece.label}]`);
    span.setAttribute("data-blank", piece.blank);
    if (!piece.value) missing.set(piece.blank, piece.label);
    node.append(span);
  }
  if (after) node.append(after);
  return { text: frame(text), body: text };
}

// The label of the blank with a role, in brackets, as an unfilled name reads: "[Interviewer name]".
const roleLabel = (data, role) => `[${data.labels?.[data.roles[role]] || role}]`;

// Put the reader's edit of a card (edits.js) in place of the text made from the blanks; the blanks still unfilled
// are those whose bracketed label the edit or the subject keeps.
function applyEdit(card, edit) {
  const shown = shownText(edit, card.body);
  Object.assign(card, { made: card.body, edited: shown.edited, changed: shown.changed });
  if (!shown.edited) return;
  card.body = card.note = shown.text;
  card.parts.body.textContent = shown.text;
  for (const [blank, label] of card.missing) if (!`${shown.text} ${card.subject}`.includes(`[${label}]`)) card.missing.delete(blank);
}

// What goes around a card's body: the tone's greeting for the person and its closing for the sender, by layout.
function frameFor(target, variant, { config, data, people }, missing) {
  if (config.layout === "outline") return (body) => body;
  const toRole = target.contact ? "contact_name" : "recipient_name";
  const unknown = config.unknown || roleLabel(data, toRole); // config.unknown: "[Referee]", "[Coordinator]" (issue 14)
  const hello = greeting(target.person, variant, data.people.addresses, unknown, data.people.titles);
  if (!fullName(target.person)) missing.set(config.unknown ? "person" : data.roles[toRole] || toRole, unknown.slice(1, -1));
  const end = closing(people.sender, variant);
  if (!end.name) {
    end.name = roleLabel(data, "sender_name");
    missing.set(data.roles.sender_name, end.name.slice(1, -1));
  }
  return (body) => composeMessage({ greeting: hello, body, ...end }, config.layout);
}

// The length guidance of a card: sentences and characters against the message's budget, and the blanks left.
function guidance(card, { config, data, premium }) {
  const ui = data.ui;
  const notes = [];
  let over = false;
  if (config.sentences) {
    const { min, max } = config.sentences;
    const count = sentenceCount(card.body, data.rules.sentenceEnd);
    over = count < min || count > max;
    notes.push(format(ui.sentences_advised, { sentences: counted(ui, "sentence", count, data.numbers?.latinDigits), min, max }));
  }
  if (config.sms) {
    const note = smsNote(card.body, ui);
    over ||= note.over;
    notes.push(note.text);
  } else if (config.characters) {
    const limit = (premium() && config.premiumCharacters) || config.characters;
    const count = [...card.body].length;
    over ||= count > limit;
    card.tooLong = count > limit ? { over: count - limit, limit } : null;
    notes.push(format(ui.characters, { count, limit }) + (count > limit ? format(ui.over_limit, { over: count - limit }) : ""));
  }
  const labels = [...card.missing.values()];
  if (card.none) notes.push(ui.people_no_employers); // the blanks are the other employers', not the reader's to fill
  else notes.push(labels.length ? format(ui.to_fill, { blanks: counted(ui, "blank", labels.length, data.numbers?.latinDigits), labels: labels.join(", ") }) : ui.all_filled);
  return { text: notes.join(" · "), over };
}

// Add the card's buttons (copy, download), mail or sms link to its actions row; returns {subjectButton, mailLink, mailNote,
// smsLink, opening} (opening(key): the mail link's click handler, which first warns of unfilled blanks, for other
// links that open a mail).
function addActions(card, { config, data }) {
  const ui = data.ui;
  const { actions, status } = card.parts;
  const withSubject = () => (card.subject ? format(ui.subject_line, { subject: card.subject }) + "\n\n" + card.body : card.body);
  // With blanks unfilled, an action first warns; pressed again, it goes ahead.
  const guarded = (key, action, run) => (event) => {
    const labels = [...card.missing.values()];
    const blanks = labels.length ? counted(ui, "blank", labels.length, data.numbers?.latinDigits) : "";
    if ((blanks || card.tooLong) && card.armed !== key) {
      event.preventDefault();
      card.armed = key;
      const warning = blanks
        ? format(ui.not_ready, { blanks, labels: labels.join(", "), action })
        : format(ui.too_long, { ...card.tooLong, action });
      announce(status, warning, true);
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
  const opening = (key) => guarded(key, ui.action_open, (unfilled) => announce(status, format(ui.opening_mail, { unfilled })));
  const out = { subjectButton: null, mailLink: null, mailNote: null, smsLink: null, opening };
  if (config.email) {
    out.subjectButton = copyButton(ui.copy_subject, ui.copied_subject, () => card.subject);
    copyButton(ui.copy_body, ui.copied_body, () => card.body);
    copyButton(ui.copy_both, ui.copied_both, withSubject);
    out.mailLink = element("a", "ati-btn", ui.open_mail);
    out.mailNote = element("span", "ati-note", ui.mail_too_long);
    out.mailLink.addEventListener("click", opening("mail"));
    actions.append(out.mailLink, out.mailNote);
  } else {
    copyButton(ui.copy_text, ui.copied_text, () => card.body);
  }
  if (config.sms) {
    out.smsLink = element("a", "ati-btn", ui.open_sms);
    out.smsLink.addEventListener("click", guarded("sms", ui.action_open, () => {}));
    actions.append(out.smsLink);
  }
  button(ui.download, ui.action_download, (unfilled) => {
    saveFile(`${config.id}${card.number ? "-" + card.number : ""}.txt`, withSubject());
    announce(status, format(ui.downloaded, { unfilled }));
  });
  return out;
}

// The card's elements, in the order the reader meets them.
function cardParts(ui) {
  const parts = {
    root: element("div", "ati-card"),
    heading: element("p", "ati-card__for"),
    subjectLine: element("p", "ati-subject"),
    subjectText: element("span"),
    body: element("div", "ati-body"),
    meta: element("p", "ati-meta"),
    actions: element("div", "ati-actions"),
    status: element("p", "ati-status"),
  };
  parts.root.setAttribute("role", "group");
  parts.meta.setAttribute("aria-live", "polite");
  parts.status.setAttribute("role", "status");
  parts.subjectLine.append(element("span", "ati-subject__label", ui.subject_label), " ", parts.subjectText);
  return parts;
}

// Create a card in list for a message (options.onEdit(index, patch): the card can be edited and take its own tone);
// returns {show(variant, target, context, number), remove(), text()}.
export function createCard(list, options) {
  const { config, data } = options;
  const ui = data.ui;
  const parts = cardParts(ui);
  const card = { parts, subject: "", body: "", missing: new Map(), armed: null, number: 0, index: 0 };
  const { subjectButton, mailLink, mailNote, smsLink, opening } = addActions(card, options);
  parts.root.append(parts.heading, parts.subjectLine, parts.body, parts.meta, parts.actions, parts.status);
  const showEditor = options.onEdit ? cardEditor(card, options) : () => {};
  const send = sendActions(parts, options, opening); // the send links and the sent button of send-actions.js
  list.append(parts.root);

  // Show a variant for one addressee ({person, index, cc, contact}) with the application's values (context: {values,
  // people, edit, messageTone}: the card's edit and the message's tone); number counts the cards from 1, or is 0 for
  // a single card.
  const show = (variant, target, context, number) => {
    const values = Object.create(null);
    for (const [key, value] of Object.entries(context.values)) values[key] = displayValue(value, data.dates.locale);
    Object.assign(card, { armed: null, number, missing: new Map(), index: target.index, messageTone: context.messageTone, none: !!target.none });
    parts.status.textContent = "";
    const name = fullName(target.person);
    parts.heading.hidden = !number && !name;
    parts.heading.textContent = format(ui.for_recipient, { name: name || format(ui.recipient_number, { number: target.index + 1 }) });
    const copied = target.cc.map(fullName).filter(Boolean);
    if (copied.length) parts.heading.textContent += " · " + format(ui.cc_line, { names: copied.join(", ") });
    if (!parts.heading.hidden) parts.root.setAttribute("aria-label", parts.heading.textContent);
    else parts.root.removeAttribute("aria-label");
    parts.subjectLine.hidden = !variant.subject;
    if (subjectButton) subjectButton.hidden = !variant.subject;
    const subject = variant.subject ? pickBody(variant.subject, target.index) : null;
    card.subject = subject ? fillParts(parts.subjectText, subject, values, card.missing).text : "";
    const frame = frameFor(target, variant, { ...options, people: context.people }, card.missing);
    ({ text: card.body, body: card.note } = fillParts(parts.body, pickBody(variant.body, target.index), values, card.missing, frame));
    applyEdit(card, context.edit);
    const { text, over } = guidance(card, options);
    if (parts.meta.textContent !== text) parts.meta.textContent = text;
    parts.meta.classList.toggle("is-warn", over);
    const to = target.person.email || "";
    const cc = target.cc.map((p) => p.email).filter(Boolean);
    if (mailLink) {
      const url = mailtoUrl(to, card.subject, card.body, cc);
      mailLink.hidden = url.length > data.rules.mailLinkLimit;
      mailNote.hidden = !mailLink.hidden;
      if (mailLink.hidden) mailLink.removeAttribute("href");
      else mailLink.setAttribute("href", url);
    }
    send(to, card.subject, card.body, cc);
    if (smsLink) smsLink.setAttribute("href", smsUrl(values[data.roles.recipient_phone], card.body));
    showEditor(variant);
  };
  return { show, remove: () => parts.root.remove(), text: () => card.note };
}
