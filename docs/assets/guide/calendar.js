// The planner's calendar file (RFC 5545): wall-clock times in a time zone, escaped text, folded lines.
import { dayNumber, minutesOf } from "./dates.js";

const DAY_MS = 864e5;
const zoneFormats = new Map();

// The offset of a time zone from UTC at an instant, in milliseconds.
function zoneOffset(ms, zone) {
  if (!zoneFormats.has(zone)) {
    const n = "numeric";
    const options = { timeZone: zone, hourCycle: "h23", year: n, month: n, day: n, hour: n, minute: n, second: n };
    zoneFormats.set(zone, new Intl.DateTimeFormat("en-US", options));
  }
  const parts = Object.fromEntries(zoneFormats.get(zone).formatToParts(ms).map((p) => [p.type, p.value]));
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - ms;
}

// The UTC instant (ms) of a wall-clock date and time in a time zone.
export function utcInstant(date, time, zone) {
  const wall = dayNumber(date) * DAY_MS + minutesOf(time) * 6e4;
  return wall - zoneOffset(wall - zoneOffset(wall, zone), zone);
}

// TEXT value: backslash, semicolon and comma escaped, new lines as \n, control characters dropped.
export const escapeText = (text) =>
  String(text)
    .replace(/[\\;,]/g, "\\$&")
    .replace(/\r\n?|\n/g, "\\n")
    .replace(/[\0-\x08\x0b-\x1f\x7f]/g, "");

// A content line folded at 75 octets, never inside a character.
export function foldLine(line) {
  let out = "";
  let octets = 0;
  for (const char of line) {
    const code = char.codePointAt(0);
    const size = code < 128 ? 1 : code < 2048 ? 2 : code < 65536 ? 3 : 4;
    octets += size;
    if (octets > 75) {
      out += "\r\n ";
      octets = size + 1;
    }
    out += char;
  }
  return out;
}

const stamp = (ms) => new Date(ms).toISOString().replace(/[-:]|\.\d+/g, "");
const dateValue = (day) => ";VALUE=DATE:" + stamp(day * DAY_MS).slice(0, 8);

// A calendar of events {summary, description, url, from, to, time, zone}: all-day unless time is set.
export function calendarFile(events, { product, uidDomain, now = Date.now(), random = crypto.getRandomValues.bind(crypto) }) {
  const id = Array.from(random(new Uint8Array(8)), (b) => (b + 256).toString(16).slice(1)).join("");
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + product, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  events.forEach((event, i) => {
    const end = event.time && utcInstant(event.to, event.time, event.zone);
    const span = end
      ? ["DTSTART:" + stamp(end - 18e5), "DTEND:" + stamp(end)]
      : ["DTSTART" + dateValue(dayNumber(event.from)), "DTEND" + dateValue(dayNumber(event.to) + 1)];
    lines.push("BEGIN:VEVENT", `UID:${id}-${i + 1}@${uidDomain}`, "DTSTAMP:" + stamp(now), ...span);
    lines.push("SUMMARY:" + escapeText(event.summary), "DESCRIPTION:" + escapeText(event.description));
    lines.push("URL:" + event.url, "TRANSP:TRANSPARENT", "BEGIN:VALARM", "ACTION:DISPLAY");
    lines.push("DESCRIPTION:" + escapeText(event.summary), "TRIGGER:" + (end ? "-PT30M" : "-PT15H"), "END:VALARM", "END:VEVENT");
  });
  return lines.concat("END:VCALENDAR").map(foldLine).join("\r\n") + "\r\n";
}
