"""The build cache: the generator's pages and the minified assets of an earlier build, reused only for the same inputs.

Each entry is keyed on everything its result depends on: the content files and templates (their bytes), the
settings taken from mkdocs.yml, the generator's own code (every file of generator/, schema.yml included) and the
libraries that shape the output (Python, Jinja2, MarkupSafe, PyYAML, MkDocs, Material, the minifier). Any change to
one of them is a new key, so a build never reuses what another input made. The folder is $ATI_CACHE_DIR, else
`after-the-interview-<uid>` in the system's temporary folder, where Jinja kept compiled templates before: a fresh
machine (a CI runner) builds cold. Delete the folder at any time; the next build fills it again.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.util
import os
import pickle
import sys
import tempfile
import types
from pathlib import Path

CACHE_ENV = "ATI_CACHE_DIR"
KEEP = 64  # entries kept per kind (the last written or used); older ones are removed when a new one is written


def minified(path: str, data: bytes) -> bytes:
    """engines.minified of a built asset, or its result for the same path and bytes in an earlier build."""
    from generator.engines import minified as minify

    digest = key(path, data)
    done = load("assets", digest)
    if isinstance(done, bytes):
        return done
    done = minify(path, data)
    store("assets", digest, done, keep=8 * KEEP)  # a build minifies some forty files
    return done


def minified_files(files: dict[str, bytes]) -> dict[str, bytes]:
    """minified() of each file (path -> bytes), or what it gave an earlier build for the very same files: one entry
    read instead of one a file."""
    digest = key(files)
    done = load("asset-sets", digest)
    if isinstance(done, dict):
        return done
    done = {path: minified(path, data) for path, data in files.items()}
    store("asset-sets", digest, done)
    return done


LIBRARIES = ("jinja2", "markupsafe", "yaml", "mkdocs", "properdocs", "material", "minify", "rjsmin", "rcssmin")


def folder() -> Path:
    """The cache folder: $ATI_CACHE_DIR, else one in the system's temporary folder, per user."""
    chosen = os.environ.get(CACHE_ENV)
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(chosen) if chosen else Path(tempfile.gettempdir()) / f"after-the-interview-{uid}"


@functools.cache
def code_key() -> str:
    """A digest of the generator's files and of the libraries it runs on, computed once a process."""
    return code_digest(Path(__file__).parent, {name: _module(name) for name in LIBRARIES})


def _module(name: str):
    """The library of that name where it is imported, else its file as a stand-in (found without running it: a build
    whose assets come from the cache never loads the minifier), or None where it is not installed."""
    if name in sys.modules:
        return sys.modules[name]
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    return None if spec is None else types.SimpleNamespace(__file__=spec.origin)


def code_digest(here: Path, libraries: dict) -> str:
    """A digest of every .py and .yml file in the folder here and of each library (name -> module or None): its
    version where it says one, and its file's path, size and time (a reinstall of another version changes them)."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(here.glob("*.py")) + sorted(here.glob("*.yml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for name, module in sorted(libraries.items()):
        where = Path(getattr(module, "__file__", None) or "")
        stamp = where.stat() if module is not None and where.is_file() else None
        version = vars(module).get("__version__", "") if module is not None else "none"  # MarkupSafe warns on getattr
        ident = f"{name}: {version} {where} {stamp.st_size if stamp else ''} {stamp.st_mtime_ns if stamp else ''}\0"
        digest.update(ident.encode())
    return digest.hexdigest()


def key(*parts) -> str:
    """A digest of the code key and the given parts, unambiguous: bytes, text (any other value as its str()), and
    mappings, sequences, sets and dataclasses of them (a set's order, which changes from process to process, and a
    mapping's do not count)."""
    digest = hashlib.sha256(code_key().encode())

    def feed(value) -> None:
        if isinstance(value, dict):
            digest.update(b"{%d" % len(value))
            for k in sorted(value):
                feed(k)
                feed(value[k])
        elif isinstance(value, list | tuple):
            digest.update(b"[%d" % len(value))
            for item in value:
                feed(item)
        elif isinstance(value, set | frozenset):  # not in the set's order, which changes from process to process
            digest.update(b"<%d" % len(value))
            if all(isinstance(item, str) for item in value):
                data = [item.encode("utf-8") for item in sorted(value)]
            else:
                data = sorted(key(item).encode() for item in value)
            digest.update(b"".join(b"%d:" % len(item) + item for item in data))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            digest.update(type(value).__qualname__.encode())
            feed({f.name: getattr(value, f.name) for f in dataclasses.fields(value)})
        else:
            data = value if isinstance(value, bytes) else str(value).encode("utf-8")
            digest.update(b"%d:" % len(data) + data)

    for part in parts:
        feed(part)
    return digest.hexdigest()


def load(kind: str, digest: str):
    """The value stored under a key, or None (none stored, or unreadable: then it is computed again)."""
    path = folder() / kind / f"{digest}.pickle"
    try:
        with path.open("rb") as f:
            value = pickle.load(f)
        os.utime(path)  # in use: the last to be pruned
        return value
    except Exception:  # noqa: BLE001 - a missing, partial or stale entry is a miss, never an error
        return None


def store(kind: str, digest: str, value, keep: int = KEEP) -> None:
    """Store a value under a key (written whole, then renamed: a reader never sees half a file); keep the newest."""
    where = folder() / kind
    try:
        where.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=where, suffix=".part")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, where / f"{digest}.pickle")
        _prune(where, keep)
    except OSError:
        pass  # a read-only or full disk: the build goes on without the cache


def _prune(where: Path, keep: int) -> None:
    """Remove all but the newest `keep` entries of a kind."""
    entries = list(where.glob("*.pickle"))
    if len(entries) <= keep:
        return
    entries.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in entries[keep:]:
        old.unlink(missing_ok=True)


def templates():
    """Jinja's cache of compiled templates, in the cache folder, keyed by the generator's code and each template's
    source (Jinja compares the source before it reuses the code)."""
    import jinja2

    where = folder() / "templates"
    where.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(where), pattern=f"ati_{code_key()[:16]}_%s.cache")
