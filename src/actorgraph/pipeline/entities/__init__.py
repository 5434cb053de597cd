"""The entities stage: named actors and places, their aliases and anaphora.

Two steps with their own versions: :func:`extract_entities` turns the model's spans into
entities; :func:`resolve_aliases` joins the names of one actor within the document and
attaches "the group", "the army" and the like to the organisation the text last named;
after the places stage, :func:`add_generic_actors` gives a state's forces, its government
and unnamed attackers one actor each ("the army", "Somali troops", "gunmen"); after the
events stage, :func:`fold_same` folds an unnamed group into the named one its events show
it to be.
"""

from actorgraph.pipeline.entities._actors import add_generic_actors, fold_same
from actorgraph.pipeline.entities._aliases import STAGE as ALIASES_STAGE
from actorgraph.pipeline.entities._aliases import resolve_aliases
from actorgraph.pipeline.entities._extract import STAGE, EntityResult, extract_entities
from actorgraph.pipeline.entities._generic import STAGE as ACTORS_STAGE
from actorgraph.pipeline.entities._ministries import DOMAINS as MINISTRY_DOMAINS
from actorgraph.pipeline.entities._names import other_kind
from actorgraph.pipeline.entities._nouns import country_name, country_word, home_country
from actorgraph.pipeline.entities._wings import named_part

__all__ = [
    "ACTORS_STAGE",
    "ALIASES_STAGE",
    "MINISTRY_DOMAINS",
    "STAGE",
    "EntityResult",
    "add_generic_actors",
    "country_name",
    "country_word",
    "extract_entities",
    "fold_same",
    "home_country",
    "named_part",
    "other_kind",
    "resolve_aliases",
]
