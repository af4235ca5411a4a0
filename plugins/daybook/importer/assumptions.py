"""What the importer took as given on a page (zone, date, order, rollovers), and from where."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ZONE = "zone"
DAY_ZONE = "timeline zone"
DATE = "date"
ORDER = "order"
ROLLOVER = "midnight"
DAYLIGHT_SAVING = "daylight saving"
REFERENCE = "reference time"


@dataclass(frozen=True, slots=True)
class Assumption:
    """One thing the importer assumed: *what* (zone, date, …), the *value* it took, and the
    evidence it came *from* (a line of the page, an option, the timeline's settings)."""

    what: str
    value: str
    source: str
    line: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The report's JSON form of this assumption."""
        return {"what": self.what, "value": self.value, "from": self.source, "line": self.line}

    def describe(self) -> str:
        """One line for the text report."""
        return f"{self.what}: {self.value} (from {self.source})"


def quoted(line: int, text: str, limit: int = 60) -> str:
    """'line 12: "Thursday, April 4"': a page line named for a report, shortened."""
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return f"line {line}: {shown!r}"
