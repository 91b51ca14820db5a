"""Inventories and unfinished inventories on disk: round trips, names, the documented order."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerpath.edges.inventory_files import (
    default_out,
    inventory_text,
    load_draft,
    name_key,
    next_free,
    save_draft,
)
from careerpath.edges.load import Library, load_inventory
from careerpath.edges.yaml_source import parse
from careerpath.errors import CareerpathError
from tests.builders import TODAY, unfinished


def test_unfinished_inventory_round_trips_through_its_file(
    tmp_path: Path, library: Library
) -> None:
    draft = unfinished(tmp_path / "out.yaml")
    path = tmp_path / "home" / "assess-in-progress.yaml"
    save_draft(draft, path, {"resume": "--resume"})
    assert path.stat().st_mode & 0o777 == 0o600
    assert load_draft(path, library) == draft
    text = path.read_text(encoding="utf-8")
    assert "careerpath assess --resume" in text  # the option as the flags given spell it
    assert "progress:" in text


def test_unfinished_inventory_naming_an_unknown_skill_is_a_file_error(
    tmp_path: Path, library: Library
) -> None:
    draft = unfinished(tmp_path / "out.yaml")
    draft.skills.append("juggling")
    path = tmp_path / "assess-in-progress.yaml"
    save_draft(draft, path)
    with pytest.raises(CareerpathError) as caught:
        load_draft(path, library)
    message = str(caught.value)
    assert message.startswith(f"{path}:")
    assert "unknown skill 'juggling'" in message


def test_inventory_text_is_a_valid_inventory_in_the_documented_order(
    tmp_path: Path, library: Library
) -> None:
    inventory = unfinished(tmp_path / "x.yaml").inventory()
    path = tmp_path / "inventory.yaml"
    path.write_text(inventory_text(inventory), encoding="utf-8")
    assert load_inventory(path, library) == inventory
    data = parse(path.read_text(encoding="utf-8"), str(path)).data
    assert isinstance(data, dict)
    assert list(data) == [
        "person", "date", "current_role", "years_in_role", "targets", "ratings",
        "credentials", "experiences",
    ]  # fmt: skip
    assert data["years_in_role"] == 3  # a whole number stays whole
    assert data["ratings"] == {
        "troubleshooting": {"level": 4, "evidence": "Ticket 48211: SSO loop"},
        "scripting": "unsure",
    }


def test_dated_names_never_reuse_an_existing_file(tmp_path: Path) -> None:
    first = default_out(tmp_path, TODAY)
    assert first == tmp_path / "inventory-2026-11-23.yaml"
    first.write_text("x")
    assert default_out(tmp_path, TODAY) == tmp_path / "inventory-2026-11-23-2.yaml"
    (tmp_path / "inventory-2026-11-23-2.yaml").write_text("x")
    assert next_free(first) == tmp_path / "inventory-2026-11-23-3.yaml"


@pytest.mark.parametrize(
    ("person", "name"),
    [
        ("Sam Rivera", "inventory-sam-rivera-2026-11-23.yaml"),
        ("Zoë O'Brien-Kelly", "inventory-zoe-o-brien-kelly-2026-11-23.yaml"),
        ("  ../../etc/passwd ", "inventory-etc-passwd-2026-11-23.yaml"),
        ("李", "inventory-2026-11-23.yaml"),
        ("", "inventory-2026-11-23.yaml"),
    ],
)
def test_default_names_carry_the_persons_name(tmp_path: Path, person: str, name: str) -> None:
    assert default_out(tmp_path, TODAY, person) == tmp_path / name


def test_a_days_files_sort_in_the_order_careerpath_named_them() -> None:
    names = [
        "inventory-2026-11-23-10.yaml",
        "inventory-2026-11-23-2.yaml",
        "inventory-2026-11-23.yaml",
        "inventory-sam-2026-11-23-2.yaml",
        "inventory-sam-2026-11-23.yaml",
        "inventory-2026-11-22.yaml",
        "sam-2.yaml",
        "sam.yml",
    ]
    assert sorted(names, key=name_key) == [
        "inventory-2026-11-22.yaml",
        "inventory-2026-11-23.yaml",
        "inventory-2026-11-23-2.yaml",
        "inventory-2026-11-23-10.yaml",
        "inventory-sam-2026-11-23.yaml",
        "inventory-sam-2026-11-23-2.yaml",
        "sam.yml",
        "sam-2.yaml",
    ]
