"""Golden error cases, one per file in tests/golden/errors/: read them, build their project files, write them back."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.write import read_tree

GOLDEN = Path(__file__).parent / "golden"
CASES = GOLDEN / "errors"


class _Dumper(yaml.SafeDumper):
    """Writes multi-line text as literal blocks, so a case file reads like the YAML it holds."""


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)


_Dumper.add_representer(str, _text)


def slug(name: str) -> str:
    """Return a file name for a case's name."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60].rstrip("-")


def read_cases() -> list[tuple[Path, dict]]:
    """Return every case file and its data, in name order."""
    return [(path, yaml.safe_load(path.read_text("utf-8"))) for path in sorted(CASES.glob("*.yml"))]


def write_case(path: Path, case: dict) -> None:
    """Write a case back, in the order name, files, latin1, pad_to, expect."""
    order = ["name", "files", "latin1", "pad_to", "expect"]
    data = {k: case[k] for k in order if k in case}
    path.write_text(yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000), "utf-8")


def project_files(case: dict) -> dict[str, bytes]:
    """Return the fixture project (tests/golden/base as content/) with the case's files applied; None deletes one."""
    files = {f"content/{name}": data for name, data in read_tree(GOLDEN / "base", (".yml",)).items()}
    for name, text in (case.get("files") or {}).items():
        if text is None:
            files.pop(name, None)
        else:
            data = text.encode("utf-8")
            if "pad_to" in case:
                data = data.ljust(case["pad_to"], b"#")
            files[name] = data
    for name, text in (case.get("latin1") or {}).items():
        files[name] = text.encode("latin-1")
    return files
