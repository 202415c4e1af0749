"""The GitHub Actions workflow is valid and publishes only after the README's test command passes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

WORKFLOW = Path(__file__).resolve().parent.parent / ".github" / "workflows" / "publish.yml"


def test_workflow_matches_the_github_workflow_schema():
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_workflow_tests_then_builds_then_deploys_from_main():
    flow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    triggers = flow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    jobs = flow["jobs"]
    assert any(step.get("run") == "./dev test" for step in jobs["test"]["steps"])
    assert jobs["build"]["needs"] == "test" and "refs/heads/main" in jobs["build"]["if"]
    assert any(step.get("run") == './dev build --engine "$ENGINE"' for step in jobs["build"]["steps"])
    assert flow["env"]["ENGINE"] == "${{ vars.ENGINE || 'mkdocs' }}"
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    uses = [s.get("uses", "") for s in jobs["deploy"]["steps"]]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def test_the_build_keeps_its_cache_between_runs():
    """The build cache (generator/buildcache.py) is restored before the build and saved after it."""
    steps = yaml.safe_load(WORKFLOW.read_text("utf-8"))["jobs"]["build"]["steps"]
    build = next(s for s in steps if s.get("run") == './dev build --engine "$ENGINE"')
    folder = build["env"]["ATI_CACHE_DIR"].removeprefix("${{ github.workspace }}/")
    cached = [s["with"] for s in steps[: steps.index(build)] if s.get("uses", "").startswith("actions/cache@")]
    assert any(folder in c["path"].split() and c.get("restore-keys") for c in cached), cached
