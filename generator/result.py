"""What a successful generation gives (core.generate), in a module of its own: a build that takes its pages from the
build cache (generator/buildcache.py) loads them without importing the checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator import model, render
    from generator.errors import Problem


@dataclass
class Result:
    """A successful generation: the guide, its pages, its navigation and any warnings."""

    guide: model.Guide
    pages: dict[str, str]
    nav: list
    warnings: list[Problem]
    settings: render.Settings
