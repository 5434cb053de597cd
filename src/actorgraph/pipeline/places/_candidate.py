"""What a gazetteer lookup returns, and the distance between two of them."""

from __future__ import annotations

import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    name: str
    lat: float
    lon: float
    country: str | None
    precision: str  # country / region / city / place
    gazetteer_id: str | None
    population: int = 0
    alternate: bool = False  # matched through an alternate name, not the main one
    large: bool = True  # a region at least as large as a province
    admin1_code: str | None = None  # cities: GeoNames admin1 code
    admin1: str | None = None  # regions: their own name
    kind: str = ""  # regions: the kind of unit ("governorate", "country" for England)
    fuzzy: bool = False  # matched through a spelling variant ("Tal Rifaat" for "Tall Rif'at")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def data_dir(package: str) -> Path:
    """Return the ``data`` folder of an installed data package."""
    return Path(str(resources.files(package))) / "data"
