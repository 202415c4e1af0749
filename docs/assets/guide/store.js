// The one owner of the browser's storage: session-only by default, on the device after opt-in, synced across tabs.
// Shape: {version, applications: [{id, fields, recipients}], settings}; the current application is chosen per tab.
// Every key starts with the site's prefix; values live in null-prototype objects, so no key is special.

const VERSION = 1;

// A null-prototype copy of a mapping's string values.
function textValues(source) {
  const out = Object.create(null);
  if (source && typeof source === "object" && !Array.isArray(source)) {
    for (const [key, value] of Object.entries(source)) if (typeof value === "string") out[key] = value;
  }
  return out;
}

// A null-prototype copy of the settings (text, numbers and true/false only).
function settingValues(source) {
  const out = Object.create(null);
  if (source && typeof source === "object") {
    for (const [key, value] of Object.entries(source)) if (["string", "number", "boolean"].includes(typeof value)) out[key] = value;
  }
  return out;
}

// A well-formed application from whatever storage held.
function cleanApplication(source, index) {
  const app = source && typeof source === "object" ? source : {};
  const recipients = Array.isArray(app.recipients) ? app.recipients.map(textValues) : [];
  return { id: typeof app.id === "string" ? app.id : `application-${index + 1}`, fields: textValues(app.fields), recipients };
}

// A well-formed state from whatever storage held (nothing, another version or a hand-edited value).
export function cleanState(source) {
  const data = source && typeof source === "object" ? source : {};
  const applications = Array.isArray(data.applications) ? data.applications.map(cleanApplication) : [];
  return { version: VERSION, applications, settings: settingValues(data.settings) };
}

const copyApplication = (app) => ({ id: app.id, fields: textValues(app.fields), recipients: app.recipients.map(textValues) });

// The store over two Storage-like areas (local, session) and an optional BroadcastChannel-like channel.
export function createStore({ prefix, local, session, channel = null }) {
  const keys = { data: `${prefix}:data`, remember: `${prefix}:remember`, current: `${prefix}:current` };
  const listeners = new Set();
  let state = cleanState(null);
  let remember = false;

  const area = () => (remember ? local : session);
  const read = (storage, key) => {
    try {
      return storage.getItem(key);
    } catch {
      return null; // storage blocked: memory stays the source
    }
  };
  const write = (storage, key, value) => {
    try {
      if (value == null) storage.removeItem(key);
      else storage.setItem(key, value);
    } catch {
      // storage blocked or full: the data stays in memory for this page
    }
  };
  const save = () => write(area(), keys.data, JSON.stringify(state));
  const notify = (external = false) => {
    for (const listener of listeners) {
      try {
        listener({ external });
      } catch (error) {
        console.error(error);
      }
    }
  };
  const changed = () => {
    save();
    notify();
    channel?.postMessage({ type: "changed" });
  };
  const currentIndex = () => {
    const id = read(session, keys.current);
    const index = state.applications.findIndex((app) => app.id === id);
    return index < 0 ? 0 : index;
  };

  const store = {
    // Read storage again; where it holds nothing (blocked, or not written yet) memory is kept.
    reload() {
      remember = read(local, keys.remember) === "1";
      const text = read(area(), keys.data);
      if (text == null) return;
      try {
        state = cleanState(JSON.parse(text));
      } catch {
        // unreadable: keep memory
      }
    },
    // A copy of the current application (an empty one before anything is typed).
    application() {
      const app = state.applications[currentIndex()];
      return app ? copyApplication(app) : { id: null, fields: Object.create(null), recipients: [] };
    },
    // Change the current application through change(draft), creating the first one the moment something is typed.
    updateApplication(change) {
      if (!state.applications.length) state.applications.push(cleanApplication(null, 0));
      const index = currentIndex();
      const draft = copyApplication(state.applications[index]);
      change(draft);
      state.applications[index] = cleanApplication(draft, index);
      changed();
    },
    // Make another application current in this tab only.
    selectApplication(id) {
      write(session, keys.current, id);
      notify();
    },
    // One setting's value, or undefined.
    setting(name) {
      return state.settings[name];
    },
    // Change settings, for example {variant: "warm"}; null removes one.
    updateSettings(patch) {
      for (const [name, value] of Object.entries(patch)) {
        if (value == null) delete state.settings[name];
        else state.settings[name] = value;
      }
      changed();
    },
    // Whether the data is kept on this device.
    get remembered() {
      return remember;
    },
    // Move the data to the device (on) or to this tab's session (off).
    setRemembered(on) {
      write(local, keys.data, null);
      write(session, keys.data, null);
      remember = on;
      write(local, keys.remember, on ? "1" : null);
      changed();
    },
    // Forget everything in both areas (only this site's keys) and in every open tab.
    forget() {
      store.clear();
      channel?.postMessage({ type: "forgot" });
    },
    // Drop this site's keys and the memory of this tab (external: at another tab's request).
    clear(external = false) {
      for (const storage of [local, session]) {
        try {
          for (let i = storage.length - 1; i >= 0; i--) {
            const key = storage.key(i);
            if (key?.startsWith(prefix + ":")) storage.removeItem(key);
          }
        } catch {
          // blocked storage holds nothing to forget
        }
      }
      remember = false;
      state = cleanState(null);
      notify(external);
    },
    // Call listener({external}) after every change, here or in another tab; returns the function that stops it.
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    // React to a window "storage" event: another tab changed the device's storage.
    storageChanged(event) {
      if (event.storageArea !== local || !(event.key == null || event.key.startsWith(prefix + ":"))) return;
      if (read(local, keys.remember) !== "1" && remember) state = cleanState(null);
      store.reload();
      notify(true);
    },
  };
  if (channel) {
    channel.onmessage = (event) => {
      if (event.data?.type === "forgot") store.clear(true);
      else if (event.data?.type === "changed") {
        store.reload();
        notify(true);
      }
    };
  }
  store.reload();
  return store;
}
