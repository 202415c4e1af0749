"""Load YAML text safely into plain values, remembering where every value stands."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from generator.errors import ContentErrors, Problem

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: same nodes and marks, faster
MAX_BYTES = 256 * 1024
MAX_NODES = 20_000
MAX_DEPTH = 50

Path = tuple  # a field path: keys and list indexes, such as ("variants", 0, "body")


@dataclass(frozen=True)
class Mark:
    """Where a value (and its key) starts in the file, 1-based, and how it was written."""

    line: int
    column: int
    key_line: int
    key_column: int
    style: str | None = None  # None for a plain scalar, '|', '>', '"' or "'" otherwise
    raw: str | None = None  # the source text of a scalar


@dataclass
class Document:
    """One YAML file's values, with the mark of every field path."""

    file: str
    data: object
    marks: dict[Path, Mark] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def mark(self, path: Path) -> Mark:
        """Return the mark of a path, or of its nearest ancestor that has one."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, Mark(1, 1, 1, 1))

    def problem(self, path: Path, message: str, *, at_key: bool = False, **details: str) -> Problem:
        """Make a problem located at the value (or the key) of a path."""
        m = self.mark(path)
        line, column = (m.key_line, m.key_column) if at_key else (m.line, m.column)
        return Problem(self.file, line, column, field_path(path), message, **details)


def field_path(path: Path) -> str:
    """Write a path as `variants[0].body`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _decode(raw: bytes, file: str) -> str:
    """Decode UTF-8 text, or say where the first byte that is not UTF-8 stands."""
    if len(raw) > MAX_BYTES:
        raise ContentErrors(
            [
                Problem(
                    file,
                    1,
                    1,
                    "",
                    "file too large",
                    expected=f"at most {MAX_BYTES // 1024} KiB",
                    found=f"{len(raw) // 1024} KiB",
                    fix="split it into smaller files",
                )
            ]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        before = raw[: e.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise ContentErrors(
            [
                Problem(
                    file,
                    line,
                    column,
                    "",
                    "the file is not UTF-8 text",
                    expected="UTF-8",
                    found=f"the byte 0x{raw[e.start]:02x}",
                    fix="save the file as UTF-8 in your editor",
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


def _tabs(text: str, file: str) -> list[Problem]:
    """Find tabs used for indentation, which YAML forbids."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(
                Problem(
                    file,
                    number,
                    indent.index("\t") + 1,
                    "",
                    "tab used for indentation",
                    expected="spaces",
                    found="a tab",
                    fix="replace the tab with spaces",
                )
            )
    return problems


class _Builder:
    """Turn a composed YAML node tree into plain values, recording marks and refusing surprises."""

    def __init__(self, file: str, tolerant: bool = False):
        self.file = file
        self.tolerant = tolerant  # read unknown tags (such as MkDocs' !ENV) as plain values
        self.marks: dict[Path, Mark] = {}
        self.problems: list[Problem] = []
        self.count = 0
        self.constructor = SafeConstructor()
        self.seen: set[int] = set()
        self.alias: Path | None = None  # the outermost alias being expanded

    def fail(self, mark: yaml.Mark, path: Path, message: str, **details: str) -> None:
        """Record a problem at a YAML mark."""
        self.problems.append(Problem(self.file, mark.line + 1, mark.column + 1, field_path(path), message, **details))

    def value(self, node: yaml.Node, path: Path, key_mark: yaml.Mark | None, stack: tuple) -> object:
        """Build the value of one node and the marks of everything under it."""
        start = node.start_mark
        km = key_mark or start
        style = getattr(node, "style", None) or None  # libyaml writes "" for plain
        raw = node.value if isinstance(node, yaml.ScalarNode) else None
        self.marks[path] = Mark(start.line + 1, start.column + 1, km.line + 1, km.column + 1, style, raw)
        self.count += 1
        if self.count > MAX_NODES or len(stack) > MAX_DEPTH:
            raise _TooBig(self.alias or path)
        if id(node) in stack:
            raise _TooBig(self.alias or path)
        outer = self.alias is None and id(node) in self.seen and not isinstance(node, yaml.ScalarNode)
        if outer:
            self.alias = path
        self.seen.add(id(node))
        try:
            return self._build(node, path, stack)
        finally:
            if outer:
                self.alias = None

    def _build(self, node: yaml.Node, path: Path, stack: tuple) -> object:
        """Build a scalar, list or mapping node's value."""
        start = node.start_mark
        if self.tolerant and not node.tag.startswith("tag:yaml.org,2002:"):
            node = _retag(node)
        if isinstance(node, yaml.ScalarNode):
            if node.tag == STR:
                return node.value  # what SafeConstructor gives a string, without its bookkeeping (most of the values)
            try:
                return self.constructor.construct_object(node, deep=True)
            except (ConstructorError, ValueError) as e:
                self.fail(
                    start,
                    path,
                    "unsupported value",
                    expected="plain text, a number or true/false",
                    found=f"{node.tag} ({e})",
                    fix="remove the tag or quote the value",
                )
                return None
        if node.tag not in ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
            self.fail(start, path, "unsupported tag", expected="a plain mapping or list", found=node.tag, fix="remove the tag")
            return None
        inner = stack + (id(node),)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, path + (i,), None, inner) for i, item in enumerate(node.value)]
        result: dict[str, object] = {}
        seen: dict[str, yaml.Mark] = {}
        for key_node, value_node in node.value:
            km = key_node.start_mark
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.fail(
                    km,
                    path,
                    "merge keys (<<) are not supported",
                    expected="each key written out",
                    found="<<",
                    fix="write the keys out in full",
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(
                    km,
                    path,
                    "a key must be a plain word",
                    expected="a key such as 'title'",
                    found="a list or mapping used as a key",
                    fix="use a plain word as the key",
                )
                continue
            key = str(key_node.value)
            if key in seen:
                first = seen[key]
                self.fail(
                    km,
                    path + (key,),
                    "duplicate key",
                    expected="each key once",
                    found=f"'{key}' again, first at line {first.line + 1}",
                    fix="remove one of the two or merge them",
                )
                continue
            seen[key] = km
            result[key] = self.value(value_node, path + (key,), km, inner)
        return result


STR = "tag:yaml.org,2002:str"


def _retag(node: yaml.Node) -> yaml.Node:
    """Return a node with an application tag (such as !ENV) read as a plain string, list or mapping."""
    kind = {yaml.ScalarNode: "str", yaml.SequenceNode: "seq", yaml.MappingNode: "map"}[type(node)]
    return type(node)(f"tag:yaml.org,2002:{kind}", node.value, node.start_mark, node.end_mark)


class _TooBig(Exception):
    """Aliases expanded past the size limit, or refer to themselves."""

    def __init__(self, path: Path):
        self.path = path


def load(raw: bytes, file: str, tolerant: bool = False) -> Document:
    """Parse one YAML file's bytes into a Document, or raise ContentErrors naming every problem found."""
    text = _decode(raw, file)
    problems = _tabs(text, file)
    if problems:
        raise ContentErrors(problems)
    try:
        node = yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(str(part) for part in (e.context, e.problem) if part)
        raise ContentErrors(
            [
                Problem(
                    file,
                    line,
                    column,
                    "",
                    "YAML syntax error: " + message,
                    fix="check indentation, colons and quotes on this line or the one before",
                )
            ]
        ) from None
    except yaml.YAMLError as e:
        raise ContentErrors([Problem(file, 1, 1, "", f"YAML error: {e}")]) from None
    lines = text.splitlines()
    if node is None:
        return Document(file, None, {(): Mark(1, 1, 1, 1)}, lines)
    builder = _Builder(file, tolerant)
    try:
        data = builder.value(node, (), None, ())
    except _TooBig as e:
        keyed = e.path
        while keyed and isinstance(keyed[-1], int):
            keyed = keyed[:-1]
        m = builder.marks.get(keyed, Mark(1, 1, 1, 1))
        raise ContentErrors(
            [
                Problem(
                    file,
                    m.key_line,
                    m.key_column,
                    field_path(e.path),
                    "aliases expand too far",
                    expected=f"at most {MAX_NODES} values and {MAX_DEPTH} levels, with no alias inside itself",
                    found="more, or an alias that refers to itself",
                    fix="write the values out instead of using anchors (&) and aliases (*)",
                )
            ]
        ) from None
    if builder.problems:
        raise ContentErrors(builder.problems)
    return Document(file, data, builder.marks, lines)
