"""The point to move on comes from the content's repeat.move_on, not from the script."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from _personalize_helpers import expose_date_rules


@pytest.mark.browser
@pytest.mark.parametrize("weeks", [1, 3])
def test_move_on_follows_the_content(page, site_url, weeks):
    page.goto(site_url + "planner/")
    expose_date_rules(page)
    items = page.evaluate(
        """weeks => {
            const steps = window.pageData.plan;
            for (const s of steps) if (s.when.repeat) s.when.repeat.move_on = {amount: weeks, unit: 'week'};
            return window.ATIPlanner.plan(steps, {date: '2026-03-03', time: '', promised: '2026-03-10'});
        }""",
        weeks,
    )
    follow_ups = [i for i in items if i["id"] == "follow-up-again" and not i["move"]]
    [move] = [i for i in items if i["move"]]
    last = date.fromisoformat(follow_ups[-1]["from"])
    assert date.fromisoformat(move["from"]) == last + timedelta(weeks=weeks)
