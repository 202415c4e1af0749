"""An independent Python reference for the planner's date rules, checked here against the issue's own examples.

The browser tests (test_dates_rules.py, test_planner_page.py) compare docs/assets/guide/dates.js with it. It reads
the timing straight from the YAML in the fixture's content/steps and counts days with datetime and Python's own weekday(),
so it shares no code with the script or the generator.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta
from itertools import count, islice
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixture"  # the engine is tested on this copy of the content
DURATION = re.compile(r"^(\d+) (hour|day|business day|week)s?$")


def load_steps(root: Path = FIXTURE) -> list[dict]:
    """The steps of content/steps, in order, as plain YAML data."""
    steps = [yaml.safe_load(p.read_text("utf-8")) for p in sorted((root / "content" / "steps").glob("*.yml"))]
    return sorted(steps, key=lambda s: (s["order"], s["id"]))


def duration(text: str | None) -> tuple[int, str] | None:
    """Read "5 business days" as (5, "business day")."""
    if text is None:
        return None
    m = DURATION.match(text)
    assert m, f"not a duration: {text!r}"
    return int(m.group(1)), m.group(2)


def weekdays_after(d: date):
    """Every Monday-to-Friday date after d, in order."""
    return (x for x in (d + timedelta(days=i) for i in count(1)) if x.weekday() < 5)


def add_business_days(d: date, n: int) -> date:
    """The n-th weekday after d (d itself for n = 0)."""
    return d if n == 0 else next(islice(weekdays_after(d), n - 1, None))


def shift(moment: tuple[date, time | None], text: str | None) -> tuple[date, time | None]:
    """Move a (date, time or None) by a duration. Hours move the wall clock; without a time they round up to days.

    Any other unit gives a plain date. A zero duration changes nothing.
    """
    d, t = moment
    dur = duration(text)
    if dur is None or dur[0] == 0:
        return moment
    n, unit = dur
    if unit == "hour":
        if t is None:
            return d + timedelta(days=math.ceil(n / 24)), None
        wall = datetime.combine(d, t) + timedelta(hours=n)  # naive: wall-clock arithmetic, no DST
        return wall.date(), wall.time()
    if unit == "business day":
        return add_business_days(d, n), None
    return d + timedelta(days=n * (7 if unit == "week" else 1)), None


def reference_plan(steps: list[dict], interview: date, at: time | None = None, promised: date | None = None) -> list[dict]:
    """The dated schedule: one item per time a step with a message is done, then the point to move on."""
    items: list[dict] = []
    last: tuple[date, time | None] | None = None

    def item(step, start, end, move=False):
        return {"id": step["id"], "move": move, "from": start[0], "to": end[0], "time": end[1]}

    for step in steps:
        when = step["when"]
        if when.get("ongoing") or not step.get("messages"):
            continue
        rule = when
        if when["anchor"] == "promised_date" and promised is None:
            rule = when.get("fallback")
            if rule is None:
                continue
        anchors = {"interview": (interview, at), "promised_date": (promised, None), "previous_follow_up": last}
        base = anchors.get(rule["anchor"])
        if base is None:
            continue
        first = shift(base, rule.get("after"))
        repeat = when.get("repeat")
        times = repeat["times"] if repeat else 1
        starts = [first]
        for _ in range(times - 1):
            starts.append(shift(starts[-1], repeat["every"]))
        for start in starts:
            items.append(item(step, start, shift(start, rule.get("within"))))
        last = starts[-1]
        if repeat:
            end = shift(starts[-1], repeat.get("move_on", repeat["every"]))
            items.append(item(step, end, end, move=True))
    return items


def by_id(items: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for it in items:
        out.setdefault(("move-on" if it["move"] else it["id"]), []).append(it)
    return out


# The issue's rules, worked by hand on a calendar (March 2026: the 6th is a Friday).


def test_friday_interview_without_a_promised_date():
    plan = by_id(reference_plan(load_steps(), date(2026, 3, 6)))
    thanks = plan["thank-you"][0]
    assert thanks["from"] == date(2026, 3, 6) and thanks["to"] == date(2026, 3, 7)  # within 24 hours: Saturday, not Sunday
    assert plan["linkedin"][0]["to"] == date(2026, 3, 7)
    inquiry = plan["follow-up"][0]
    assert (inquiry["from"], inquiry["to"]) == (date(2026, 3, 13), date(2026, 3, 17))  # 5 to 7 business days
    assert [f["from"] for f in plan["follow-up-again"]] == [date(2026, 3, 20), date(2026, 3, 27)]
    assert plan["move-on"][0]["from"] == date(2026, 4, 3)


def test_promised_friday_gives_monday_and_weekends_are_skipped():
    steps = load_steps()
    assert by_id(reference_plan(steps, date(2026, 3, 2), None, date(2026, 3, 13)))["follow-up"][0]["from"] == date(2026, 3, 16)
    assert by_id(reference_plan(steps, date(2026, 3, 2), None, date(2026, 3, 14)))["follow-up"][0]["from"] == date(2026, 3, 16)
    assert by_id(reference_plan(steps, date(2026, 3, 2), None, date(2026, 3, 10)))["follow-up"][0]["from"] == date(2026, 3, 11)


def test_year_end_and_time_of_day():
    plan = by_id(reference_plan(load_steps(), date(2025, 12, 31), time(16, 30), date(2025, 12, 31)))
    assert plan["thank-you"][0]["to"] == date(2026, 1, 1) and plan["thank-you"][0]["time"] == time(16, 30)
    assert plan["linkedin"][0]["time"] is None
    assert plan["follow-up"][0]["from"] == date(2026, 1, 1)  # public holidays are not known to the planner
    assert add_business_days(date(2024, 12, 27), 3) == date(2025, 1, 1)
    assert add_business_days(date(2024, 2, 28), 2) == date(2024, 3, 1)
    assert shift((date(2024, 2, 28), time(23, 0)), "24 hours") == (date(2024, 2, 29), time(23, 0))


def test_the_schedule_has_every_item_the_issue_asks_for():
    items = reference_plan(load_steps(), date(2026, 3, 4))
    kinds = [("move-on" if i["move"] else i["id"]) for i in items]
    assert kinds == ["thank-you", "linkedin", "follow-up", "follow-up-again", "follow-up-again", "move-on"]
    assert all(i["from"] <= i["to"] for i in items)
    assert all(i["from"].weekday() < 5 for i in items if i["id"].startswith("follow-up"))
