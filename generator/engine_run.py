"""Build or serve the site with ProperDocs or Zensical, each in its own virtual environment created on demand.

    python -m generator.engine_run build --engine properdocs|zensical
    python -m generator.engine_run serve --engine properdocs|zensical [--dev-addr 127.0.0.1:8000]
    python -m generator.engine_run venv --engine properdocs|zensical [--venv DIR]

ProperDocs runs our MkDocs plugin, so it builds the project as it is. Zensical runs no Python plugin: the generator
writes a plain project to build/zensical/ (docs/ with the generated pages and minified assets, overrides/, and
mkdocs.yml without the plugin, its nav written in), Zensical builds that, and the result replaces site/.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from generator import languages as langs
from generator.engines import (
    ENGINES,
    Engine,
    docs_files,
    dump_config,
    for_language,
    languages_of,
    local_assets,
    plain_config,
    read_config,
)

WATCHED = ("content", "templates", "docs", "overrides", "mkdocs.yml")


def ensure_venv(engine: Engine, root: Path, venv: Path | None = None) -> Path:
    """Create the engine's virtual environment (or bring it up to date with its pins); return its folder."""
    venv = (venv or root / engine.venv).resolve()
    wanted = list(engine.requirements) + (["-e", str(root)] if engine.with_project else [])
    pyproject = (root / "pyproject.toml").read_bytes() if engine.with_project else b""  # its pins are part of the stamp
    stamp_text = hashlib.sha256(repr(wanted).encode() + pyproject).hexdigest()
    stamp = venv / ".installed-engine"
    if stamp.is_file() and stamp.read_text() == stamp_text:
        return venv
    if not (venv / "bin" / "python").exists() and subprocess.run([sys.executable, "-m", "venv", str(venv)]).returncode:
        raise SystemExit(f"could not create the virtual environment {venv}")
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    print(f"installing {' '.join(wanted)} into {venv}", file=sys.stderr)
    if subprocess.run(pip + wanted).returncode:
        raise SystemExit(f"could not install {' '.join(wanted)} into {venv} (pip's message is above)")
    stamp.write_text(stamp_text)
    return venv


def read_files(root: Path) -> dict[str, bytes]:
    """Every file under root, keyed by its POSIX path (nothing if root does not exist)."""
    if not root.is_dir():
        return {}
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def sync(files: dict[str, bytes], out: Path) -> int:
    """Make the folder out hold exactly these files, writing only the changed ones; return how many changed."""
    out.mkdir(parents=True, exist_ok=True)
    changed = 0
    for name, data in files.items():
        target = out / name
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            changed += 1
    for path in sorted(out.rglob("*"), reverse=True):
        name = path.relative_to(out).as_posix()
        if path.is_file() and name not in files:
            path.unlink()
            changed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed


def generate(config_file: Path, language=None):
    """Run every check and generate the pages through the project adapter; return its Result, or None after printing.

    language: an added language (generator.languages.Language) to generate instead of the default one.
    """
    from generator import project

    outcome = project.check(config_file, source_links=True)
    if outcome.problems:
        print(outcome.report(), file=sys.stderr)
    if outcome.failed or language is None or language.default:
        return None if outcome.failed else outcome.result
    config, _ = project.load_config(config_file)
    other = project.run(config, config.plugins[project.PLUGIN].config, strict=True, language=language, source_links=True)
    return None if other.failed else other.result


def write_docs(config_file: Path, pages: dict[str, str], out: Path) -> int:
    """Write the docs folder another engine builds: docs_dir's files, the assets minified, the pages; return changes."""
    raw = read_config(config_file.read_text("utf-8"))
    docs = read_files(config_file.parent / raw.get("docs_dir", "docs"))
    try:
        files = docs_files(pages, docs, local_assets(raw))
    except ValueError as e:  # a user's file in the way of a generated page: say so, without a traceback
        raise SystemExit(str(e)) from None
    return sync(files, out)


def export(config_file: Path, out: Path, site_url: str | None = None, language=None) -> bool:
    """Write the plain project (docs/, overrides/, mkdocs.yml) that a plugin-less engine builds; False on errors.

    language: one of mkdocs.yml's languages (default: the first); an added one builds the site for its /code/ folder.
    """
    result = generate(config_file, language)
    if result is None:
        return False
    raw = read_config(config_file.read_text("utf-8"))
    write_docs(config_file, result.pages, out / "docs")
    custom = (raw.get("theme") or {}).get("custom_dir")
    plain = plain_config(raw, result.nav, site_url or os.environ.get("SITE_URL"), langs.branding_words(result.ui))
    config = for_language(plain, language, languages_of(raw))  # the manifest's lang follows the language's theme
    langs.localize(config, language, langs.branding_words(result.ui))
    sync(static_templates(config, read_files(config_file.parent / custom)) if custom else {}, out / "overrides")
    text = dump_config(config)
    target = out / "mkdocs.yml"
    if not target.is_file() or target.read_text("utf-8") != text:
        target.write_text(text, "utf-8")
    return True


def static_templates(raw: dict, files: dict[str, bytes]) -> dict[str, bytes]:
    """The theme folder's files with theme.static_templates rendered (the manifest), as MkDocs renders them."""
    import jinja2

    names = (raw.get("theme") or {}).get("static_templates") or []
    done = {
        n: jinja2.Environment().from_string(files[n].decode("utf-8")).render(config=raw).encode() for n in names if n in files
    }
    return files | done


def replace_site(built: Path, site: Path) -> None:
    """Move a finished build into place as site/, removing the old one only once the new one is there."""
    old = site.with_name(f".{site.name}-old-{os.getpid()}")
    if site.exists():
        site.rename(old)
    built.rename(site)
    shutil.rmtree(old, ignore_errors=True)


def build(name: str, root: Path, venv: Path | None = None, site: Path | None = None, site_url: str | None = None) -> int:
    """Build the site with an engine into mkdocs.yml's site_dir (or site); a failed build leaves the old one as it was.

    venv: an existing virtual environment of the engine (default: its own, created or updated first).
    site_url: the address the site is published at (default: SITE_URL, else mkdocs.yml's).
    """
    engine = ENGINES[name]
    venv = venv.resolve() if venv else ensure_venv(engine, root)
    exe = str(venv / "bin" / engine.command)
    site = (site or root / read_config((root / "mkdocs.yml").read_text("utf-8")).get("site_dir", "site")).resolve()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    if engine.runs_plugin:
        return subprocess.run([exe, "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)], cwd=root, env=env).returncode
    every = languages_of(read_config((root / "mkdocs.yml").read_text("utf-8"))) or [None]
    for language in every:  # the default language first: it replaces the whole site, each other one its folder
        work = root / "build" / name / (language.prefix if language else "")
        if not export(root / "mkdocs.yml", work, site_url, language):
            return 1
        shutil.rmtree(work / "site", ignore_errors=True)
        done = subprocess.run([exe, "build", "--clean", "--strict", "-f", "mkdocs.yml"], cwd=work, env=env)
        if done.returncode != 0:
            return done.returncode
        replace_site(work / "site", site / (language.prefix if language else ""))
    return 0


def _stamp(root: Path) -> tuple:
    """The modification times of every watched file: changes when a source is saved, added or removed."""
    stamps = []
    for name in WATCHED:
        path = root / name
        paths = sorted(path.rglob("*")) if path.is_dir() else [path]
        stamps += [(str(p), p.stat().st_mtime_ns) for p in paths if p.is_file()]
    return tuple(stamps)


def serve(name: str, root: Path, addr: str, venv: Path | None = None) -> int:
    """Serve the site with an engine, rebuilding on every save (for Zensical, our watcher regenerates its docs)."""
    engine = ENGINES[name]
    venv = venv.resolve() if venv else ensure_venv(engine, root)
    exe = str(venv / "bin" / engine.command)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if engine.runs_plugin:  # the engine runs our plugin, which watches content/ and templates/: hand over to it
        os.chdir(root)
        os.execve(exe, [exe, "serve", "-f", "mkdocs.yml", "--dev-addr", addr], env)
    work, url = root / "build" / name, f"http://{addr}/"
    if not export(root / "mkdocs.yml", work, url):
        return 1
    server = subprocess.Popen([exe, "serve", "-f", "mkdocs.yml", "--dev-addr", addr], cwd=work, env=env)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # terminated: stop the engine's server too (finally below)
    seen = _stamp(root)
    try:
        while server.poll() is None:
            time.sleep(0.3)
            now = _stamp(root)
            if now != seen:
                seen = now
                start = time.perf_counter()
                if export(root / "mkdocs.yml", work, url):
                    print(f"regenerated the docs in {time.perf_counter() - start:.2f} s", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run build, serve or venv."""
    parser = argparse.ArgumentParser(prog="python -m generator.engine_run", description=__doc__)
    parser.add_argument("command", choices=["build", "serve", "venv"])
    parser.add_argument("--engine", choices=sorted(ENGINES), required=True)
    parser.add_argument("--venv", type=Path, help="an existing virtual environment of the engine (default: .venv-ENGINE)")
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="serve: the address (default: 127.0.0.1:8000)")
    parser.add_argument("--site-dir", type=Path, help="build: the folder to write (default: site)")
    args = parser.parse_args(argv)
    root = Path.cwd()
    if args.command == "venv":
        print(ensure_venv(ENGINES[args.engine], root, args.venv))
        return 0
    if args.command == "serve":
        return serve(args.engine, root, args.dev_addr, args.venv)
    return build(args.engine, root, args.venv, args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
