"""JSON Schemas of careerpath's file formats, generated from the models."""

from __future__ import annotations

import json

from pydantic import BaseModel

from careerpath.errors import EXIT_USAGE, CareerpathError
from careerpath.model import Catalogue, Inventory, Role
from careerpath.plan_json import PlanDocument

MODELS: dict[str, type[BaseModel]] = {
    "catalogue": Catalogue,
    "role": Role,
    "inventory": Inventory,
    "plan": PlanDocument,  # an output: what `careerpath plan --format json` prints
}


def schema_text(name: str) -> str:
    model = MODELS.get(name)
    if model is None:
        raise CareerpathError(
            f"unknown schema '{name}'; choose one of: {', '.join(MODELS)}", exit_code=EXIT_USAGE
        )
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"careerpath.{name}/1"
    return json.dumps(schema, indent=2) + "\n"
