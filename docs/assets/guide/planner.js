// The follow-up planner page: the reader's dates in, the plan (from the page data) out, and a calendar file.
import { calendarFile, utcInstant } from "./calendar.js";
import { dayNumber, minutesOf, schedule } from "./dates.js";
import { todayIso, workingDay } from "./due.js";
import { googleCalendarUrl, outlookCalendarUrl } from "./sendlinks.js";
import { element, saveFile } from "./dom.js";
import { format } from "./text.js";
import { formatDate } from "./wording.js";

const ISO_DATE = /^\d{4}-\d\d-\d\d$/;

// One end of a range: the date as the messages write it (with its weekday), and the time of day if there is one.
function moment(locale, iso, time) {
  const day = formatDate(iso, { locale, weekday: true });
  if (!time) return day;
  const clock = new Intl.DateTimeFormat(locale, { timeZone: "UTC", timeStyle: "short" }).format(minutesOf(time) * 6e4);
  return `${day}, ${clock}`;
}

// A date range written out in the guide's date locale (the same formatter as the messages), with times when there are.
const dateRange = (locale, [from, start], [to, time]) => {
  const first = moment(locale, from, start);
  const last = moment(locale, to, time);
  return first === last ? first : `${first} – ${last}`;
};

// A link element.
const link = (text, href) => {
  const node = element("a", "", text);
  node.setAttribute("href", href);
  node.setAttribute("target", "_self"); // a full load, so the message page starts from the stored profile
  return node;
};

// One list item of the plan: when, what (a link) and the step it belongs to.
function planItem(when, title, href, step) {
  const item = element("li");
  const note = element("small", "", ": " + step.label);
  note.prepend(link(step.title, step.url));
  item.append(element("strong", "", when), link(title, href), note);
  return item;
}

// The web calendar links (Google, Outlook) of one event: all-day as dates, timed in UTC (30 minutes up to the deadline).
function calendarLinks(event, ui) {
  const end = event.time && utcInstant(event.to, event.time, event.zone);
  const target = end ? { ...event, startUtc: end - 18e5, endUtc: end } : event;
  const row = element("span", "ati-plan__links");
  for (const [text, href] of [
    [ui.calendar_google, googleCalendarUrl(target)],
    [ui.calendar_outlook, outlookCalendarUrl(target)],
  ]) {
    const a = element("a", "", text);
    a.setAttribute("href", href);
    a.setAttribute("target", "_blank");
    a.setAttribute("rel", "noopener noreferrer");
    row.append(a);
  }
  return row;
}

// Mark a list item overdue when its last day (moved off non-working days) has passed.
function markOverdue(li, item, ui, weekend) {
  if (item.move || dayNumber(todayIso()) <= workingDay(dayNumber(item.to), weekend)) return;
  li.classList.add("is-overdue");
  li.prepend(element("strong", "ati-plan__overdue", ui.plan_overdue));
}

// Fill list with the plan for input {date, time, promised, zone}: the steps done at the interview, then each dated
// item; return the calendar events of the dated items.
function showPlan(list, steps, input, { ui, company, weekend, locale }) {
  const events = [];
  const seen = new Map();
  for (const step of steps.filter((s) => s.placement === "at_interview")) {
    list.append(planItem(ui.plan_at_interview, step.title, step.url, step));
  }
  for (const item of schedule(steps, { ...input, weekend })) {
    const step = steps.find((s) => s.id === item.id);
    const target = item.move ? { title: ui.plan_move_on, url: step.url } : step.messages[0];
    const number = (seen.get(target.url) || 0) + 1;
    seen.set(target.url, number);
    const title = number > 1 ? format(ui.plan_repeat, { title: target.title, number }) : target.title;
    const url = new URL(target.url, location).href;
    const when = dateRange(locale, [item.from, item.time && item.start], [item.to, item.time]);
    const li = planItem(when, title, target.url, step);
    li.dataset.from = item.from;
    li.dataset.to = item.to;
    const summary = title + (company ? " – " + company : "");
    const event = { ...item, summary, description: `${step.title}: ${step.label}\n${url}`, url, zone: input.zone };
    events.push(event);
    markOverdue(li, item, ui, weekend);
    li.append(calendarLinks(event, ui));
    list.append(li);
  }
  return events;
}

// The zone this device is set to, looked up when first needed: the lookup starts ICU's time zones (tens of ms).
let deviceZone = null;
const localZone = () => (deviceZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);

// Every zone this browser lists (only the device's where it lists none).
const allZones = () => Intl.supportedValuesOf?.("timeZone") ?? [localZone()];

// Whether a stored zone is one this browser knows (the device's own may be an alias the list leaves out).
const knownZone = (zone) => allZones().includes(zone) || zone === localZone();

// The time zone select: its first choice (the device's zone, value "") is in the page; the zones are added when the
// reader first reaches the field, so building ~400 options costs nothing at load. Returns fill(zone).
function zoneSelect(select) {
  let listed = false;
  const listAll = () => {
    if (listed) return;
    listed = true;
    const chosen = select.value;
    const zones = new Set([...allZones(), ...(chosen ? [chosen] : [])]);
    select.replaceChildren(select.options[0], ...[...zones].map((zone) => element("option", "", zone)));
    select.value = chosen;
  };
  for (const event of ["focus", "pointerdown"]) select.addEventListener(event, listAll);
  return (zone) => {
    if (zone && !listed && ![...select.options].some((option) => option.value === zone)) {
      select.append(element("option", "", zone));
    }
    select.value = zone || "";
    if (select.selectedIndex < 0) select.value = "";
  };
}

// Start the planner on its form.
export function start(form, { data, store }) {
  const ui = data.ui;
  const roles = data.roles;
  const steps = data.plan;
  const fields = form.elements;
  const output = document.querySelector("[data-ati-plan]");
  const status = document.querySelector("[data-ati-plan-status]");
  const list = output.querySelector("ol");
  const showZone = zoneSelect(fields.tz);
  let events = [];

  // Show the stored dates in the form.
  const fill = () => {
    const app = store.application();
    const decision = app.fields[roles.decision_date] || "";
    fields.interview_date.value = app.fields[roles.interview_date] || "";
    fields.decision_date.value = decision;
    fields.promised.value = decision ? "yes" : "no";
    fields.interview_time.value = store.setting("plannerTime") || "";
    const zone = store.setting("plannerZone");
    showZone(zone && knownZone(zone) ? zone : "");
  };

  // Work out and show the plan from the form.
  const render = () => {
    const date = fields.interview_date.value;
    const promisedYes = fields.promised.value === "yes";
    const decision = fields.decision_date.value;
    const promised = promisedYes && decision >= date ? decision : "";
    fields.decision_date.disabled = !promisedYes;
    list.replaceChildren();
    events = [];
    output.hidden = !ISO_DATE.test(date);
    if (output.hidden) {
      status.textContent = ui.plan_empty;
      return;
    }
    const input = { date, time: fields.interview_time.value, promised, zone: fields.tz.value || localZone() };
    const options = { ui, company: store.application().fields[roles.employer], weekend: data.rules.weekend, locale: data.dates.locale };
    events = showPlan(list, steps, input, options);
    const last = events.at(-1);
    const range = last ? format(ui.plan_updated, { range: dateRange(data.dates.locale, [date], [last.to]) }) : "";
    status.textContent = [promisedYes && !promised ? ui.plan_ignored : "", range].filter(Boolean).join(" ");
  };

  const update = () => {
    const promisedYes = fields.promised.value === "yes";
    store.updateApplication((app) => {
      app.fields[roles.interview_date] = fields.interview_date.value;
      app.fields[roles.decision_date] = promisedYes ? fields.decision_date.value : "";
    });
    store.updateSettings({ plannerTime: fields.interview_time.value || null, plannerZone: fields.tz.value || null });
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => event.preventDefault());
  output.querySelector("[data-ati-ics]").addEventListener("click", () => {
    const text = calendarFile(events, { product: data.calendar.product, uidDomain: data.storage.prefix });
    saveFile(ui.calendar_file, new Blob([text], { type: "text/calendar" }));
  });
  const stop = store.subscribe(({ external }) => {
    if (!form.isConnected) return stop();
    if (external) fill();
    render();
  });
  document.querySelector("[data-ati-planner-nojs]").hidden = true;
  form.hidden = false;
  fill();
  render();
}
