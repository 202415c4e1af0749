"""The pure core: content bytes and template text in, pages (or every problem) out. No disk access."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator import model, render
from generator.errors import ContentErrors, Problem
from generator.load import Document, load
from generator.schema import schema, validate


@dataclass
class Result:
    """A successful generation: the guide, its pages, its navigation and any warnings."""

    guide: model.Guide
    pages: dict[str, str]
    nav: list
    warnings: list[Problem]
    settings: render.Settings


def classify(name: str) -> str | None:
    """Return the content kind of a file path relative to content/, or None if it is not content."""
    for kind, spec in schema()["kinds"].items():
        if "file" in spec and name == spec["file"]:
            return kind
        if "folder" in spec and name.startswith(spec["folder"] + "/") and name.count("/") == 1:
            return kind
    return None


def _expected_files() -> str:
    """Describe where content files may go."""
    kinds = schema()["kinds"].values()
    return ", ".join([f"{s['folder']}/*.yml" for s in kinds if "folder" in s] + [s["file"] for s in kinds if "file" in s])


def check(content: Mapping[str, bytes], label: str = "content") -> tuple[model.Guide | None, list[Problem]]:
    """Load, validate and link all content; return the guide (None on errors) and every problem."""
    problems: list[Problem] = []
    docs: dict[str, list[Document]] = {}
    for name in sorted(content):
        shown = f"{label}/{name}"
        if not name.endswith((".yml", ".yaml")) or name.rsplit("/", 1)[-1].startswith("."):
            continue
        kind = classify(name)
        if kind is None or name.endswith(".yaml"):
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    "",
                    "file in an unexpected place",
                    expected=_expected_files(),
                    found=name,
                    fix="move or rename it (content files end in .yml)",
                )
            )
            continue
        try:
            doc = load(content[name], shown)
        except ContentErrors as e:
            problems += e.problems
            continue
        docs.setdefault(kind, []).append(doc)
        problems += validate(doc, kind)
    for kind, spec in schema()["kinds"].items():
        if "file" in spec and not docs.get(kind) and not any(p.file == f"{label}/{spec['file']}" for p in problems):
            problems.append(
                Problem(
                    f"{label}/{spec['file']}",
                    1,
                    1,
                    "",
                    "required file missing",
                    expected=spec["description"],
                    found="no such file",
                    fix="restore it from the original repository",
                )
            )
    if problems:  # staged: references and blanks are checked once every file reads and fits the schema
        return None, sorted(problems)
    guide, linked = model.build(docs)
    return guide, sorted(linked)


def generate(
    content: Mapping[str, bytes],
    templates: Mapping[str, str],
    settings: render.Settings | None = None,
    label: str = "content",
    cache=None,
) -> Result:
    """Check the content and render every page; raise ContentErrors listing every problem."""
    guide, problems = check(content, label)
    if guide is None:
        raise ContentErrors(problems)
    settings = settings or render.Settings()
    pages = render.render(guide, templates, settings, cache)
    return Result(guide, pages, render.nav(guide), problems, settings)
