"""Field types of the wording kinds (issue 12): message text with alternatives, text that may be empty, word tables."""

from __future__ import annotations

from generator.errors import describe
from generator.fields import Context, Field, Template, Text
from generator.load import Path


class Phrase(Text):
    """Text that may be empty (such as the greeting text of the form of address 'none')."""

    @property
    def label(self) -> str:
        return super().label.replace("text", "text, possibly empty", 1)

    def check(self, value: object, ctx: Context, path: Path) -> bool:
        if value is None or value == "":
            return True
        return super().check(value, ctx, path)

    def schema(self, ids):
        text = {"type": "string", "pattern": r"^$|\S"}
        if "max_length" in self.spec:
            text["maxLength"] = self.spec["max_length"]
        return {"anyOf": [{"type": "null"}, text]}


class Words(Field):
    """A mapping of placeholder names to text, such as {dear: Sehr geehrte}."""

    @property
    def label(self) -> str:
        return "mapping of placeholder names to text"

    def check(self, value: object, ctx: Context, path: Path) -> bool:
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()
        ):
            ctx.add(
                path,
                "wrong type",
                expected="placeholder names with their text, such as {dear: Sehr geehrte}",
                found=describe(value),
                fix="write one 'name: text' a line under 'words:'",
            )
            return False
        return True

    def schema(self, ids):
        return {"type": "object", "additionalProperties": {"type": "string", "minLength": 1}}


class Wording(Field):
    """Message text: a template as it stands, or a list of sentences whose items may be lists of alternative wordings."""

    options = ("max_length",)

    def __init__(self, spec: dict, owner: str):
        super().__init__(spec, owner)
        self.template = Template(spec, owner)

    @property
    def label(self) -> str:
        return self.template.label + ", or a list of them (an item that is a list holds alternative wordings)"

    def check(self, value: object, ctx: Context, path: Path) -> bool:
        if not isinstance(value, list):
            return self.template.check(value, ctx, path)
        if not value:
            ctx.add(path, "empty value", expected="text, or a list of sentences", found="an empty list", fix="write the text")
            return False
        ok = True
        for i, item in enumerate(value):
            if isinstance(item, list):
                ok = self._alternatives(item, ctx, path + (i,)) and ok
            elif isinstance(item, dict):
                ctx.add(
                    path + (i,),
                    "wrong type",
                    expected="a sentence, or a list of alternative sentences",
                    found="a mapping, because YAML reads an unquoted item that starts with '{' that way",
                    fix='put the item in quotes: "{...}"',
                )
                ok = False
            else:
                ok = self.template.check(item, ctx, path + (i,)) and ok
        return ok

    def _alternatives(self, item: list, ctx: Context, path: Path) -> bool:
        """Check one item's alternative wordings: two or more sentences."""
        if len(item) < 2:
            ctx.add(
                path,
                "too few alternatives",
                expected="two or more alternative wordings of the sentence",
                found=f"{len(item)} wording(s)",
                fix="add a wording, or write the sentence alone (not as a list)",
            )
            return False
        results = [self.template.check(text, ctx, path + (a,)) for a, text in enumerate(item)]
        return all(results)

    def schema(self, ids):
        text = self.template.schema(ids)
        alternatives = {"type": "array", "items": text, "minItems": 2}
        return {"anyOf": [text, {"type": "array", "minItems": 1, "items": {"anyOf": [text, alternatives]}}]}


WORDING_TYPES: dict[str, type[Field]] = {"wording": Wording, "phrase": Phrase, "words": Words}
