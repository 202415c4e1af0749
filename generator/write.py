"""Disk adapters: read the content and template trees, and write generated pages atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path


def read_tree(root: Path, suffixes: tuple[str, ...], refused: list[str] | None = None) -> dict[str, bytes]:
    """Read every file under root whose name ends with one of the suffixes, keyed by its POSIX path.

    Symbolic links (to files or folders, inside or outside root) are never followed: their paths go to refused.
    """
    files = {}
    for folder, dirs, names in os.walk(root, followlinks=False):
        here = Path(folder)
        for name in sorted(dirs + names):
            path = here / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                if refused is not None and (name in dirs or name.endswith(suffixes)):
                    refused.append(rel)
            elif name in names and name.endswith(suffixes) and path.is_file():
                files[rel] = path.read_bytes()
        dirs[:] = sorted(d for d in dirs if not (here / d).is_symlink())
    return dict(sorted(files.items()))


def read_templates(root: Path) -> dict[str, str]:
    """Read the Jinja2 templates as text, keyed by their POSIX path."""
    return {name: data.decode("utf-8") for name, data in read_tree(root, (".j2",)).items()}


def write_pages(pages: Mapping[str, str], out: Path) -> None:
    """Replace the folder out with exactly these pages; on any failure the old folder stays as it was."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        for name, text in pages.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        swap_in(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def staging_dir(site_dir: str | Path) -> str:
    """Return the folder beside site_dir that a build writes into before it replaces site_dir."""
    site = Path(site_dir).resolve()
    return str(site.with_name(f".{site.name}.building-{os.getpid()}"))


def swap_in(staged: Path, out: Path) -> None:
    """Replace the folder out with the folder staged, keeping out as it was until the last moment."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}-old-{os.getpid()}")
        out.rename(old)
    staged.rename(out)
    if old:
        shutil.rmtree(old)


def write_files(files: Mapping[str, str], out: Path) -> None:
    """Write text files into a folder, leaving other files there alone."""
    out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")


def minify_assets(site_dir: Path, paths: list[str]) -> None:
    """Strip comments and white space from the built assets in place, as engines.minified does for other engines
    (each file's result kept in the build cache, generator/buildcache.py).

    A listed script's folder holds the ES modules it imports, so every .js beside it is minified too. First, a
    listed script with a PACKS map (start.js) gets one file per module set the pages use (generator/bundle.py)."""
    import posixpath

    from generator.buildcache import minified_files
    from generator.engines import with_modules

    for rel in paths:
        if rel.endswith(".js") and (site_dir / rel).is_file():
            write_packs(site_dir, rel)
    folders = {posixpath.dirname(posixpath.normpath(p)) for p in paths if p.endswith(".js")}
    built = [p.relative_to(site_dir).as_posix() for folder in sorted(folders) for p in (site_dir / folder).glob("*.js")]
    listed = [rel for rel in with_modules(paths, built) if (site_dir / rel).is_file()]  # only the folders' own scripts
    for rel, data in minified_files({rel: (site_dir / rel).read_bytes() for rel in listed}).items():
        (site_dir / rel).write_bytes(data)


def write_packs(site_dir: Path, entry: str) -> None:
    """bundle.write_packs, or the files it wrote in an earlier build for the same scripts and the same module sets
    on the built pages (generator/buildcache.py)."""
    from generator import buildcache, bundle

    start = site_dir / entry
    scripts = {p.name: p.read_bytes() for p in start.parent.glob("*.js")}
    known = {name for name, _ in bundle.MODULE_MAP.findall(scripts.get(start.name, b"").decode("utf-8", "replace"))}
    sets = bundle.page_sets(site_dir, known)  # every built page read once: for the key, and for the packs on a miss
    digest = buildcache.key(entry, scripts, sorted(sets))
    written = buildcache.load("packs", digest)
    if not isinstance(written, dict):
        written = {rel: (site_dir / rel).read_bytes() for rel in [*bundle.write_packs(site_dir, entry, sets), entry]}
        buildcache.store("packs", digest, written)
        return
    for rel, data in written.items():
        (site_dir / rel).write_bytes(data)
