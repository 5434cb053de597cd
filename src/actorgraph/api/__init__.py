"""The HTTP API: read-only JSON over a store, with the web page that uses it.

``create_app(db)`` returns the FastAPI app; ``actorgraph serve`` runs it with uvicorn.
"""

from __future__ import annotations

from actorgraph.api.app import create_app

__all__ = ["create_app"]
