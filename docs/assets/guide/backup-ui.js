// The desk's backup controls: export everything as one file; import a file, checked whole before anything changes.
import { backupText, mergeStates, readBackup } from "./backup.js";
import { announce, saveFile } from "./dom.js";
import { format } from "./text.js";

// Start the export button and the import form inside root.
export function startBackup(root, { data, store }) {
  const ui = data.ui;
  const status = root.querySelector("[data-ati-backup-status]");
  const file = root.querySelector("[data-ati-import]");
  root.querySelector("[data-ati-export]").addEventListener("click", () => {
    saveFile(ui.backup_file, backupText(store.snapshot(), new Date().toISOString()), "application/json");
    announce(status, ui.backup_done);
  });
  file.addEventListener("change", async () => {
    const chosen = file.files[0];
    if (!chosen) return;
    const text = chosen.size > 2 * 1024 * 1024 ? "" : await chosen.text();
    const result = readBackup(text, chosen.size);
    file.value = "";
    if (result.error) return announce(status, format(ui[`import_${result.error}`], { detail: result.detail }), true);
    const merge = root.querySelector("[data-ati-import-mode]:checked")?.value === "merge";
    store.replaceState(merge ? mergeStates(store.snapshot(), result.state) : result.state);
    announce(status, format(ui.import_done, { count: store.applications().length }));
  });
}
