"""JSON Schemas of careerpath's file formats (generated from the models) and of the documents
its commands print (careerpath.views.document_schemas)."""

from __future__ import annotations

import json

from pydantic import BaseModel

from careerpath.core.model import Catalogue, Inventory, Lattice, Role
from careerpath.errors import UsageError
from careerpath.views.document_schemas import DOCUMENTS
from careerpath.views.plan_document import PlanDocument

MODELS: dict[str, type[BaseModel]] = {
    "catalogue": Catalogue,  # also what `careerpath roles skills --json` prints
    "role": Role,  # also what `careerpath roles show ROLE --json` prints
    "inventory": Inventory,
    "lattice": Lattice,
    "plan": PlanDocument,  # an output: what `careerpath plan --format json` prints
}
NAMES = (*MODELS, *DOCUMENTS)


def schema_text(name: str) -> str:
    key = name.lower()
    if key in DOCUMENTS:
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": DOCUMENTS[key]["properties"]["schema"]["const"],
            **DOCUMENTS[key],
        }
        return json.dumps(schema, indent=2) + "\n"
    model = MODELS.get(key)
    if model is None:
        import difflib

        close = difflib.get_close_matches(key, NAMES, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise UsageError(f"unknown schema '{name}'{hint}; choose one of: {', '.join(NAMES)}")
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"careerpath.{key}/1"
    return json.dumps(schema, indent=2) + "\n"
