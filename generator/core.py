"""The pure core: content bytes and template text in, pages (or every problem) out. No disk access."""

from __future__ import annotations

from collections.abc import Mapping

from generator import links, model, render
from generator.errors import ContentErrors, Problem
from generator.fields import Context
from generator.load import Document, load
from generator.result import Result
from generator.schema import Schema, compiled

__all__ = ["Result", "check", "classify", "generate", "known_ids"]


def classify(name: str, using: Schema | None = None) -> str | None:
    """Return the content kind of a file path relative to content/, or None if it is not content."""
    for kind, spec in (using or compiled()).raw["kinds"].items():
        if "file" in spec and name == spec["file"]:
            return kind
        if "folder" in spec and name.startswith(spec["folder"] + "/") and name.count("/") == 1:
            return kind
    return None


def _expected_files(using: Schema) -> str:
    """Describe where content files may go."""
    kinds = using.raw["kinds"].values()
    return ", ".join([f"{s['folder']}/*.yml" for s in kinds if "folder" in s] + [s["file"] for s in kinds if "file" in s])


def check(
    content: Mapping[str, bytes], label: str = "content", using: Schema | None = None
) -> tuple[model.Guide | None, list[Problem]]:
    """Load, validate and link all content; return the guide (None on errors) and every problem, all stages in one run."""
    try:
        using = using or compiled()
    except ContentErrors as e:
        return None, sorted(e.problems)
    gaps = using.require(model.needs())
    if gaps:
        return None, gaps
    problems: list[Problem] = []
    docs: dict[str, list[Document]] = {}
    checked: list[tuple[str, Context]] = []
    incomplete: set[str] = set()  # kinds and types whose ids a broken file may hide: no "unknown id" for them
    for name in sorted(content):
        shown = f"{label}/{name}"
        if not name.endswith((".yml", ".yaml")) or name.rsplit("/", 1)[-1].startswith("."):
            continue
        kind = classify(name, using)
        if kind is None or name.endswith(".yaml"):
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    "",
                    "file in an unexpected place",
                    expected=_expected_files(using),
                    found=name,
                    fix="move or rename it (content files end in .yml)",
                )
            )
            meant = classify(name.removesuffix(".yaml") + ".yml", using)
            incomplete |= using.kinds[meant].reach() if meant else set()
            continue
        try:
            doc = load(content[name], shown)
        except ContentErrors as e:
            problems += e.problems
            incomplete |= using.kinds[kind].reach()
            continue
        ctx = using.inspect(doc, kind)
        problems += ctx.problems
        incomplete |= ctx.incomplete
        checked.append((kind, ctx))
        docs.setdefault(kind, []).append(doc)
    for kind, spec in using.raw["kinds"].items():
        if "file" in spec and not docs.get(kind):
            incomplete |= using.kinds[kind].reach()
            if not any(p.file == f"{label}/{spec['file']}" for p in problems):
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
    problems += links.link(checked, incomplete)
    if any(p.severity == "error" for p in problems):
        return None, sorted(problems)
    return model.build(docs), sorted(problems)


def known_ids(content: Mapping[str, bytes], using: Schema | None = None) -> dict[str, list[str]]:
    """Return the ids the content declares, by kind or type, from every file that loads (for the editors' schemas)."""
    using = using or compiled()
    ids: dict[str, set[str]] = {}
    for name in sorted(content):
        kind = classify(name, using)
        if kind is None and "/" in name:  # a language's folder (de/tones.yml): its ids are valid there
            kind = classify(name.split("/", 1)[1], using)
        if kind is None or not name.endswith(".yml"):
            continue
        try:
            doc = load(content[name], name)
        except ContentErrors:
            continue
        for owner, id, _path, scope in using.inspect(doc, kind).ids:
            if scope != "file":
                ids.setdefault(owner, set()).add(id)
    return {owner: sorted(found) for owner, found in ids.items()}


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
