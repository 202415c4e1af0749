// Per-card edits and tones: edits[messageId][index] = {text, basis, variant, list} (index: the addressee's in the list
// the message's cards follow, "interviewers" or "referees", kept so that removing a person moves the later cards'
// edits up with them; 0 for a message with one card); pure functions.
const INDEX = /^\d{1,3}$/;
const FIELDS = ["text", "basis", "variant", "list"];
const owned = (object, key) => object != null && Object.prototype.hasOwnProperty.call(object, key);

// One card's entry with its text fields only ({text, basis, variant}), or null when it holds none.
function cleanCard(source) {
  if (!source || typeof source !== "object" || Array.isArray(source)) return null;
  const out = Object.create(null);
  for (const field of FIELDS) if (typeof source[field] === "string") out[field] = source[field];
  if (typeof out.text !== "string") delete out.basis; // a basis without an edit means nothing
  return "text" in out || "variant" in out ? out : null; // a list alone means nothing either
}

// Well-formed per-card edits from whatever storage held; a message's single edited text (the shape before
// per-card edits) becomes its first card's.
export function cleanEdits(source) {
  const out = Object.create(null);
  if (!source || typeof source !== "object" || Array.isArray(source)) return out;
  for (const [message, cards] of Object.entries(source)) {
    const kept = Object.create(null);
    if (typeof cards === "string") kept["0"] = Object.assign(Object.create(null), { text: cards });
    else if (cards && typeof cards === "object" && !Array.isArray(cards)) {
      for (const [index, card] of Object.entries(cards)) {
        const clean = INDEX.test(index) ? cleanCard(card) : null;
        if (clean) kept[index] = clean;
      }
    }
    if (Object.keys(kept).length) out[message] = kept;
  }
  return out;
}

// The entry of one card, or null.
export const cardEdit = (edits, message, index) => (owned(edits, message) && owned(edits[message], String(index)) ? edits[message][String(index)] : null);

// Change one card's entry in edits by patch ({text, basis, variant}; null removes a field); empty entries go.
export function changeCardEdit(edits, message, index, patch) {
  const cards = owned(edits, message) ? edits[message] : Object.create(null);
  const card = Object.assign(Object.create(null), cardEdit(edits, message, index));
  for (const [field, value] of Object.entries(patch)) {
    if (!FIELDS.includes(field)) continue;
    if (value == null) delete card[field];
    else card[field] = String(value);
  }
  const clean = cleanCard(card);
  if (clean) cards[String(index)] = clean;
  else delete cards[String(index)];
  if (Object.keys(cards).length) edits[message] = cards;
  else delete edits[message];
  return edits;
}

// Forget the cards of the person removed from a list (interviewers, referees) at index, and move the cards of the
// people after them up one, in every message whose cards follow that list.
export function dropPerson(edits, list, index) {
  for (const [message, cards] of Object.entries(edits)) {
    const kept = Object.create(null);
    for (const [key, card] of Object.entries(cards)) {
      if (card.list !== list || Number(key) < index) kept[key] = card;
      else if (Number(key) > index) kept[String(Number(key) - 1)] = card;
    }
    if (Object.keys(kept).length) edits[message] = kept;
    else delete edits[message];
  }
  return edits;
}

// What a card shows: the edit when there is one, else the text made from the blanks; changed: the blanks (or tone)
// made a different text since the edit.
export function shownText(edit, made) {
  if (typeof edit?.text !== "string") return { text: made, edited: false, changed: false };
  return { text: edit.text, edited: true, changed: typeof edit.basis === "string" && edit.basis !== made };
}

// The variant a card is written in: its own tone when it has one, else the message's chosen tone, else the first.
export function cardVariant(variants, chosen, edit) {
  const byId = (id) => variants.find((v) => v.id === id);
  return (edit?.variant && byId(edit.variant)) || byId(chosen) || variants[0];
}
