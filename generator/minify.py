"""The build's minifier for the project's own scripts and styles: tdewolff's (it also shortens local names).

Where no wheel of tdewolff-minify exists (macOS on Apple silicon), rjsmin and rcssmin strip comments and white
space only: the site works the same, a little heavier."""

from __future__ import annotations

try:
    import minify as _tdewolff
except ImportError:  # no wheel for this platform: see the module's doc
    _tdewolff = None


def shortens_names() -> bool:
    """True when the minifier renames local variables (tdewolff), False with the fallback."""
    return _tdewolff is not None


def minify_js(text: str) -> str:
    """A script or ES module without comments and white space, its local names shortened where possible."""
    if _tdewolff is None:
        import rjsmin

        return rjsmin.jsmin(text)
    return _tdewolff.string("application/javascript", text)


def minify_css(text: str) -> str:
    """A stylesheet without comments and white space."""
    if _tdewolff is None:
        import rcssmin

        return rcssmin.cssmin(text)
    return _tdewolff.string("text/css", text)
