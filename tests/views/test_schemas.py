"""The JSON Schemas: generated from the models, shipped in schemas/, and they accept real files."""

from __future__ import annotations

import json

import pytest

from careerpath.cli.exits import flagged
from careerpath.views.schemas import MODELS, schema_text
from tests.helpers import ROOT


@pytest.mark.parametrize("name", sorted(MODELS))
def test_shipped_schema_is_current(name: str) -> None:
    """schemas/ is what editors read: `careerpath schema NAME > schemas/NAME.json` refreshes it
    (the command puts in the flags the descriptions name)."""
    shipped = (ROOT / "schemas" / f"{name}.json").read_text(encoding="utf-8")
    assert shipped == flagged(schema_text(name))


@pytest.mark.parametrize("name", sorted(MODELS))
def test_schema_is_a_json_schema_object(name: str) -> None:
    schema = json.loads(schema_text(name))
    assert schema["type"] == "object"
    assert schema["$schema"].endswith("/2020-12/schema")
    assert schema["properties"]


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("roles/skills.yaml", "catalogue"),
        ("roles/testing.yaml", "role"),
        ("roles/lattice.yaml", "lattice"),
        ("examples/support-analyst.yaml", "inventory"),
    ],
)
def test_shipped_files_point_editors_at_their_schema(path: str, name: str) -> None:
    first = (ROOT / path).read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schemas/{name}.json"


def test_schema_lists_the_rating_short_forms() -> None:
    schema = json.loads(schema_text("inventory"))
    (rating,) = schema["properties"]["ratings"]["patternProperties"].values()
    text = json.dumps(rating)
    assert '"n/a"' in text and '"unsure"' in text and '"maximum": 5' in text
    form = schema["$defs"]["RatingForm"]
    assert set(form["properties"]) == {"level", "evidence"}
    assert form["required"] == ["level"]


def test_shipped_lattice_meets_its_schema() -> None:
    import jsonschema
    import yaml

    data = yaml.safe_load((ROOT / "roles" / "lattice.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(schema_text("lattice")))
    move = json.loads(schema_text("lattice"))["$defs"]["Move"]
    assert {"from", "to"} <= set(move["required"])
