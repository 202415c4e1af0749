// Links that hand a message or a date to a web service: Gmail and Outlook compose, Google's and Outlook's web calendars.
// Pure: every value is percent-encoded; nothing is requested, the reader follows the link.
import { dayNumber, isoDate } from "./dates.js";

const encode = (text) => encodeURIComponent(String(text).toWellFormed?.() ?? String(text));
const query = (values) =>
  Object.entries(values)
    .filter(([, v]) => v != null && v !== "")
    .map(([k, v]) => `${k}=${encode(v)}`)
    .join("&");
const crlf = (text) => String(text ?? "").replace(/\r\n|\r|\n/g, "\r\n");

// A Gmail compose link with recipient, copies (a list of addresses), subject and body.
export const gmailUrl = (to, subject, body, cc = []) =>
  "https://mail.google.com/mail/?" + query({ view: "cm", fs: "1", to, cc: cc.join(","), su: subject, body: crlf(body) });

// An Outlook on the web compose link with recipient, copies, subject and body.
export const outlookUrl = (to, subject, body, cc = []) =>
  "https://outlook.office.com/mail/deeplink/compose?" + query({ to, cc: cc.join(","), subject, body: crlf(body) });

const compact = (iso) => iso.replace(/[-:]|\.\d+/g, "");

// The event's span: all-day as dates (end exclusive), timed as UTC instants; event {from, to, start?, end?}.
function span(event) {
  if (event.startUtc) return { start: new Date(event.startUtc).toISOString(), end: new Date(event.endUtc).toISOString(), allDay: false };
  return { start: event.from, end: isoDate(dayNumber(event.to) + 1), allDay: true };
}

// A link for an event in Google's calendar: {summary, description, from, to} or {summary, description, startUtc, endUtc}.
export function googleCalendarUrl(event) {
  const { start, end } = span(event);
  return "https://calendar.google.com/calendar/render?" + query({ action: "TEMPLATE", text: event.summary, dates: `${compact(start)}/${compact(end)}`, details: event.description });
}

// A link for the same event in Outlook's calendar.
export function outlookCalendarUrl(event) {
  const { start, end, allDay } = span(event);
  const values = { path: "/calendar/action/compose", rru: "addevent", subject: event.summary, body: event.description, startdt: start, enddt: end };
  if (allDay) values.allday = "true";
  return "https://outlook.office.com/calendar/deeplink/compose?" + query(values);
}
