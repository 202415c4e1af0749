// Personalized templates, in this browser only: no network; user text only via textContent/setAttribute.
(() => {
  "use strict";
  if (window.ATI) return;
  const P = "ati-", KEY = P + "profile", TONE = P + "tone", PREM = P + "premium", REM = P + "remember";
  let remember = false, profile, tone, premium, listeners = [], uid = 0;

  // Session storage, or local after opt-in; failures leave the data in memory.
  const store = (local) => (local ? localStorage : sessionStorage);
  const get = (k) => { try { return store(remember).getItem(k); } catch { return null; } };
  const put = (k, v, local = remember) => {
    try { v == null ? store(local).removeItem(k) : store(local).setItem(k, v); } catch {}
  };
  const clean = (p) => {
    p = Object(p);
    return { fields: { ...Object(p.fields) }, interviewers: [].concat(p.interviewers || []).map((iv) => ({ ...Object(iv) })) };
  };
  const save = () => { put(KEY, JSON.stringify(profile)); put(TONE, tone); put(PREM, premium ? "1" : null); };
  const read = () => JSON.parse(JSON.stringify(profile));
  const safe = (f, x) => { try { f(x); } catch (e) { console.error("ati:", e); } };
  const changed = (unsaved) => {
    if (!unsaved) save();
    all(document, "[data-ati-message]").forEach((el) => el.atiUpdate && safe(el.atiUpdate));
    listeners.forEach((f) => safe(f, read()));
  };
  const setRemember = (on) => {
    [KEY, TONE, PREM].forEach((k) => put(k, null));
    remember = on;
    put(REM, on ? "1" : null, true);
    save();
  };
  const forget = () => {
    for (const local of [true, false]) {
      try {
        const s = store(local);
        for (let i = s.length; i--;) if (s.key(i)?.startsWith(P)) s.removeItem(s.key(i));
      } catch {}
    }
    remember = premium = false;
    tone = null;
    profile = clean();
    all(document, "[data-ati-profile]").forEach((el) => el.atiForm && fillForm(el.atiForm));
    changed(true);
  };

  const h = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };
  const all = (root, sel) => [...root.querySelectorAll(sel)];
  const say = (el, msg, warn) => {
    el.textContent = "";
    el.classList.toggle("is-warn", !!warn);
    setTimeout(() => { el.textContent = msg; }, 50);
  };
  const plural = (n, word) => n + " " + word + (n == 1 ? "" : "s");

  // One line (no CR/LF reaches a mail header); ISO dates written out.
  const nice = (v) => {
    v = String(v ?? "").replace(/\s+/g, " ").trim();
    const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(v), d = m && new Date(Date.UTC(m[1], m[2] - 1, m[3]));
    return m && d.getUTCDate() == m[3]
      ? d.toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).replace(/,/g, "")
      : v;
  };
  const values = (iv) => {
    const o = {};
    for (const [k, v] of Object.entries({ ...profile.fields, ...iv })) o[k] = nice(v);
    return o;
  };
  const filled = (iv) => Object.values(iv).some(nice);

  function fillForm(f) {
    all(f.form, "[name]").forEach((el) => { el.value = profile.fields[el.name] || ""; });
    f.rem.checked = remember;
    people(f);
  }
  function people(f) {
    all(f.box, "[data-ati-interviewer]").forEach((el) => el.remove());
    const list = profile.interviewers.length ? profile.interviewers : [{}];
    list.forEach((iv, i) => {
      const fs = f.tpl.content.firstElementChild.cloneNode(true), id = `ati-i${i}-`;
      const rm = fs.querySelector("[data-ati-remove-interviewer]");
      fs.atiIndex = i;
      fs.querySelector("[data-ati-index]").textContent = i + 1;
      all(fs, "[data-name]").forEach((el) => {
        const [label, , help] = el.parentNode.children;
        label.htmlFor = el.id = id + el.dataset.name;
        help.id = el.id + "-help";
        el.setAttribute("aria-describedby", help.id);
        el.value = iv[el.dataset.name] || "";
      });
      rm.hidden = list.length < 2;
      rm.textContent = "Remove interviewer " + (i + 1);
      f.box.insertBefore(fs, f.add);
    });
  }
  function initForm(root) {
    const q = (s) => root.querySelector(s), status = q("[data-ati-form-status]"), details = q("details");
    const f = { form: q("[data-ati-form]"), tpl: q("[data-ati-interviewer-template]"), add: q("[data-ati-add-interviewer]"), rem: q("[data-ati-remember]") };
    const edit = (i) => {
      people(f);
      const sets = all(f.box, "[data-ati-interviewer]");
      sets[Math.min(i, sets.length - 1)].querySelector("[data-name]").focus();
      changed();
    };
    f.box = f.tpl.parentNode;
    f.form.addEventListener("submit", (e) => e.preventDefault());
    f.form.addEventListener("input", (e) => {
      const t = e.target, fs = t.closest("[data-ati-interviewer]"), ivs = profile.interviewers;
      if (fs && t.dataset.name) (ivs[fs.atiIndex] ||= {})[t.dataset.name] = t.value;
      else if (t.name) profile.fields[t.name] = t.value;
      else return;
      changed();
    });
    f.add.addEventListener("click", () => {
      const ivs = profile.interviewers;
      if (!ivs.length) ivs.push({});
      ivs.push({});
      edit(ivs.length - 1);
    });
    f.box.addEventListener("click", (e) => {
      const fs = e.target.closest("[data-ati-remove-interviewer]")?.closest("[data-ati-interviewer]");
      if (!fs) return;
      profile.interviewers.splice(fs.atiIndex, 1);
      edit(fs.atiIndex);
    });
    f.rem.addEventListener("change", () => {
      setRemember(f.rem.checked);
      say(status, remember ? "Remembered on this device." : "Kept until you close this tab.");
    });
    q("[data-ati-forget]").addEventListener("click", () => {
      forget();
      say(status, "Everything you entered has been forgotten.");
    });
    fillForm((root.atiForm = f));
    if (details) details.open = !Object.values(profile.fields).some(nice);
    root.hidden = false;
  }

  // RFC 6068
  const enc = (s) => encodeURIComponent(String(s ?? "").toWellFormed?.() ?? String(s ?? ""));
  const mailto = (to, subject, body) =>
    `mailto:${enc(to).replace(/%40/g, "@")}?subject=${enc(subject)}&body=${enc(body.replace(/\r\n|\r|\n/g, "\r\n"))}`;
  const download = (name, text) => {
    const a = h("a"), url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1e4);
  };

  // The plain sections are the source (and the no-JS page); the script shows one card per recipient.
  const parts = (node) => [...node.childNodes].map((n) => (n.dataset?.blank ? { b: n.dataset.blank, l: n.textContent } : n.textContent));
  const fill = (node, ps, vals, miss) => {
    let out = "";
    node.textContent = "";
    for (const p of ps) {
      let v = p;
      if (p.b) {
        v = vals[p.b];
        const s = h("span", v ? "ati-blank is-filled" : "ati-blank", v || p.l);
        s.setAttribute("data-blank", p.b);
        if (!v) miss[p.b] = p.l.replace(/^\[|\]$/g, "");
        v ||= p.l;
        node.append(s);
      } else node.append(v);
      out += v;
    }
    return out;
  };

  function card(el, list) {
    const d = el.dataset, email = d.channel == "email", c = { root: h("div", "ati-card") }, acts = h("div", "ati-actions");
    const who = h("p", "ati-card__for"), sp = h("p", "ati-subject"), subj = h("span"), body = h("div", "ati-body");
    const meta = h("p", "ati-meta"), status = h("p", "ati-status"), mail = h("a", "ati-btn", "Open in email app");
    const note = h("span", "ati-note", "Too long for an email link: copy it instead.");
    const both = () => (c.subject ? `Subject: ${c.subject}\n\n${c.body}` : c.body);
    // With blanks unfilled, an action first warns; pressed again, it goes ahead.
    const action = (key, verb, run) => (e) => {
      const m = Object.values(c.miss), n = m.length && plural(m.length, "blank");
      if (n && c.armed != key) {
        e.preventDefault();
        c.armed = key;
        return say(status, `Not ready: ${n} still unfilled (${m.join(", ")}). Fill them in, or press again to ${verb} anyway.`, true);
      }
      c.armed = 0;
      run(n ? ` with ${n} unfilled` : "");
    };
    const button = (label, verb, run) => {
      const b = h("button", "ati-btn", label);
      b.type = "button";
      b.addEventListener("click", action(label, verb, run));
      acts.append(b);
      return b;
    };
    const copier = (label, what, text) => button(label, "copy", (left) =>
      Promise.resolve().then(() => navigator.clipboard.writeText(text())).then(
        () => say(status, `Copied the ${what}${left}.`),
        () => say(status, "Could not copy: select the text and copy it yourself.", true)));
    c.root.setAttribute("role", "group");
    meta.setAttribute("aria-live", "polite");
    status.setAttribute("role", "status");
    sp.append(h("span", "ati-subject__label", "Subject:"), " ", subj);
    if (email) {
      c.bs = copier("Copy subject", "subject", () => c.subject);
      copier("Copy body", "body", () => c.body);
      copier("Copy both", "subject and body", both);
      mail.addEventListener("click", action("mail", "open it", (left) => say(status, `Opening your email app${left}.`)));
      acts.append(mail, note);
    } else copier("Copy text", "text", () => c.body);
    button("Download .txt", "download", (left) => {
      download(`${d.atiMessage}${c.n ? "-" + c.n : ""}.txt`, both());
      say(status, `Downloaded${left}.`);
    });
    c.root.append(who, sp, body, meta, acts, status);
    list.append(c.root);

    c.show = (v, iv, i) => {
      const vals = values(iv), info = [];
      let over = false, n;
      c.armed = 0;
      status.textContent = ""; // stale now
      c.n = i + 1;
      c.miss = {};
      who.hidden = i < 0;
      who.textContent = "For " + (vals.interviewer_name || "interviewer " + c.n);
      i < 0 ? c.root.removeAttribute("aria-label") : c.root.setAttribute("aria-label", who.textContent);
      sp.hidden = !v.subject;
      if (c.bs) c.bs.hidden = !v.subject;
      c.subject = v.subject ? fill(subj, v.subject, vals, c.miss) : "";
      c.body = fill(body, v.body, vals, c.miss);
      if (d.sentencesMin) {
        // generator/blanks.py's rule
        n = (c.body.match(/[.!?]+(?=\s|$)/g) || []).length;
        over = n < +d.sentencesMin || n > +d.sentencesMax;
        info.push(`${plural(n, "sentence")} (${d.sentencesMin} to ${d.sentencesMax} advised)`);
      }
      if (d.characters) {
        const lim = +((premium && d.premiumCharacters) || d.characters);
        n = [...c.body].length;
        over ||= n > lim;
        info.push(`${n} of ${lim} characters` + (n > lim ? `: ${n - lim} over the limit` : ""));
      }
      n = Object.values(c.miss);
      info.push(n.length ? `${plural(n.length, "blank")} to fill: ${n.join(", ")}` : "All blanks filled");
      n = info.join(" · ");
      if (meta.textContent != n) meta.textContent = n;
      meta.classList.toggle("is-warn", over);
      if (email) {
        n = mailto(vals.interviewer_email, c.subject, c.body);
        note.hidden = !(mail.hidden = n.length > 1800);
        mail.hidden ? mail.removeAttribute("href") : mail.setAttribute("href", n);
      }
    };
    return c;
  }

  function initMessage(el) {
    const d = el.dataset, name = "ati-tone-" + ++uid, radios = [], cards = [];
    const bar = h("div", "ati-toolbar"), list = h("div", "ati-cards");
    const vs = all(el, "[data-ati-variant]").map((s) => ({
      s,
      id: s.dataset.atiVariant,
      label: s.querySelector(".ati-variant__title")?.textContent || s.dataset.atiVariant,
      subject: s.querySelector("[data-ati-subject]"),
      body: parts(s.querySelector("[data-ati-body]")),
    }));
    let prem, fs;
    if (!vs.length) throw Error("no templates: " + d.atiMessage);
    vs.forEach((v) => { v.subject &&= parts(v.subject); });
    if (vs.length > 1) {
      fs = h("fieldset", "ati-tones");
      fs.append(h("legend", "", "Tone"));
      for (const v of vs) {
        const l = h("label"), r = h("input");
        r.type = "radio";
        r.name = name;
        r.value = v.id;
        r.addEventListener("change", () => { tone = v.id; changed(); });
        radios.push(r);
        l.append(r, " " + v.label);
        fs.append(l);
      }
      bar.append(fs);
    }
    if (d.premiumCharacters) {
      fs = h("label", "ati-check");
      prem = h("input");
      prem.type = "checkbox";
      prem.addEventListener("change", () => { premium = prem.checked; changed(); });
      fs.append(prem, ` Premium account (${d.premiumCharacters} characters)`);
      bar.append(fs);
    }
    const update = () => {
      const v = vs.find((x) => x.id == tone) || vs[0], ivs = profile.interviewers.filter(filled);
      const ppl = "perInterviewer" in d && ivs.length > 1 ? ivs : [ivs[0] || {}];
      radios.forEach((r) => { r.checked = r.value == v.id; });
      if (prem) prem.checked = premium;
      while (cards.length < ppl.length) cards.push(card(el, list));
      while (cards.length > ppl.length) cards.pop().root.remove();
      cards.forEach((c, i) => c.show(v, ppl[i], ppl.length > 1 ? i : -1));
    };
    update();
    el.prepend(bar, list);
    vs.forEach((v) => { v.s.hidden = true; });
    el.atiUpdate = update;
  }

  // Read what storage holds (the planner may have written to it since); keep memory where it holds nothing.
  const load = () => {
    try { remember = localStorage.getItem(REM) == "1"; } catch {}
    try { const p = get(KEY); if (p) profile = clean(JSON.parse(p)); } catch {}
    tone = get(TONE) || tone;
    premium = get(PREM) == "1" || premium;
  };
  const start = () => {
    load();
    for (const [sel, init] of [["[data-ati-profile]", initForm], ["[data-ati-message]", initMessage]]) {
      for (const el of all(document, sel)) if (!el.atiOn) safe(init, (el.atiOn = el));
    }
  };

  window.ATI = {
    readProfile: read,
    onChange(f) {
      listeners.push(f);
      return () => { listeners = listeners.filter((g) => g != f); };
    },
  };
  profile = clean();
  load();
  if (window.document$?.subscribe) window.document$.subscribe(start);
  else if (document.readyState == "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
