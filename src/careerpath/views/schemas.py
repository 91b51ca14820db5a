"""JSON Schemas of careerpath's file formats, generated from the models."""

from __future__ import annotations

import json

from pydantic import BaseModel

from careerpath.core.model import Catalogue, Inventory, Lattice, Role
from careerpath.errors import UsageError
from careerpath.views.plan_document import PlanDocument

MODELS: dict[str, type[BaseModel]] = {
    "catalogue": Catalogue,
    "role": Role,
    "inventory": Inventory,
    "lattice": Lattice,
    "plan": PlanDocument,  # an output: what `careerpath plan --format json` prints
}


def schema_text(name: str) -> str:
    model = MODELS.get(name)
    if model is None:
        raise UsageError(f"unknown schema '{name}'; choose one of: {', '.join(MODELS)}")
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"careerpath.{name}/1"
    return json.dumps(schema, indent=2) + "\n"
