// Text messages: the budget note under an sms card and the sms: link that opens the phone's messaging app.
import { format } from "./text.js";
import { smsBudget } from "./wording.js";

// A phone number as an sms: address wants it: a leading plus and digits, nothing else.
export const smsNumber = (phone) => String(phone ?? "").trim().replace(/(?!^\+)\D/g, "");

// The sms: link for a number (may be empty) and a text; the text is percent-encoded (RFC 5724).
export const smsUrl = (phone, text) => `sms:${smsNumber(phone)}?body=${encodeURIComponent(text)}`;

// The card's count for a text message: units of the limit, the character that halved it, the excess; and whether over.
export function smsNote(text, ui) {
  const budget = smsBudget(text);
  let note = format(ui.sms_count, { count: budget.units, limit: budget.limit });
  if (budget.outside) note += format(ui.sms_outside, { character: budget.outside });
  if (budget.over) note += format(ui.over_limit, { over: budget.over });
  return { text: note, over: budget.over > 0 };
}
