"""Durations such as "24 hours" or "2 business days": read them, measure them, and match them in JSON Schema."""

from __future__ import annotations

import re
from dataclasses import dataclass

DURATION_RE = re.compile(r"^(\d{1,3}) (hour|day|business day|week)s?$")
UNIT_DAYS = {"hour": 1 / 24, "day": 1, "business day": 7 / 5, "week": 7}


@dataclass(frozen=True)
class Duration:
    """An amount of time: a whole number of hours, days, business days or weeks."""

    amount: int
    unit: str

    @property
    def days(self) -> float:
        """Return the length in calendar days, roughly (business days count 7/5)."""
        return self.amount * UNIT_DAYS[self.unit]

    def to_json(self) -> dict:
        """Return the duration as data for the browser."""
        return {"amount": self.amount, "unit": self.unit.replace(" ", "_")}


def parse_duration(text: str) -> Duration | None:
    """Read "24 hours" or "1 business day", or return None."""
    m = DURATION_RE.fullmatch(text)
    return Duration(int(m.group(1)), m.group(2)) if m else None


def number_pattern(n: int) -> str:
    """Return a regular expression for the whole numbers 0 to n, as DURATION_RE reads them (up to three digits)."""
    digits = str(min(n, 999))
    alternatives = [r"\d" if k == 1 else r"[1-9]\d" + f"{{{k - 1}}}" for k in range(1, len(digits))]
    for i, top in enumerate(digits):
        low, high = (1 if i == 0 and len(digits) > 1 else 0), int(top) - 1
        if high >= low:
            alternatives.append(digits[:i] + f"[{low}-{high}]" + r"\d" * (len(digits) - i - 1))
    alternatives.append(digits)
    return r"(?=\d{1,3} )0*(" + "|".join(alternatives) + ")"
