"""A draft role profile (careerpath.core.onet) as the YAML a person edits, with its comments."""

from __future__ import annotations

import json
import re
import textwrap

from careerpath.core.onet import MAPPING_RULE, Draft, Kept

WIDTH = 96
CREDIT = (
    "This product includes information from the O*NET 30.x Database by the U.S. Department of"
    " Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0"
    " license. O*NET(R) is a trademark of USDOL/ETA. careerpath has modified all or some of this"
    " information. USDOL/ETA has not approved, endorsed, or tested these modifications."
)
HAND_WRITTEN = (
    "summary: what the role does, in your own words (O*NET's description is a start)",
    "actions: a step with evidence, hours and weeks for every level of each important skill",
    "relationships (who, why, ask, signal), exposure, influence, credentials, experiences",
    "mentor: the profile of a good mentor, what to learn from them, first questions",
)
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.()/'&-]*")


def _scalar(text: str) -> str:
    """`text` as a YAML scalar: plain where that is safe, else double-quoted (JSON is YAML)."""
    text = " ".join(text.split())
    return text if _PLAIN.fullmatch(text) and ": " not in text else json.dumps(text)


def _comment(text: str, indent: str = "# ", later: str = "# ") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=later)


def _skill_line(row: Kept) -> str:
    r = row.rating
    note = f"{r.name} ({r.element}): LV {r.level:.2f}, IM {r.importance:.2f}, rated {r.date}"
    if r.suppress:
        note += "; O*NET: Recommend Suppress (unreliable rating, check it)"
    return f"  {row.skill}: {{level: {row.level}, importance: {row.importance}}}  # {note}"


def draft_text(draft: Draft, catalogue_names: dict[str, str]) -> str:
    occupation = draft.occupation
    lines = [
        *_comment(
            f"Draft role profile from O*NET {occupation.code} {occupation.title}, written by"
            " careerpath roles import-onet: read it through before you use it."
        ),
        *_comment(CREDIT),
        "#",
        *_comment(f"How levels and importance were set: {MAPPING_RULE}."),
        "#",
        "# To write by hand (no data can write these):",
    ]
    for item in HAND_WRITTEN:
        lines += _comment(item, "#   - ", "#     ")
    if draft.unlinked:
        names = ", ".join(f"{s} ({catalogue_names[s]})" for s in draft.unlinked)
        lines += _comment(
            f"skills with no O*NET element, to judge and add by hand if the role needs them:"
            f" {names}",
            "#   - ",
            "#     ",
        )
    if draft.dropped:
        left = ", ".join(f"{d.skill} ({d.why})" for d in draft.dropped)
        lines += ["#", *_comment(f"Left out, as O*NET rates them: {left}")]
    lines += [
        f"id: {draft.id}",
        f"title: {_scalar(occupation.title)}",
        "summary: >-",
        *textwrap.wrap(
            " ".join(occupation.description.split()) or "To write.",
            WIDTH,
            initial_indent="  ",
            subsequent_indent="  ",
        ),
        f"onet: {{code: {occupation.code}, title: {_scalar(occupation.title)}}}",
        "skills:",
        *(_skill_line(row) for row in draft.kept),
        "credentials: []    # to write by hand",
        "experiences: []    # to write by hand",
        "relationships: []  # to write by hand",
        "exposure: []       # to write by hand",
        "influence: []      # to write by hand",
        "mentor:",
        "  profile: To write by hand, what a good mentor for this move looks like.",
        "  learn: []",
        "  questions: []",
        "actions: {}        # to write by hand",
    ]
    return "\n".join(lines) + "\n"
