"""Navigation shape experiment: why a large guide builds in more than linear time, and what would fix it.

Material writes the navigation into every page, and a page carries every link of the section it is in. With all
messages in one flat "Messages" section (as the generator wrote it before 2ba04f9), each of N message pages carries
N links: the build time and the site's size grow with N squared. This builds the same hand-written Markdown (the
plain baseline of build.py, grown to --messages messages) with four shapes of the same navigation:
  flat                  all messages in one section
  flat + prune          the same with Material's navigation.prune (links of other sections left out)
  by step + prune       messages grouped under their step
  chunks of K + prune   messages in groups of at most K (--chunk): a page carries about K + N/K links; what the
                        generator does since 2ba04f9 (K = 40), with navigation.prune in mkdocs.yml
and prints the build time and the HTML size of each.

    python benchmarks/nav_shape.py [--messages 1000] [--chunk 40]
"""

from __future__ import annotations

import argparse
import re
import shutil

import yaml
from _common import OUT, _Dumper, _Loader, add_messages, copy_project, fresh, machine, mkdocs_build, plain_project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--chunk", type=int, default=40)
    args = parser.parse_args()
    work = OUT / "nav_shape"
    project = copy_project(work / "ours")
    add_messages(project, args.messages)
    base = plain_project(project, work / "plain")
    step_of = {}
    for f in (project / "content" / "messages").glob("*.yml"):
        text = f.read_text("utf-8")
        step_of[re.search(r"^id: (\S+)", text, re.M).group(1)] = re.search(r"^step: (\S+)", text, re.M).group(1)

    def leaves(items: list) -> list:
        """The section's page entries, whatever sub-sections they are in."""
        out = []
        for item in items:
            ((_, value),) = item.items()
            out += leaves(value) if isinstance(value, list) else [item]
        return out

    def shaped(items: list, shape: str) -> list:
        items = leaves(items)
        if shape == "step":
            groups: dict[str, list] = {}
            for item in items:
                ((_, path),) = item.items()
                groups.setdefault(step_of[path.rsplit("/", 1)[-1].removesuffix(".md")], []).append(item)
            return [{f"Step: {step}": group} for step, group in groups.items()]
        if shape == "chunks":
            k = args.chunk
            return [{f"Messages {i + 1} to {i + len(items[i : i + k])}": items[i : i + k]} for i in range(0, len(items), k)]
        return items

    print(f"navigation shapes: {machine()}; {args.messages} messages, plain MkDocs + Material, one build each")
    for name, shape, prune in (
        ("flat", "", False),
        ("flat + prune", "", True),
        ("by step + prune", "step", True),
        (f"chunks of {args.chunk} + prune", "chunks", True),
    ):
        dest = work / re.sub(r"\W+", "-", name)
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(base, dest)
        config = yaml.load((dest / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)
        section = next(entry for entry in config["nav"] if "Messages" in entry)
        section["Messages"] = shaped(section["Messages"], shape)
        features = [f for f in config["theme"]["features"] if f != "navigation.prune"]
        config["theme"]["features"] = features + (["navigation.prune"] if prune else [])
        (dest / "mkdocs.yml").write_text(yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True), "utf-8")
        site = fresh(work / "site")
        took = mkdocs_build(dest, site)
        pages = list(site.rglob("*.html"))
        size = sum(p.stat().st_size for p in pages)
        links = max(p.read_text("utf-8").count('class="md-nav__link') for p in pages)
        print(
            f"  {name:<22} {took:7.1f} s   {len(pages)} pages, {size / 1e6:6.0f} MB of HTML, at most {links} nav links a page",
            flush=True,
        )


if __name__ == "__main__":
    main()
