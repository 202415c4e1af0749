// A list of people on a message page (issue 14): the referees or the coordinator the person adds, kept per
// application in the store, or the other employers, read from the desk's other applications (read-only here).
import { announce, element } from "./dom.js";
import { dropPerson } from "./edits.js";
import { format } from "./text.js";
import { cleanPerson, employerContact, isEmpty, listOf, otherEmployers } from "./extra-people.js";
import { personOf } from "./people.js";
import { applicationName } from "./switcher.js";
import { fullName } from "./names.js";

// Show a list's people, one fieldset each from the server-rendered template (at least one, at most max).
function showPeople(parts, people, { list, max, ui }) {
  for (const old of parts.box.querySelectorAll("[data-ati-entry]")) old.remove();
  const shown = people.length ? people : [cleanPerson(null)];
  shown.forEach((person, index) => {
    const fieldset = parts.template.content.firstElementChild.cloneNode(true);
    fieldset.dataset.index = index;
    const number = fieldset.querySelector("[data-ati-index]");
    if (number) number.textContent = index + 1;
    for (const input of fieldset.querySelectorAll("[data-name]")) {
      const [label, , help] = input.parentNode.children; // label, input, help: the partial's order
      label.htmlFor = input.id = `ati-${list}-${index}-${input.dataset.name}`;
      if (help) {
        help.id = input.id + "-help";
        input.setAttribute("aria-describedby", help.id);
      }
      input.value = person[input.dataset.name] || "";
    }
    const remove = fieldset.querySelector("[data-ati-remove-entry]");
    remove.hidden = shown.length < 2 && isEmpty(shown[0]);
    remove.textContent = format(ui.people_remove, { name: fullName(person) || format(ui.people_number, { number: index + 1 }) });
    parts.box.insertBefore(fieldset, parts.add);
  });
  parts.add.hidden = max > 0 && shown.length >= max;
}

// Start an editable list (referees, coordinator) in root.
function startEditable(root, { data, store }, list) {
  const ui = data.ui;
  const max = Number(root.dataset.atiMax) || 0;
  const parts = { template: root.querySelector("[data-ati-entry-template]"), add: root.querySelector("[data-ati-add-entry]") };
  parts.box = parts.template.parentNode;
  const status = root.querySelector("[data-ati-people-status]");
  const show = () => showPeople(parts, listOf(store.application(), list), { list, max, ui });
  const change = (edit, removed = -1) =>
    store.updateApplication((app) => {
      const people = listOf(app, list);
      edit(people);
      app.people = Object.assign(Object.create(null), app.people, { [list]: people });
      if (removed >= 0) dropPerson(app.edits, list, removed); // each later person's notes stay theirs
    });
  const focus = (index) => {
    const sets = parts.box.querySelectorAll("[data-ati-entry]");
    sets[Math.min(index, sets.length - 1)]?.querySelector("[data-name]").focus();
  };

  root.addEventListener("input", (event) => {
    const input = event.target;
    const fieldset = input.closest("[data-ati-entry]");
    if (!fieldset || !input.dataset.name) return;
    change((people) => {
      const index = +fieldset.dataset.index;
      while (people.length <= index) people.push(cleanPerson(null));
      people[index][input.dataset.name] = input.value;
    });
  });
  parts.add.addEventListener("click", () => {
    let count = 0;
    change((people) => {
      if (!people.length) people.push(cleanPerson(null));
      people.push(cleanPerson(null));
      count = people.length;
    });
    show();
    focus(count - 1);
  });
  parts.box.addEventListener("click", (event) => {
    const fieldset = event.target.closest("[data-ati-remove-entry]")?.closest("[data-ati-entry]");
    if (!fieldset) return;
    const index = +fieldset.dataset.index;
    const name = fullName(listOf(store.application(), list)[index]) || format(ui.people_number, { number: index + 1 });
    change((people) => people.splice(index, 1), index);
    show();
    focus(index);
    announce(status, format(ui.people_removed, { name }));
  });
  const stop = store.subscribe(({ external }) => {
    if (!root.isConnected) return stop();
    if (external) show();
  });
  show();
}

// Start the read-only list of the other employers in root: one line each, the rest is edited on the desk.
function startEmployers(root, { data, store }) {
  const list = root.querySelector("[data-ati-employers]");
  const show = () => {
    const apps = store.applications();
    const others = otherEmployers(apps, store.currentId);
    const items = others.map((other) => {
      const index = apps.findIndex((app) => app.id === other.id);
      const name = applicationName(apps[index], index, data);
      const role = other.fields[data.roles.job_title];
      const contact = fullName(employerContact(other, data.roles, (v, id) => personOf(v, id, data.people.addresses)));
      const text = [role ? format(data.ui.people_employer_role, { name, role }) : name, contact].filter(Boolean).join(" · ");
      return element("li", "", text);
    });
    list.replaceChildren(...(items.length ? items : [element("li", "ati-note", data.ui.people_no_employers)]));
  };
  const stop = store.subscribe(() => (root.isConnected ? show() : stop()));
  show();
}

// Start the list in root: data-ati-list names it (referees, coordinator or employers), data-ati-max caps it.
export function start(root, options) {
  const list = root.dataset.atiList;
  if (list === "employers") startEmployers(root, options);
  else startEditable(root, options, list);
  root.hidden = false;
}
