"""The relations stage: who leads, backs, fights or speaks for whom, with claim status."""

from actorgraph.pipeline.relations._extract import STAGE, RelationResult, extract_relations

__all__ = ["STAGE", "RelationResult", "extract_relations"]
