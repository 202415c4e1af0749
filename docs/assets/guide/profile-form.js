// The profile form: the reader's details and one fieldset per recipient, kept in the store as they type.
import { announce } from "./dom.js";
import { dropPerson } from "./edits.js";
import { syncPerson } from "./people.js";
import { format } from "./text.js";

// Under each person split from an earlier single name, say so and show what was typed, until the person is edited.
function showChecks(container, values, ui) {
  for (const set of container.querySelectorAll("[data-ati-person]")) {
    const note = set.querySelector("[data-ati-person-check]");
    const typed = values[`${set.dataset.atiPerson}.check`];
    note.hidden = !typed;
    note.textContent = typed ? format(ui.person_check, { name: typed }) : "";
  }
}

// Under a field with a shape (blanks.yml), its hint while the typed value misses the pattern; described by it then.
// typed false: hide it (values shown from storage get no hint, so nothing moves when the form starts).
function showShape(input, typed = true) {
  const hint = input.dataset.shape && input.parentNode.querySelector("[data-ati-shape-hint]");
  if (!hint) return;
  const value = input.value.trim();
  let fits = true;
  try {
    fits = !typed || !value || new RegExp(input.dataset.shape, "u").test(value);
  } catch {} // a pattern this browser cannot read: no hint rather than no form
  hint.hidden = fits;
  const described = (input.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== hint.id);
  input.setAttribute("aria-describedby", [...described, ...(fits ? [] : [hint.id])].join(" "));
}

// Fill the recipients' fieldsets from the application, one per recipient (at least one).
function showRecipients(parts, app, ui) {
  for (const old of parts.box.querySelectorAll("[data-ati-interviewer]")) old.remove();
  const recipients = app.recipients.length ? app.recipients : [Object.create(null)];
  recipients.forEach((recipient, index) => {
    const fieldset = parts.template.content.firstElementChild.cloneNode(true);
    const prefix = `ati-i${index}-`;
    fieldset.dataset.index = index;
    fieldset.querySelector("[data-ati-index]").textContent = index + 1;
    for (const input of fieldset.querySelectorAll("[data-name]")) {
      const [label, , help] = input.parentNode.children; // label, input, help: the template's order
      label.htmlFor = input.id = prefix + input.dataset.name.replace(".", "-");
      help.id = input.id + "-help";
      input.setAttribute("aria-describedby", help.id);
      const hint = input.parentNode.querySelector("[data-ati-shape-hint]");
      if (hint) hint.id = input.id + "-shape";
      input.value = recipient[input.dataset.name] || "";
    }
    for (const person of fieldset.querySelectorAll("[data-ati-person]")) {
      const hint = person.querySelector(".ati-person__help"); // the person's help, under its legend
      hint.id = prefix + person.dataset.atiPerson + "-hint";
      person.setAttribute("aria-describedby", hint.id);
    }
    showChecks(fieldset, recipient, ui);
    const remove = fieldset.querySelector("[data-ati-remove-interviewer]");
    remove.hidden = recipients.length < 2;
    remove.textContent = format(ui.remove_recipient, { number: index + 1 });
    parts.box.insertBefore(fieldset, parts.add);
  });
}

// Show the stored values in every field.
function showAll(parts, store, ui) {
  const app = store.application();
  for (const input of parts.form.querySelectorAll("[name]")) {
    input.value = app.fields[input.name] || "";
    showShape(input, false);
  }
  showChecks(parts.form.querySelector("fieldset"), app.fields, ui);
  parts.remember.checked = store.remembered;
  showRecipients(parts, app, ui);
}

// Start the form in root.
export function start(root, { data, store }) {
  const ui = data.ui;
  const find = (selector) => root.querySelector(selector);
  const parts = {
    form: find("[data-ati-form]"),
    template: find("[data-ati-interviewer-template]"),
    add: find("[data-ati-add-interviewer]"),
    remember: find("[data-ati-remember]"),
  };
  parts.box = parts.template.parentNode;
  const status = find("[data-ati-form-status]");
  const focusRecipient = (index) => {
    showRecipients(parts, store.application(), ui);
    const sets = parts.box.querySelectorAll("[data-ati-interviewer]");
    sets[Math.min(index, sets.length - 1)].querySelector("[data-name]").focus();
  };

  parts.form.addEventListener("submit", (event) => event.preventDefault());
  parts.form.addEventListener("input", (event) => {
    const input = event.target;
    showShape(input);
    const fieldset = input.closest("[data-ati-interviewer]");
    if (fieldset && input.dataset.name) {
      store.updateApplication((app) => {
        const index = +fieldset.dataset.index;
        while (app.recipients.length <= index) app.recipients.push(Object.create(null));
        app.recipients[index][input.dataset.name] = input.value;
        syncPerson(app.recipients[index], input.dataset.name);
      });
      showChecks(fieldset, store.application().recipients[+fieldset.dataset.index] || {}, ui);
    } else if (input.name) {
      store.updateApplication((app) => {
        app.fields[input.name] = input.value;
        syncPerson(app.fields, input.name);
      });
      showChecks(parts.form.querySelector("fieldset"), store.application().fields, ui);
    }
  });
  parts.add.addEventListener("click", () => {
    let count = 0;
    store.updateApplication((app) => {
      if (!app.recipients.length) app.recipients.push(Object.create(null));
      app.recipients.push(Object.create(null));
      count = app.recipients.length;
    });
    focusRecipient(count - 1);
  });
  parts.box.addEventListener("click", (event) => {
    const fieldset = event.target.closest("[data-ati-remove-interviewer]")?.closest("[data-ati-interviewer]");
    if (!fieldset) return;
    const index = +fieldset.dataset.index;
    store.updateApplication((app) => {
      app.recipients.splice(index, 1);
      dropPerson(app.edits, "interviewers", index); // each later interviewer's notes stay theirs
    });
    focusRecipient(index);
  });
  parts.remember.addEventListener("change", () => {
    store.setRemembered(parts.remember.checked);
    announce(status, store.remembered ? ui.remembered : ui.session_only);
  });
  find("[data-ati-forget]").addEventListener("click", () => {
    if (!window.confirm(ui.app_forget_confirm)) return; // as the desk's: one tap must not lose every application
    store.forget();
    showAll(parts, store, ui);
    announce(status, ui.forgotten);
  });
  // Another tab changed the data: show it.
  const stop = store.subscribe(({ external }) => {
    if (!root.isConnected) return stop();
    if (external) showAll(parts, store, ui);
  });
  showAll(parts, store, ui);
  const details = find("details");
  if (details) details.open = !Object.values(store.application().fields).some((v) => v.trim());
  root.hidden = false;
}
