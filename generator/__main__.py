"""Command line: `python -m generator check | build --out DIR | new message|step ID | schema`."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

HINT = "run ./dev check, or .venv/bin/python -m generator ... (the generator needs the project's virtual environment)"


def _check(config_file: str, source_links: bool = False):
    """Run every check a strict build runs; print the problems; return the outcome (source_links: project.check's)."""
    from generator import project

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    outcome = project.check(config_file, source_links=source_links)
    if outcome.problems:
        print(outcome.report(), file=sys.stderr)
    for note in outcome.notes:  # pages of an added language still shown in the default language
        print(str(note).replace(": (file): ", ": ", 1))
    return outcome


def _config(config_file: str):
    """Load mkdocs.yml; return (config, the plugin's options), or print its problems and return (None, None)."""
    from generator import project

    config, problems = project.load_config(config_file)
    if config is None:
        print("\n".join(map(str, problems)), file=sys.stderr)
        return None, None
    return config, config.plugins[project.PLUGIN].config


def cmd_check(args) -> int:
    """Validate mkdocs.yml, the content and the templates without building; print every problem."""
    outcome = _check(args.config)
    if outcome.failed:
        return 1
    g, pages = outcome.result.guide, outcome.result.pages
    print(
        f"OK: {len(g.steps)} steps, {len(g.messages)} messages, {len(g.topics)} advice pages, "
        f"{len(g.blanks)} blanks, {len(pages)} pages."
    )
    return 0


def cmd_build(args) -> int:
    """Write the generated Markdown pages to a folder, beside docs/'s files (assets minified): another engine builds it."""
    from generator.engine_run import write_docs

    outcome = _check(args.config, source_links=True)
    if outcome.failed:
        return 1
    write_docs(Path(args.config), outcome.result.pages, Path(args.out))
    print(f"wrote {len(outcome.result.pages)} pages and the files of the docs folder to {args.out}")
    return 0


def cmd_new(args) -> int:
    """Write a valid, commented starting file for a new message or step."""
    from generator.scaffold import new_file

    config, options = _config(args.config)
    if config is None:
        return 1
    root = Path(config.config_file_path).resolve().parent / options.content_dir
    try:
        path = new_file(root, args.kind, args.id)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"wrote {path}; edit it, then run: ./dev check")
    return 0


def cmd_schema(args) -> int:
    """Write the JSON Schema files that editors use to check content files as you type."""
    from generator.core import known_ids
    from generator.errors import ContentErrors
    from generator.jsonschema import all_schemas
    from generator.write import read_tree, write_files

    config, options = _config(args.config)
    if config is None:
        return 1
    content = read_tree(Path(config.config_file_path).resolve().parent / options.content_dir, (".yml",))
    try:
        schemas = all_schemas(known_ids(content))  # references become enums of the content's ids
    except ContentErrors as e:  # a mistake in generator/schema.yml
        print(e.report(), file=sys.stderr)
        return 1
    out = Path(args.out)
    write_files(schemas, out)
    print(f"wrote {len(schemas)} JSON Schema files to {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run a subcommand."""
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--config", default="mkdocs.yml", help="the MkDocs configuration file (default: mkdocs.yml)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate content/ and templates/ and report every problem").set_defaults(func=cmd_check)
    build = sub.add_parser("build", help="write the generated Markdown pages to a folder")
    build.add_argument("--out", required=True, help="the folder to write (replaced as a whole)")
    build.set_defaults(func=cmd_build)
    new = sub.add_parser("new", help="write a starting file for a new message or step")
    new.add_argument("kind", choices=["message", "step"])
    new.add_argument("id", help="lower-case letters, digits and hyphens, such as 'reference-request'")
    new.set_defaults(func=cmd_new)
    schema = sub.add_parser("schema", help="write the JSON Schema files for editors (docs/schema/)")
    schema.add_argument("--out", default="docs/schema", help="the folder to write (default: docs/schema)")
    schema.set_defaults(func=cmd_schema)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    try:
        import jinja2  # noqa: F401
        import mkdocs  # noqa: F401
        import yaml  # noqa: F401
    except ModuleNotFoundError as e:
        sys.exit(f"{e.name} is not installed here: {HINT}")
    sys.exit(main())
