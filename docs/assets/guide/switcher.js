// The compact application switcher on message pages, the planner and the chooser: pick the current application.
import { element } from "./dom.js";
import { format } from "./text.js";

// The name an application goes by: its own name, its company, or "Application n".
export const applicationName = (app, index, { ui, roles }) => app.name || app.fields[roles.employer] || format(ui.app_unnamed, { number: index + 1 });

// Fill a select with the applications, the current one selected.
export function fillSelect(select, store, data) {
  const apps = store.applications();
  const current = store.currentId;
  select.replaceChildren(...apps.map((app, i) => Object.assign(element("option", "", applicationName(app, i, data)), { value: app.id })));
  if (!apps.length) select.append(element("option", "", format(data.ui.app_unnamed, { number: 1 })));
  if (current) select.value = current;
}

// Start the switcher in its server-rendered root (a label, a select, a link to the desk).
export function start(root, { data, store }) {
  const select = root.querySelector("select");
  select.addEventListener("change", () => store.selectApplication(select.value));
  const stop = store.subscribe(() => (root.isConnected ? fillSelect(select, store, data) : stop()));
  fillSelect(select, store, data);
  root.classList.add("is-ready");
}
