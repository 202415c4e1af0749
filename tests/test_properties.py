"""Property-based: any YAML document or text fed to the loader and validator gives a guide or content errors, never a crash."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.core import check
from generator.errors import Problem
from generator.write import read_tree

BASE = read_tree(Path(__file__).parent / "golden" / "base", (".yml",))
NAMES = [
    "steps/01-thank-you.yml",
    "steps/99-new.yml",
    "messages/thanks.yml",
    "messages/new.yml",
    "blanks.yml",
    "situations.yml",
    "topics/new.yml",
]
KEYS = [
    "id",
    "order",
    "title",
    "summary",
    "when",
    "anchor",
    "after",
    "within",
    "actions",
    "messages",
    "variants",
    "body",
    "subject",
    "label",
    "blanks",
    "situations",
    "step",
    "length",
    "sentences",
    "characters",
    "repeat",
    "times",
    "x",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10**6),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["thank-you", "thanks", "24 hours", "1 business day", "interview", "[Company]", "[Nope", "no", "1.10"]),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=6)),
    max_leaves=25,
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome(files: dict[str, bytes]) -> None:
    guide, problems = check(files)
    assert all(isinstance(p, Problem) and p.file.startswith("content/") and p.line >= 1 for p in problems)
    assert (guide is None) == any(p.severity == "error" for p in problems)


@FAST
@given(name=st.sampled_from(NAMES), doc=documents)
def test_random_documents(name, doc):
    outcome({**BASE, name: yaml.safe_dump(doc, allow_unicode=True).encode("utf-8")})


@FAST
@given(name=st.sampled_from(NAMES), text=st.text(max_size=200))
def test_random_text(name, text):
    outcome({**BASE, name: text.encode("utf-8")})


@FAST
@given(name=st.sampled_from(NAMES), data=st.binary(max_size=200))
def test_random_bytes(name, data):
    outcome({**BASE, name: data})


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, path + (i,))


@FAST
@given(name=st.sampled_from(sorted(BASE)), pick=st.integers(0, 10**6), new=documents)
def test_one_field_of_valid_content_replaced_by_anything(name, pick, new):
    data = yaml.safe_load(BASE[name])
    paths = [p for p in _paths(data) if p]
    path = paths[pick % len(paths)]
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = new
    outcome({**BASE, name: yaml.safe_dump(data, allow_unicode=True).encode("utf-8")})
