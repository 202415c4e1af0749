"""After the Interview: validate the guide's YAML content and render it into pages."""

from generator.core import Result, generate
from generator.errors import ContentErrors, Problem

__all__ = ["ContentErrors", "Problem", "Result", "generate"]
