"""What a successful generation gives (core.generate), in a module of its own: a build that takes its pages from the
build cache (generator/buildcache.py) loads them without importing the checks or the renderer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator import model, render
    from generator.errors import Problem

WEEKDAYS = ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")  # JavaScript's order


@dataclass
class Result:
    """A successful generation: the guide, its pages, its navigation and any warnings."""

    guide: model.Guide
    pages: dict[str, str]
    nav: list
    warnings: list[Problem]
    settings: render.Settings

    @property
    def ui(self) -> dict[str, str]:
        """The interface words (content/ui.yml)."""
        return self.guide.ui

    def built(self) -> Built:
        """What a build uses of this result."""
        return Built(self.pages, self.nav, self.warnings, self.guide.ui)


@dataclass
class Built:
    """What a build uses of a generation: the pages, the navigation, the warnings and the interface words. The build
    cache keeps this, not the guide's model, so a build that loads it imports neither the checks nor the renderer."""

    pages: dict[str, str]
    nav: list
    warnings: list[Problem]
    ui: dict[str, str]
