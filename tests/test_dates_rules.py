"""Property-based tests of the date rules in docs/assets/guide/dates.js and calendar.js, run in real Chromium.

Hypothesis draws hundreds of cases per example (weekends, month and year ends, leap days and the days clocks
change in several time zones); each batch is evaluated with one page.evaluate, in browsers set to time zones
with daylight saving time, and compared with the independent reference in test_dates_reference.py.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import pytest
from _personalize_helpers import expose_date_rules
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_dates_reference import add_business_days, load_steps, reference_plan, shift

pytestmark = pytest.mark.browser

# Browser time zones: clocks change at 01:00 UTC, at 02:00 local, at local midnight, and by half an hour.
BROWSER_ZONES = ["Europe/London", "America/New_York", "America/Santiago", "Australia/Lord_Howe"]
# Zones for the wall-clock to UTC conversion (rules stable over the years drawn).
UTC_ZONES = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kolkata", "UTC"]
UNITS = {"hour": "hours", "day": "days", "business_day": "business days", "week": "weeks"}
STEPS = load_steps()
RUN = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def clock_changes(name: str, start: date, end: date) -> list[date]:
    """The days on which a zone's UTC offset at noon differs from the day before."""
    zone, out, before, d = ZoneInfo(name), [], None, start
    while d < end:
        offset = datetime.combine(d, time(12), zone).utcoffset()
        if before is not None and offset != before:
            out.append(d)
        before, d = offset, d + timedelta(days=1)
    return out


@cache
def special_dates() -> list[date]:
    """Month and year ends, leap days, and each clock-change day of the zones used, with its neighbours."""
    days = set()
    for year in range(1999, 2041):
        for month in range(1, 13):
            first = date(year, month, 1)
            days |= {first, first - timedelta(days=1), first - timedelta(days=2)}
        if year % 4 == 0:
            days.add(date(year, 2, 29))
    for name in set(BROWSER_ZONES + UTC_ZONES):
        for d in clock_changes(name, date(2000, 1, 1), date(2040, 1, 1)):
            days |= {d - timedelta(days=2), d - timedelta(days=1), d, d + timedelta(days=1)}
    return sorted(days)


def test_special_dates_include_clock_changes():
    assert date(2026, 3, 29) in special_dates() and date(2026, 10, 25) in special_dates()  # Europe/London
    assert date(2026, 3, 8) in special_dates() and date(2026, 11, 1) in special_dates()  # America/New_York
    assert date(2025, 12, 31) in special_dates() and date(2024, 2, 29) in special_dates()


dates = st.one_of(st.dates(date(1971, 1, 1), date(2099, 12, 31)), st.sampled_from(special_dates()))
near_changes = [time(h, m) for h in (0, 1, 2, 3) for m in (0, 15, 30, 45)] + [time(23, 30), time(23, 59)]
clock = st.one_of(st.sampled_from(near_changes), st.times().map(lambda t: t.replace(second=0, microsecond=0)))


def hhmm(t: time | None) -> str | None:
    return None if t is None else t.strftime("%H:%M")


@pytest.fixture(scope="module")
def js(browser, site_url):
    """Evaluate one expression on the real planner page in browsers set to each zone; return the zones' results,
    after checking they all agree."""
    contexts, pages = [], []
    for zone in BROWSER_ZONES:
        contexts.append(browser.new_context(timezone_id=zone, locale="en-GB"))
        pages.append(contexts[-1].new_page())
        pages[-1].goto(site_url + "planner/")
        expose_date_rules(pages[-1])
        assert pages[-1].evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone") == zone

    def evaluate(expression, arg=None):
        results = [page.evaluate(expression, arg) for page in pages]
        for zone, result in zip(BROWSER_ZONES[1:], results[1:], strict=True):
            assert result == results[0], f"{zone} disagrees with {BROWSER_ZONES[0]}"
        return results[0]

    yield evaluate
    for context in contexts:
        context.close()


def test_weekends_and_round_trip(js):
    days = [date(1971, 1, 1) + timedelta(days=i) for i in range(0, 365 * 129, 5)]
    text = [d.isoformat() for d in days]
    assert js("ds => ds.map(d => ATIPlanner.weekend(ATIPlanner.day(d)))", text) == [d.weekday() >= 5 for d in days]
    assert js("ds => ds.map(d => ATIPlanner.iso(ATIPlanner.day(d)))", text) == text


@RUN
@given(cases=st.lists(st.tuples(dates, st.integers(0, 40)), min_size=200, max_size=400))
def test_business_days(js, cases):
    got = js(
        "cs => cs.map(([d, n]) => ATIPlanner.iso(ATIPlanner.addBusiness(ATIPlanner.day(d), n)))",
        [[d.isoformat(), n] for d, n in cases],
    )
    assert got == [add_business_days(d, n).isoformat() for d, n in cases]


@RUN
@given(
    cases=st.lists(
        st.tuples(dates, st.none() | clock, st.integers(0, 60), st.sampled_from(sorted(UNITS))), min_size=200, max_size=400
    )
)
def test_durations(js, cases):
    got = js(
        "cs => cs.map(([d, t, a, u]) => ATIPlanner.add([ATIPlanner.day(d), t == null ? null : t.slice(0, 2) * 60 + +t.slice(3)],"
        " {amount: a, unit: u})).map(([d, m]) => [ATIPlanner.iso(d), m])",
        [[d.isoformat(), hhmm(t), a, u] for d, t, a, u in cases],
    )
    want = []
    for d, t, a, u in cases:
        day, at = shift((d, t), f"{a} {UNITS[u]}")
        want.append([day.isoformat(), None if at is None else at.hour * 60 + at.minute])
    assert got == want


@RUN
@given(cases=st.lists(st.tuples(dates, st.none() | clock, st.none() | st.integers(-3, 45)), min_size=100, max_size=250))
def test_schedule_matches_the_reference(js, cases):
    steps = STEPS
    inputs = [
        {"date": d.isoformat(), "time": hhmm(t) or "", "promised": "" if k is None else (d + timedelta(days=k)).isoformat()}
        for d, t, k in cases
    ]
    got = js(
        "ps => { const s = window.pageData.plan;"
        " return ps.map(p => ATIPlanner.plan(s, p).map(i => [i.id, !!i.move, i.from, i.to, i.time])) }",
        inputs,
    )
    for (d, t, k), plan in zip(cases, got, strict=True):
        promised = None if k is None else d + timedelta(days=k)
        want = [
            [i["id"], i["move"], i["from"].isoformat(), i["to"].isoformat(), hhmm(i["time"])]
            for i in reference_plan(steps, d, t, promised)
        ]
        assert plan == want, (d, t, promised)
        assert not any(date.fromisoformat(i[2]).weekday() >= 5 for i in plan if i[0] == "follow-up")


def utc_choices(d: date, t: time, zone: str) -> set[int]:
    """The UTC instants (ms) a wall-clock time may mean: one, or two in a clock change's gap or overlap."""
    naive = datetime.combine(d, t)
    return {int(naive.replace(tzinfo=ZoneInfo(zone), fold=f).astimezone(UTC).timestamp() * 1000) for f in (0, 1)}


@RUN
@given(
    cases=st.lists(
        st.tuples(
            st.one_of(
                st.dates(date(2005, 1, 1), date(2035, 12, 31)),
                st.sampled_from([d for d in special_dates() if 2005 <= d.year <= 2035]),
            ),
            clock,
            st.sampled_from(UTC_ZONES),
        ),
        min_size=200,
        max_size=400,
    )
)
def test_wall_clock_to_utc(js, cases):
    got = js("cs => cs.map(([d, t, z]) => ATIPlanner.utc(d, t, z))", [[d.isoformat(), hhmm(t), z] for d, t, z in cases])
    for (d, t, z), ms in zip(cases, got, strict=True):
        assert ms in utc_choices(d, t, z), (d, t, z)


def test_wall_clock_to_utc_on_clock_change_days(js):
    """Every quarter hour of every London and New York clock-change day from 2020 to 2030, exactly."""
    cases = [
        (d, time(h, m), z)
        for z in ("Europe/London", "America/New_York")
        for d in clock_changes(z, date(2020, 1, 1), date(2031, 1, 1))
        for h in range(24)
        for m in (0, 15, 30, 45)
    ]
    got = js("cs => cs.map(([d, t, z]) => ATIPlanner.utc(d, t, z))", [[d.isoformat(), hhmm(t), z] for d, t, z in cases])
    ambiguous = 0
    for (d, t, z), ms in zip(cases, got, strict=True):
        choices = utc_choices(d, t, z)
        assert ms in choices, (d, t, z)
        ambiguous += len(choices) > 1
    assert ambiguous == 2 * 11 * 2 * 4  # the one-hour gap and overlap, twice a year, in both zones
