"""Readers: turn text, Markdown, HTML and JSON Lines files into Documents.

Bad input never raises out of the iterators: it comes out as a ``Failure`` naming the
file (and line) and saying what to do, and reading goes on.
"""

from actorgraph.ingest.failure import Failure
from actorgraph.ingest.metadata import Meta
from actorgraph.ingest.published import normalize_published
from actorgraph.ingest.readers import iter_documents, read_file, read_path
from actorgraph.ingest.walk import count_inputs, iter_files

__all__ = [
    "Failure",
    "Meta",
    "count_inputs",
    "iter_documents",
    "iter_files",
    "normalize_published",
    "read_file",
    "read_path",
]
