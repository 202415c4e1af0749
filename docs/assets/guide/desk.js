// The applications page: what to do today, every application (add, rename, delete, pick current, record what
// happened), keeping data on the device, and the backup file (backup-ui.js).
import { startBackup } from "./backup-ui.js";
import { element, announce } from "./dom.js";
import { dueItems, todayIso } from "./due.js";
import { ownDetails } from "./extra-people.js";
import { personName, roundLines, startNextRound } from "./rounds.js";
import { applicationName } from "./switcher.js";
import { displayValue, format } from "./text.js";
import { formatDate } from "./wording.js";

export const STAGES = ["replied", "waiting", "next_round", "offer", "accepted", "rejected", "withdrawn", "ghosted"];
const CLOSED = new Set(["accepted", "rejected", "withdrawn", "ghosted"]);

// The last stage recorded for an application, or "".
const stageOf = (app) => [...app.history].reverse().find((entry) => entry.kind !== "sent")?.kind || "";

// The planner input of an application: interview date, promised decision date, time of day.
export const planInput = (app, { roles }, store) => {
  const date = app.fields[roles.interview_date] || "";
  const decision = app.fields[roles.decision_date] || "";
  const offerDate = app.fields[roles.offer_date] || "";
  const deadline = app.fields[roles.offer_deadline] || "";
  const offerDeadline = offerDate && deadline >= offerDate ? deadline : "";
  return { date, promised: decision >= date ? decision : "", time: store.setting("plannerTime") || "", offerDate, offerDeadline };
};

// One sentence for a due item of an application, its dates with their weekday ("Friday 4 December").
function dueText(item, app, index, data, store) {
  const { ui, plan } = data;
  const when = (iso) => formatDate(iso, { locale: data.dates?.locale || ui.locale, weekday: true });
  const step = plan.find((s) => s.id === item.step);
  const task = item.move ? ui.plan_move_on : step.messages[0]?.title || step.title;
  const company = app.fields[data.roles.employer] || applicationName(app, index, data);
  const key = { overdue: "due_overdue", today: "due_today", next: "due_next" }[item.state];
  const date = when(item.state === "overdue" ? item.to : item.state === "today" ? todayIso() : item.from);
  let text = format(ui[key], { task, company, date });
  const promised = planInput(app, data, store).promised;
  if (step.when.anchor === "promised_date" && promised) text += " " + format(ui.due_promised, { date: when(promised) });
  return { text, url: item.move ? step.url : step.messages[0]?.url || step.url };
}

// Fill the today list: overdue first, then today, then what comes next, for every open application.
function showToday(list, store, data) {
  const today = todayIso();
  const rows = [];
  store.applications().forEach((app, index) => {
    if (CLOSED.has(stageOf(app))) return;
    const items = dueItems(data.plan, planInput(app, data, store), today, { weekend: data.rules.weekend, history: app.history, round: app.round });
    for (const item of items) rows.push({ item, ...dueText(item, app, index, data, store) });
  });
  const order = { overdue: 0, today: 1, next: 2 };
  rows.sort((a, b) => order[a.item.state] - order[b.item.state] || a.item.to.localeCompare(b.item.to));
  list.replaceChildren(
    ...rows.map(({ item, text, url }) => {
      const li = element("li", `ati-due is-${item.state}`);
      const link = element("a", "", text);
      link.setAttribute("href", url);
      li.dataset.state = item.state;
      li.append(link);
      return li;
    }),
  );
  if (!rows.length) list.append(element("li", "ati-due", data.ui.due_nothing));
}

// A button with a label and a click handler.
function button(label, onClick, className = "ati-btn") {
  const node = element("button", className, label);
  node.type = "button";
  node.addEventListener("click", onClick);
  return node;
}

// One history line.
function historyText(entry, data) {
  const date = displayValue(entry.date, data.ui.locale);
  if (entry.kind === "sent") return format(data.ui.history_sent, { date, title: entry.title || entry.message || entry.step });
  return format(data.ui.history_stage, { date, stage: data.ui[`stage_${entry.kind}`] });
}

// Record a stage; a new round starts with its own date, interviewers and thank-you notes, the earlier one kept.
function recordStage(store, id, kind, data) {
  store.changeApplication(id, (app) => {
    app.history.push({ kind, date: todayIso(), round: app.round });
    if (kind === "next_round") startNextRound(app, data);
  });
}

// The earlier rounds of an application: each with its date, interviewers, what was promised and what was noted.
function earlierRounds(app, data) {
  const box = element("div", "ati-app__rounds");
  box.append(element("h4", "", data.ui.app_rounds));
  const list = element("ul");
  for (const round of app.rounds) {
    const { heading, lines } = roundLines(round, data);
    const item = element("li", "ati-app__round");
    item.append(element("strong", "", heading));
    for (const line of lines) item.append(element("br"), line);
    list.append(item);
  }
  box.append(list);
  return box;
}

// One application's list item: name, stage, dates, people, history and its buttons.
function applicationItem(app, index, { store, data, status }) {
  const { ui, roles } = data;
  const name = applicationName(app, index, data);
  const li = element("li", "ati-app");
  li.dataset.id = app.id;
  const heading = element("h3", "ati-app__name", name);
  if (app.id === store.currentId) heading.append(" ", element("span", "ati-app__current", `(${ui.app_current})`));
  li.append(heading);
  const stage = stageOf(app);
  if (stage) li.append(element("p", "ati-app__stage", ui[`stage_${stage}`]));
  if (app.fields[roles.interview_date]) li.append(element("p", "", format(ui.app_interview, { date: displayValue(app.fields[roles.interview_date], ui.locale) })));
  const people = app.recipients.map((person) => personName(person, roles)).filter(Boolean);
  if (people.length) li.append(element("p", "", format(ui.app_people, { names: people.join(", ") })));
  if (app.rounds.length) li.append(earlierRounds(app, data));
  const history = element("ul", "ati-app__history");
  for (const entry of app.history) history.append(element("li", "", historyText(entry, data)));
  li.append(app.history.length ? history : element("p", "ati-note", ui.app_no_history));
  const actions = element("div", "ati-actions");
  if (app.id !== store.currentId) actions.append(button(format(ui.app_make_current, { name }), () => store.selectApplication(app.id)));
  actions.append(
    button(format(ui.app_rename, { name }), () => {
      const answer = window.prompt(format(ui.app_rename_prompt, { name }), name);
      if (answer != null && answer.trim()) store.changeApplication(app.id, (draft) => (draft.name = answer.trim()));
    }),
    button(format(ui.app_delete, { name }), () => {
      if (!window.confirm(format(ui.app_delete_confirm, { name }))) return;
      store.deleteApplication(app.id);
      announce(status, format(ui.app_deleted, { name }));
    }),
  );
  const select = element("select", "ati-app__stage-choice");
  select.setAttribute("aria-label", `${ui.app_stage}: ${name}`);
  select.append(element("option", "", ui.app_stage));
  select.options[0].value = "";
  for (const kind of STAGES) select.append(Object.assign(element("option", "", ui[`stage_${kind}`]), { value: kind }));
  select.addEventListener("change", () => select.value && recordStage(store, app.id, select.value, data));
  actions.append(select);
  li.append(actions);
  return li;
}

// Start the desk on its root.
export function start(root, { data, store }) {
  const ui = data.ui;
  const find = (selector) => root.querySelector(selector);
  const status = find("[data-ati-desk-status]");
  const list = find("[data-ati-apps]");
  const remember = find("[data-ati-desk-remember]");
  const render = () => {
    showToday(find("[data-ati-today]"), store, data);
    list.replaceChildren(...store.applications().map((app, i) => applicationItem(app, i, { store, data, status })));
    remember.checked = store.remembered;
    find("[data-ati-safari]").hidden = !store.applications().length;
  };
  find("[data-ati-add]").addEventListener("click", () => {
    store.addApplication(ownDetails(store.application()?.fields, data.roles)); // the reader's own details, typed once
    announce(status, ui.app_added);
  });
  remember.addEventListener("change", async () => {
    store.setRemembered(remember.checked);
    announce(status, store.remembered ? ui.remembered : ui.session_only);
    if (!store.remembered || !navigator.storage?.persist) return;
    const granted = await navigator.storage.persist().catch(() => false);
    announce(status, `${ui.remembered} ${granted ? ui.persist_granted : ui.persist_refused}`);
  });
  find("[data-ati-desk-forget]").addEventListener("click", () => {
    if (!window.confirm(ui.app_forget_confirm)) return;
    store.forget();
    announce(status, ui.forgotten);
  });
  startBackup(find("[data-ati-backup]"), { data, store });
  const stop = store.subscribe(() => (root.isConnected ? render() : stop()));
  render();
  document.querySelector("[data-ati-desk-nojs]").hidden = true;
  root.hidden = false;
}
