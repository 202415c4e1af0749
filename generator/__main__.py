"""Command line: `python -m generator check | build --out DIR | new message|step ID | schema`."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from generator.errors import ContentErrors

PLUGIN = "after-the-interview"


def _options(config_file: str):
    """Load mkdocs.yml and return it with this plugin's options."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        config = load_config(config_file=config_file)
    except ConfigurationError as e:
        raise SystemExit(f"{config_file}: {e}") from None
    if PLUGIN not in config.plugins:
        raise SystemExit(f"{config_file}: plugins: the '{PLUGIN}' plugin is not listed. Fix: add '- {PLUGIN}' under plugins.")
    return config, config.plugins[PLUGIN].config


def _generate(args):
    """Generate the pages as mkdocs.yml configures; print problems; return (options, result or None)."""
    from generator.plugin import run

    config, options = _options(args.config)
    try:
        result = run(config, options)
    except ContentErrors as e:
        print(e.report(), file=sys.stderr)
        return options, None
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    return options, result


def cmd_check(args) -> int:
    """Validate the content and templates without building; print every problem."""
    options, result = _generate(args)
    if result is None:
        return 1
    g = result.guide
    print(
        f"{options.content_dir}: OK: {len(g.steps)} steps, {len(g.messages)} messages, {len(g.topics)} advice pages, "
        f"{len(g.blanks)} blanks, {len(result.pages)} pages, {len(result.warnings)} warning(s)."
    )
    return 0


def cmd_build(args) -> int:
    """Write the generated Markdown pages to a folder, beside docs/'s files (assets minified): another engine builds it."""
    from generator.engine_run import write_docs

    _, result = _generate(args)
    if result is None:
        return 1
    write_docs(Path(args.config), result.pages, Path(args.out))
    print(f"wrote {len(result.pages)} pages and the files of the docs folder to {args.out}")
    return 0


def cmd_new(args) -> int:
    """Write a valid, commented starting file for a new message or step."""
    from generator.scaffold import new_file

    config, options = _options(args.config)
    root = Path(config.config_file_path).resolve().parent / options.content_dir
    try:
        path = new_file(root, args.kind, args.id)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"wrote {path}; edit it, then run: python -m generator check")
    return 0


def cmd_schema(args) -> int:
    """Write the JSON Schema files that editors use to check content files as you type."""
    from generator.jsonschema import all_schemas
    from generator.write import write_files

    out = Path(args.out)
    write_files(all_schemas(), out)
    print(f"wrote {len(all_schemas())} JSON Schema files to {out}")
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
    sys.exit(main())
