"""After the Interview: validate the guide's YAML content and render it into pages."""

from generator.errors import ContentErrors, Problem

__all__ = ["ContentErrors", "Problem", "Result", "generate"]


def __getattr__(name: str):
    """Import the core on first use, so `python -m generator` can explain a missing dependency (see __main__)."""
    if name in ("Result", "generate"):
        from generator import core

        return getattr(core, name)
    raise AttributeError(name)
