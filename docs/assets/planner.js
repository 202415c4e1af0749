/* After the Interview: the follow-up planner. The one home of the date rules and the .ics export;
   the timing data comes from content/ (JSON in the page). No network; DOM built node by node. */
(() => {
  "use strict";
  const DAY = 864e5;
  // Dates are day numbers counted in UTC: no time zone or clock change moves them.
  const day = (s) => Date.UTC(s.slice(0, 4), s.slice(5, 7) - 1, s.slice(8, 10)) / DAY;
  const iso = (n) => new Date(n * DAY).toISOString().slice(0, 10);
  const weekend = (n) => ((n % 7) + 11) % 7 % 6 == 0; // day 0 was a Thursday; 0 is Sunday, 6 Saturday
  const addBusiness = (n, k) => {
    while (k > 0) if (!weekend(++n)) k--;
    return n;
  };
  const mins = (t) => t.slice(0, 2) * 60 + +t.slice(3, 5);
  const hhmm = (m) => m == null ? null : new Date(m * 6e4).toISOString().slice(11, 16);
  // [day, minutes or null] + duration. Hours move the wall clock, or round up to days without a time.
  const add = ([d, m], t) => {
    if (!t || !t.amount) return [d, m];
    const a = t.amount, u = t.unit, x = m + a * 60;
    if (u == "hour") return m == null ? [d + Math.ceil(a / 24), null] : [d + Math.floor(x / 1440), x % 1440];
    return [u == "business_day" ? addBusiness(d, a) : d + a * { day: 1, week: 7 }[u], null];
  };
  // An item per time a step with a message is done, then the point to move on. p: {date, time, promised}.
  const plan = (steps, p) => {
    const out = [];
    let prev;
    const push = (s, f, t, move) => out.push({ id: s.id, move, from: iso(f[0]), to: iso(t[0]), start: hhmm(f[1]), time: hhmm(t[1]) });
    for (const s of steps) {
      let w = s.when, a = w.anchor;
      if (w.ongoing || !s.messages.length) continue;
      if (a == "promised_date" && !p.promised) a = (w = w.fallback || {}).anchor;
      let at = { interview: [day(p.date), p.time ? mins(p.time) : null], promised_date: [day(p.promised || p.date), null],
        previous_follow_up: prev }[a];
      if (!at) continue;
      const r = s.when.repeat;
      at = add(at, w.after);
      for (let k = r ? r.times : 1; k--; at = add(at, r && r.every)) push(s, (prev = at), add(at, w.within));
      if (r) push(s, (at = add(prev, r.move_on || r.every)), at, 1);
    }
    return out;
  };
  // The UTC instant of a wall-clock time in a time zone.
  const zf = {}, n = "numeric";
  const offset = (ms, tz) => {
    const o = Object.fromEntries((zf[tz] ||= new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", year: n, month: n, day: n,
      hour: n, minute: n, second: n })).formatToParts(ms).map((x) => [x.type, x.value]));
    return Date.UTC(o.year, o.month - 1, o.day, o.hour, o.minute, o.second) - ms;
  };
  const utc = (date, time, tz) => {
    const w = day(date) * DAY + mins(time) * 6e4;
    return w - offset(w - offset(w, tz), tz);
  };
  // RFC 5545: escaped TEXT, lines folded at 75 octets (never inside a character), CRLF.
  const esc = (t) => String(t).replace(/[\\;,]/g, "\\$&").replace(/\r\n?|\n/g, "\\n").replace(/[\0-\x08\x0b-\x1f\x7f]/g, "");
  const fold = (l) => {
    let o = "", n = 0;
    for (const c of l) {
      const b = c.codePointAt(0), s = b < 128 ? 1 : b < 2048 ? 2 : b < 65536 ? 3 : 4;
      if ((n += s) > 75) (o += "\r\n "), (n = s + 1);
      o += c;
    }
    return o;
  };
  const stamp = (ms) => new Date(ms).toISOString().replace(/[-:]|\.\d+/g, "");
  const ymd = (n) => ";VALUE=DATE:" + stamp(n * DAY).slice(0, 8);
  // events: [{summary, description, url, from, to, time, tz}]; all-day unless time is set.
  const ics = (evs, now = Date.now()) => {
    const id = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => (b + 256).toString(16).slice(1)).join("");
    const L = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//After the Interview//Follow-up planner//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    evs.forEach((e, i) => {
      const end = e.time && utc(e.to, e.time, e.tz);
      L.push("BEGIN:VEVENT", `UID:${id}-${i + 1}@after-the-interview`, "DTSTAMP:" + stamp(now),
        ...(end ? ["DTSTART:" + stamp(end - 18e5), "DTEND:" + stamp(end)]
          : ["DTSTART" + ymd(day(e.from)), "DTEND" + ymd(day(e.to) + 1)]),
        "SUMMARY:" + esc(e.summary), "DESCRIPTION:" + esc(e.description), "URL:" + e.url, "TRANSP:TRANSPARENT", "BEGIN:VALARM",
        "ACTION:DISPLAY", "DESCRIPTION:" + esc(e.summary), "TRIGGER:" + (end ? "-PT30M" : "-PT15H"), "END:VALARM", "END:VEVENT");
    });
    return L.concat("END:VCALENDAR").map(fold).join("\r\n") + "\r\n";
  };
  const P = { day, iso, weekend, addBusiness, add, plan, utc, esc, fold, ics };
  if (typeof document == "undefined") return (module.exports = P);
  window.ATIPlanner = P;

  // The page. "ati-profile" is shared with ati.js: in localStorage after opt-in ("ati-remember"), else sessionStorage.
  const K = "ati-profile", S = "ati-planner";
  const store = () => (localStorage.getItem("ati-remember") == "1" ? localStorage : sessionStorage);
  const json = (k) => {
    try { return JSON.parse(store().getItem(k)); } catch (e) { /* storage blocked */ }
  };
  const profile = () => json(K) || (window.ATI ? ATI.readProfile() : {});
  const el = (tag, text, attrs) => {
    const e = document.createElement(tag);
    e.textContent = text;
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  };
  const ms = (d, t) => day(d) * DAY + (t ? mins(t) * 6e4 : 0);
  const fmt = (a, b, t) => new Intl.DateTimeFormat(undefined, { timeZone: "UTC", dateStyle: "full", ...(t && { timeStyle: "short" }) }).formatRange(a, b);
  let render;
  const start = () => {
    const $ = (s) => document.querySelector(s), form = $("[data-ati-planner]"), out = $("[data-ati-plan]"), say = $("[data-ati-plan-status]");
    if (!form) return (render = 0);
    const data = JSON.parse($("#ati-timing").dataset.timing).steps, f = form.elements, list = out.querySelector("ol"), t = list.dataset;
    const here = Intl.DateTimeFormat().resolvedOptions().timeZone, saved = json(S) || {}, v = profile().fields || {};
    const zones = new Set([here, ...(Intl.supportedValuesOf ? Intl.supportedValuesOf("timeZone") : [])]);
    for (const z of zones) f.tz.append(el("option", z));
    f.interview_date.value = v.interview_date || "";
    f.decision_date.value = v.decision_date || "";
    f.promised.value = v.decision_date ? "yes" : "no";
    f.interview_time.value = saved.time || "";
    f.tz.value = zones.has(saved.tz) ? saved.tz : here;
    let events;
    render = () => {
      const date = f.interview_date.value, yes = f.promised.value == "yes", dd = f.decision_date.value, seen = {};
      const promised = yes && dd >= date ? dd : "", company = (profile().fields || {}).company;
      f.decision_date.disabled = !yes;
      list.replaceChildren();
      events = [];
      if ((out.hidden = !/^\d{4}-\d\d-\d\d$/.test(date))) return (say.textContent = t.empty);
      for (const it of plan(data, { date, time: f.interview_time.value, promised })) {
        const s = data.find((x) => x.id == it.id), m = it.move ? { title: t.moveOn, url: s.url } : s.messages[0];
        const n = (seen[m.url] = -~seen[m.url]), title = m.title + (n > 1 ? ` (${n})` : ""), url = new URL(m.url, location).href;
        const note = el("small", ": " + s.when.label), li = el("li", "", { "data-from": it.from, "data-to": it.to });
        // target=_self: a full load (not instant navigation), so the message page reads the stored profile
        note.prepend(el("a", s.title, { href: s.url, target: "_self" }));
        li.append(el("strong", fmt(ms(it.from, it.time && it.start), ms(it.to, it.time), it.time)), el("a", title, { href: m.url, target: "_self" }), note);
        list.append(li);
        events.push({ ...it, summary: title + (company ? " – " + company : ""), description: s.title + ": " + s.when.label + "\n" + url, url, tz: f.tz.value });
      }
      say.textContent = (yes && !promised ? t.ignored + " " : "") + (events.length ? t.done + " " + fmt(ms(date), ms(events[events.length - 1].to)) : "");
    };
    const update = () => {
      try {
        const p = profile(), yes = f.promised.value == "yes";
        p.fields = { ...p.fields, interview_date: f.interview_date.value, decision_date: yes ? f.decision_date.value : "" };
        store().setItem(K, JSON.stringify({ interviewers: [], ...p }));
        store().setItem(S, JSON.stringify({ time: f.interview_time.value, tz: f.tz.value }));
      } catch (e) { /* storage blocked: the schedule still works */ }
      render();
    };
    form.oninput = form.onchange = update;
    form.onsubmit = () => false;
    out.querySelector("button").onclick = () => {
      const a = el("a", "", { download: "follow-up-plan.ics", href: URL.createObjectURL(new Blob([ics(events)], { type: "text/calendar" })) });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 1e4);
    };
    $("[data-ati-planner-nojs]").hidden = true;
    form.hidden = false;
    render();
  };
  const init = () => {
    try { start(); } catch (e) { console.error("planner:", e); }
  };
  if (window.ATI) ATI.onChange(() => render && render());
  if (window.document$) document$.subscribe(init);
  else if (document.readyState == "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
