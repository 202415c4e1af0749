"""Blank roles: what a blank is to the browser's scripts, and the check that the guide declares the roles it needs."""

from __future__ import annotations

from generator.errors import Problem
from generator.load import Document


def role_map(blanks: list[dict]) -> dict[str, str]:
    """Return each declared role with the id of the blank that has it."""
    return {b["role"]: b["id"] for b in blanks if b.get("role")}


def problems(blanks_doc: Document, messages: list[Document]) -> list[Problem]:
    """Report a role given to two blanks, and a role the guide's messages need that no blank has."""
    found: list[Problem] = []
    seen: dict[str, int] = {}
    for i, b in enumerate(blanks_doc.data["blanks"]):
        role = b.get("role")
        if role in seen:
            first = blanks_doc.mark(("blanks", seen[role], "role")).line
            found.append(
                blanks_doc.problem(
                    ("blanks", i, "role"),
                    "role used twice",
                    expected="each role on one blank at most",
                    found=f"'{role}', already on line {first}",
                    fix="remove the role from one of the two blanks",
                )
            )
        elif role:
            seen[role] = i
    if "recipient_email" not in seen:
        for doc in messages:
            if doc.data.get("channel") == "email":
                found.append(
                    doc.problem(
                        ("channel",),
                        "no blank for the recipient's email",
                        expected="a blank in blanks.yml with 'role: recipient_email', which mail links are addressed to",
                        found="no blank has that role",
                        fix="add 'role: recipient_email' to the blank that holds the interviewer's email address",
                    )
                )
                break
    return found
