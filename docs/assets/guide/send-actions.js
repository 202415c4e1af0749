// A card's ways to send and record: Gmail and Outlook on the web compose links beside the mail link, and
// the sent button, which records the message in the current application's history.
import { announce, element } from "./dom.js";
import { todayIso } from "./due.js";
import { gmailUrl, outlookUrl } from "./sendlinks.js";
import { openedStore } from "./store.js";
import { displayValue, format } from "./text.js";

// A link that opens in a new tab without telling the site where it came from.
function webLink(text) {
  const link = element("a", "ati-btn", text);
  link.setAttribute("target", "_blank");
  link.setAttribute("rel", "noopener noreferrer");
  return link;
}

// Add the send row to a card's root; returns update(recipient, subject, body, cc) for every redraw of the card.
// opening(key): the card's mail-link handler (card.js), which warns of unfilled blanks first; the compose links use it.
export function sendActions(parts, { config, data, store = openedStore() }, opening) {
  const ui = data.ui;
  const row = element("div", "ati-send");
  const gmail = config.email ? webLink(ui.open_gmail) : null;
  const outlook = config.email ? webLink(ui.open_outlook) : null;
  const mark = element("button", "ati-btn", ui.mark_sent);
  mark.type = "button";
  for (const [link, key] of [[gmail, "gmail"], [outlook, "outlook"]]) {
    if (link && opening) link.addEventListener("click", opening(key));
  }
  row.append(...[gmail, outlook].filter(Boolean), mark);
  parts.actions.after(row);
  mark.addEventListener("click", () => {
    if (!store) return;
    const date = todayIso();
    store.record({ kind: "sent", date, step: config.step, message: config.id, title: document.querySelector("h1")?.textContent || config.id });
    announce(parts.status, format(ui.marked_sent, { date: displayValue(date, ui.locale) }));
  });
  return (to, subject, body, cc = []) => {
    if (!gmail) return;
    gmail.setAttribute("href", gmailUrl(to, subject, body, cc));
    outlook.setAttribute("href", outlookUrl(to, subject, body, cc));
  };
}
