"""The packaged analysis/1 schema: valid, stricter than the shared contract, able to fail."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from fuzz_checks import check_analysis

from actorgraph.model import Document
from actorgraph.pipeline.analyze import analyze_document
from actorgraph.schemas import analysis_schema

TEXT = (
    "Hadi al-Amiri, the leader of the Badr Organization, spoke on June 5, 2014 in Baghdad. "
    '"We will fight the Islamic State," Amiri said. His men attacked Mosul last week.'
)


@pytest.fixture(scope="module")
def analysis_json(nlp: Any) -> dict[str, Any]:
    return check_analysis(
        analyze_document(Document.from_text(TEXT, published="2014-06-10"), nlp=nlp)
    )


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(analysis_schema())


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("entities", 0, "mentions", 0, 0), -1),
        (("entities", 0, "type"), "PERSONA"),
        (("dates", 0, "value"), "June"),
        (("quotes", 0, "speaker"), "someone"),
        (("document", "id"), "not-a-hash"),
        (("stages",), {}),
    ],
)
def test_schema_rejects_broken_analyses(
    analysis_json: dict[str, Any], path: tuple[Any, ...], value: Any
) -> None:
    broken = copy.deepcopy(analysis_json)
    target: Any = broken
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, analysis_schema())


@pytest.mark.shared
def test_schema_output_also_meets_the_shared_contract(
    analysis_json: dict[str, Any], shared: Path
) -> None:
    contract = json.loads((shared / "eval" / "analysis.schema.json").read_text())
    jsonschema.validate(analysis_json, contract)
