"""The build's bundler: one file per set of modules a page starts, so a page loads its code in one gzip stream.

start.js loads the modules a page names in `data-module` (docs/assets/guide/). Loaded one by one, each file is
gzipped alone and repeats what the others hold; a message page fetched fifteen. For each set of module names that
the built pages use, the build writes one ES module (`pack-<names>.js`) holding those modules and everything they
import, each in its own function scope, and writes the sets into start.js's `PACKS` map; start.js then imports the
pack instead of the modules. What start.js loads itself (the store, and what the store imports) stays modules of
their own, imported by the pack: one store on the page, and no file downloaded twice. The plugin writes the packs
after a MkDocs build; for another engine they are written into the docs folder it builds (engines.packed). Each page
preloads its own pack (render.py). The sources are untouched: without a build, start.js finds no pack and loads the
modules one by one.

A module the bundler cannot wrap faithfully (an exported `let`, top-level `await`, an import it does not
understand, an import cycle) leaves its sets unbundled: the page then loads modules one by one, which still works.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

ENTRY = "start.js"
PACKS_LINE = re.compile(r"^const PACKS = new Map\(\);.*$", re.M)  # start.js's line the build fills in
MODULE_MAP = re.compile(r'\[\s*"([\w-]+)"\s*,\s*"\./([\w-]+\.js)"\s*\]')  # start.js's MODULES entries
DATA_MODULE = re.compile(r'data-module="([\w-]+)"')
DYNAMIC_IMPORT = re.compile(r'\bimport\(\s*"\./([\w-]+\.js)"\s*\)')  # start.js's import("./store.js")
IMPORT = re.compile(r'^import\s*(\{[^}]*\}|\*\s*as\s+\w+)\s*from\s*"\./([\w-]+\.js)";?[ \t]*$', re.M)
ANY_IMPORT = re.compile(r"^import\b", re.M)
EXPORT_DECL = re.compile(r"^export\s+((?:async\s+)?function\*?|const|class)\s+([\w$]+)", re.M)
EXPORT_LIST = re.compile(r"^export\s*\{([^}]*)\};?[ \t]*$", re.M)
UNSUPPORTED = re.compile(r"^(?:export\s+(?:let|var|default|\*)|await\b)", re.M)


class Unbundlable(ValueError):
    """A module the bundler cannot wrap faithfully; its sets are left to load module by module."""


def _bindings(clause: str) -> str:
    """An import clause as a destructuring pattern: `{ a, b as c }` -> `{ a, b: c }`; `* as ns` -> `ns`."""
    if clause.startswith("*"):
        return clause.split()[-1]
    names = [n.strip() for n in clause.strip("{} \n").split(",") if n.strip()]
    return "{ " + ", ".join(": ".join(n.split(" as ")) if " as " in n else n for n in names) + " }"


def parse(source: str) -> tuple[list[tuple[str, str]], list[str], str]:
    """A module's imports (pattern, file), its exported names (as `name` or `local: exported`) and its body."""
    if UNSUPPORTED.search(source):
        raise Unbundlable("an exported let/var, a default or star export, or top-level await")
    imports = [(_bindings(m.group(1)), m.group(2)) for m in IMPORT.finditer(source)]
    body = IMPORT.sub("", source)
    if ANY_IMPORT.search(body):
        raise Unbundlable('an import other than `import { ... } from "./x.js"`')
    exports = [m.group(2) for m in EXPORT_DECL.finditer(body)]
    for m in EXPORT_LIST.finditer(body):
        for name in (n.strip() for n in m.group(1).split(",") if n.strip()):
            local, _, exported = name.partition(" as ")
            exports.append(f"{exported}: {local}" if exported else local)
    body = EXPORT_LIST.sub("", EXPORT_DECL.sub(lambda m: f"{m.group(1)} {m.group(2)}", body))
    return imports, exports, body


def _var(file: str) -> str:
    return "$" + re.sub(r"\W", "_", file.removesuffix(".js"))


def loaded_by_entry(folder: Path) -> set[str]:
    """Every file start.js loads itself, not through a pack: the store it imports and what the store imports."""
    return set(closure(folder, ENTRY)) - {ENTRY}


def closure(folder: Path, file: str, sources: dict[str, str] | None = None) -> list[str]:
    """A file and every file it imports, directly or not (their texts kept in sources, if given)."""
    sources = {} if sources is None else sources
    seen, waiting = [], [file]
    while waiting:
        current = waiting.pop()
        if current not in seen:
            seen.append(current)
            sources.setdefault(current, _read(folder, current))
            waiting += [dep for _, dep in parse_imports(sources[current])] + DYNAMIC_IMPORT.findall(sources[current])
    return seen


def pack(folder: Path, names: list[str], modules: dict[str, str]) -> str:
    """The pack of the named modules: one ES module exporting `modules`, name -> that module's exports."""
    shared = loaded_by_entry(folder)  # already on the page through start.js: imported, not copied
    used: set[str] = set()
    order: list[str] = []
    parsed: dict[str, tuple] = {}

    def visit(file: str, path: tuple[str, ...]) -> None:
        if file in path:
            raise Unbundlable(f"an import cycle through {file}")
        if file in shared:
            used.add(file)
            return
        if file in parsed:
            return
        parsed[file] = parse(_read(folder, file))
        for _, dep in parsed[file][0]:
            visit(dep, (*path, file))
        order.append(file)

    for name in names:
        visit(modules[name], ())
    lines = [f'import * as {_var(f)} from "./{f}";' for f in sorted(used)]
    for file in order:
        imports, exports, body = parsed[file]
        head = "".join(f"const {pattern} = {_var(dep)};\n" for pattern, dep in imports)
        returned = ", ".join(exports)
        lines.append(f"// {file}\nconst {_var(file)} = (() => {{\n{head}{body.strip()}\nreturn {{ {returned} }};\n}})();")
    entries = ", ".join(f'"{name}": {_var(modules[name])}' for name in names)
    lines.append(f"export const modules = {{ {entries} }};")
    return "\n".join(lines) + "\n"


def _read(folder: Path | Mapping[str, str], file: str) -> str:
    """A script's text from its folder, or from a mapping of the folder's texts by file name."""
    if isinstance(folder, Mapping):
        if file not in folder:
            raise OSError(f"no {file}")
        return folder[file]
    return (folder / file).read_text("utf-8")


def page_sets(site_dir: Path, known: set[str]) -> set[tuple[str, ...]]:
    """Each set of module names (sorted) that a built page starts. Each page is unescaped only from each
    `data-module` in it to the next tag, not whole: a match in the unescaped page starts at a literal `data-module`
    and holds no `<`, and no character reference spans a `<`, so the matches are the same."""
    sets = set()
    for page in site_dir.rglob("*.html"):
        text = page.read_text("utf-8", errors="replace")
        names, at = set(), text.find("data-module")
        while at >= 0:
            end = text.find("<", at)
            names.update(DATA_MODULE.findall(html.unescape(text[at : end if end >= 0 else len(text)])))
            at = text.find("data-module", at + 1)
        if names := names & known:
            sets.add(tuple(sorted(names)))
    return sets


def pack_name(names: tuple[str, ...]) -> str:
    return "pack-" + ".".join(names) + ".js"


def packs(folder: Path | Mapping[str, str], sets: Iterable[tuple[str, ...]]) -> dict[str, str]:
    """The pack of each module set that can be bundled, by file name, and start.js with its PACKS map filled in
    (under its own name); nothing if start.js has no PACKS line. folder: the scripts' folder, or its texts by name."""
    source = _read(folder, ENTRY)
    if not PACKS_LINE.search(source):
        return {}
    modules = dict(MODULE_MAP.findall(source))
    out, known = {}, {}
    for names in sorted(sets):
        try:
            out[pack_name(names)] = pack(folder, list(names), modules)
        except (Unbundlable, OSError, KeyError):
            continue  # these pages load their modules one by one
        known[" ".join(names)] = "./" + pack_name(names)
    filled = f"const PACKS = new Map({json.dumps(sorted(known.items()))}); // written by the build (generator/bundle.py)"
    out[ENTRY] = PACKS_LINE.sub(lambda _: filled, source, count=1)
    return out


def packable(folder: Path | Mapping[str, str]) -> dict[str, bool]:
    """Each module of start.js's map -> whether pack() can wrap it with what it imports (a page's set of modules
    gets a pack when each of them can). Each file is parsed once. Empty without a start.js."""
    try:
        modules = dict(MODULE_MAP.findall(_read(folder, ENTRY)))
    except OSError:
        return {}
    shared, done = loaded_by_entry(folder), {}

    def wraps(file: str, path: frozenset[str]) -> bool:
        if file in shared:
            return True
        if file in path:
            return False  # an import cycle
        if file not in done:
            try:
                imports = parse(_read(folder, file))[0]
            except (Unbundlable, OSError):
                imports = None
            done[file] = imports is not None and all(wraps(dep, path | {file}) for _, dep in imports)
        return done[file]

    return {name: wraps(file, frozenset()) for name, file in modules.items()}


def write_packs(site_dir: Path, entry: str, sets: set[tuple[str, ...]] | None = None) -> list[str]:
    """Write a pack for each module set the built pages use (sets: page_sets' answer, if the caller has it), beside
    the built entry (start.js), and fill in its PACKS map; return the packs' paths relative to site_dir. Nothing is
    written if start.js has no PACKS line."""
    folder = (site_dir / entry).parent
    if sets is None:
        sets = page_sets(site_dir, set(dict(MODULE_MAP.findall(_read(folder, ENTRY)))))
    written = []
    for name, text in packs(folder, sets).items():
        (folder / name).write_text(text, "utf-8")
        if name != ENTRY:
            written.append((folder / name).relative_to(site_dir).as_posix())
    return written


# The ways a module reads an interface word (content/ui.yml) other than by its name: ui[`stage_${kind}`] reads every
# word starting `stage_`; counted(ui, "blank", n) reads blank_one, blank_other... (text.js's plural forms).
# tests/test_bundle.py fails on any other computed read, so this list stays complete.
WORD_PREFIX = re.compile(r"\bui\[`(\w+_)\$\{")
COUNTED_NOUN = re.compile(r'\bcounted\(\s*\w+\s*,\s*"(\w+)"')
NAME = re.compile(r"[A-Za-z_]\w*")


def words_read(folder: Path) -> dict[str, tuple[frozenset[str], tuple[str, ...]]] | None:
    """For each module of start.js's map (start.js itself under ""), what its code and its imports may read of the
    interface words: (names, prefixes). None if the folder has no start.js with a module map."""
    try:
        modules = dict(MODULE_MAP.findall(_read(folder, ENTRY)))
    except OSError:
        return None
    if not modules:
        return None
    sources: dict[str, str] = {}
    out = {}
    for name, file in [("", ENTRY), *modules.items()]:
        text = "\n".join(sources[f] for f in closure(folder, file, sources))
        prefixes = WORD_PREFIX.findall(text) + [noun + "_" for noun in COUNTED_NOUN.findall(text)]
        out[name] = (frozenset(NAME.findall(text)), tuple(sorted(set(prefixes))))
    return out


def parse_imports(source: str) -> list[tuple[str, str]]:
    """A module's relative imports (pattern, file), without refusing what the bundler cannot wrap."""
    return [(_bindings(m.group(1)), m.group(2)) for m in IMPORT.finditer(source)]
