"""`careerpath assess --answers FILE`: the inventory from a file of answers, for scripts and CI.

The answers file is inventory-shaped (docs/formats.md); every field may be left out when
`--update` supplies it. With --update, its fields replace the earlier inventory's and its
ratings replace those skills' ratings only. Errors name the answers file and line.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from careerpath.core import checks
from careerpath.core.draft import inventory_data
from careerpath.core.model import Inventory
from careerpath.edges.load import Library, load_document, raise_problems, validate
from careerpath.edges.yaml_source import Document
from careerpath.errors import CareerpathError


def inventory_from_answers(
    path: Path,
    library: Library,
    *,
    today: dt.date,
    base: Inventory | None = None,
    role: str | None = None,
) -> Inventory:
    document = load_document(path)
    answers = document.data
    if not isinstance(answers, dict):
        raise CareerpathError(
            "must be a mapping of inventory fields (person:, ratings:, ...); see docs/formats.md",
            file=document.file,
            line=1,
        )
    merged: dict[object, object] = {}
    if base is not None:
        merged.update(inventory_data(base))
    merged["date"] = today
    for key, value in answers.items():
        earlier = merged.get(key)
        if key == "ratings" and isinstance(earlier, dict) and isinstance(value, dict):
            merged[key] = {**earlier, **value}
        else:
            merged[key] = value
    if role is not None:
        library.role(role)
        targets = merged.get("targets")
        others = [t for t in targets if t != role] if isinstance(targets, list) else []
        merged["targets"] = [role, *others]
    checked = Document(document.file, merged, document.lines)
    inventory = validate(checked, Inventory)
    raise_problems(checked, checks.check_inventory(inventory, library.catalogue, library.roles))
    return inventory
