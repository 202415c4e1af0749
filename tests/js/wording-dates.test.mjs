// Dates in docs/assets/guide/wording.js, run in child processes under time zones either side of Greenwich.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const MODULE = fileURLToPath(new URL("../../docs/assets/guide/wording.js", import.meta.url));

// Runs in the child: every case formatted with "today" fixed at 2026-06-15 local time.
const SCRIPT = `
const { formatDate, parseIsoDate } = await import(process.argv[1]);
const today = new Date(2026, 5, 15, 23, 30);
const d = parseIsoDate("2026-03-03");
const out = {
  parts: [d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()],
  gb: formatDate("2026-03-03", { locale: "en-GB", today }),
  us: formatDate("2026-03-03", { locale: "en-US", today }),
  de: formatDate("2026-03-03", { locale: "de-DE", today }),
  gbWeekday: formatDate("2026-03-03", { locale: "en-GB", weekday: true, today }),
  usWeekday: formatDate("2026-03-03", { locale: "en-US", weekday: true, today }),
  deWeekday: formatDate("2026-03-03", { locale: "de-DE", weekday: true, today }),
  gbOtherYear: formatDate("2027-01-01", { locale: "en-GB", today }),
  deOtherYearWeekday: formatDate("2025-12-31", { locale: "de-DE", weekday: true, today }),
  newYear: formatDate("2026-01-01", { locale: "en-US", today }),
  dstDay: formatDate("2026-03-08", { locale: "en-US", weekday: true, today }),
  invalid: [parseIsoDate("2026-02-30"), parseIsoDate("2026-3-3"), parseIsoDate(""), parseIsoDate(null)],
  notIso: formatDate("next Friday", { today }),
  leap: parseIsoDate("2028-02-29")?.getDate(),
  earlyYear: parseIsoDate("0099-01-02")?.getFullYear(),
};
console.log(JSON.stringify(out));
`;

const EXPECTED = {
  parts: [2026, 2, 3, 0],
  gb: "3 March",
  us: "March 3",
  de: "3. März",
  gbWeekday: "Tuesday 3 March",
  usWeekday: "Tuesday, March 3",
  deWeekday: "Dienstag, 3. März",
  gbOtherYear: "1 January 2027",
  deOtherYearWeekday: "Mittwoch, 31. Dezember 2025",
  newYear: "January 1",
  dstDay: "Sunday, March 8",
  invalid: [null, null, null, null],
  notIso: "next Friday",
  leap: 29,
  earlyYear: 99,
};

for (const tz of ["America/Los_Angeles", "Pacific/Auckland", "UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
  test(`dates are local calendar dates under TZ=${tz}`, () => {
    const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", SCRIPT, MODULE], {
      env: { ...process.env, TZ: tz },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    assert.deepEqual(JSON.parse(stdout), EXPECTED);
  });
}

test("the child really runs in another time zone (so the test above can fail)", () => {
  const offset = (tz) =>
    execFileSync(process.execPath, ["-e", "console.log(new Date(2026, 0, 1).getTimezoneOffset())"], { env: { ...process.env, TZ: tz }, encoding: "utf8" }).trim();
  assert.equal(offset("America/Los_Angeles"), "480");
  assert.equal(offset("Pacific/Auckland"), "-780");
});
