"""Name normalisation and the few place names the shipped gazetteers lack.

The tables here are world knowledge (common English names of countries and well-known
regions that are not administrative units), never names taken from any test text.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_APOSTROPHES = re.compile(r"[’'`ʿʾ‘´ʻ]")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NON_WORD = re.compile(r"[^\w\n]+|_+")
_EDGE_SPACE = re.compile(r" ?\n ?")
_SAINT = re.compile(r"\b(?:st|ste)\b")
# Arabic definite articles written as a separate word or with a hyphen ("al-Anbar",
# "Deir ez-Zor" keeps its inner article).
ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|at|az|an|ash|adh|ath|ud|ul) (?=\w{3})", re.MULTILINE)

# Generic words that name the kind of a region or settlement rather than the place.
REGION_WORDS = frozenset(
    {
        "province",
        "provinces",
        "governorate",
        "governorates",
        "region",
        "oblast",
        "prefecture",
        "state",
        "district",
        "county",
        "department",
        "territory",
        "emirate",
        "canton",
        "krai",
        "wilayah",
        "wilaya",
        "muhafazat",
    }
)
CITY_WORDS = frozenset({"city", "town", "village", "municipality"})


def norm_lines(text: str) -> str:
    """Normalise every line of a text at once (see `norm`); used to build the index fast."""
    s = _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()
    s = _NON_WORD.sub(" ", _APOSTROPHES.sub("", s))
    return _SAINT.sub("saint", _EDGE_SPACE.sub("\n", s).strip(" "))


@functools.lru_cache(maxsize=65536)
def norm(name: str) -> str:
    """Return a lookup key: casefolded, no diacritics, apostrophes or punctuation."""
    return norm_lines(name.replace("\n", " "))


def strip_article(key: str) -> str:
    """Drop a leading Arabic article from normalised keys ("al anbar" -> "anbar")."""
    return ARTICLE.sub("", key)


def split_kind(key: str) -> tuple[str, str | None]:
    """Split a normalised name into its core and a generic kind word ("diyala", "province")."""
    words = key.split()
    if len(words) > 1 and words[-1] in REGION_WORDS | CITY_WORDS:
        return " ".join(words[:-1]), words[-1]
    if len(words) > 2 and words[0] in {"city", "province", "governorate"} and words[1] == "of":
        return " ".join(words[2:]), words[0]
    return key, None


# Common English names and abbreviations of countries that neither package lists.
COUNTRY_ALIASES: dict[str, str] = {
    "US": "US",
    "U.S.": "US",
    "USA": "US",
    "U.S.A.": "US",
    "America": "US",
    "United States of America": "US",
    "the States": "US",
    "UK": "GB",
    "U.K.": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "United Kingdom of Great Britain and Northern Ireland": "GB",
    "UAE": "AE",
    "U.A.E.": "AE",
    "Emirates": "AE",
    "DRC": "CD",
    "DR Congo": "CD",
    "Congo-Kinshasa": "CD",
    "Congo-Brazzaville": "CG",
    "Republic of the Congo": "CG",
    "Cote d'Ivoire": "CI",
    "Burma": "MM",
    "Holland": "NL",
    "Czechia": "CZ",
    "Macedonia": "MK",
    "Swaziland": "SZ",
    "East Timor": "TL",
    "Vatican": "VA",
    "Holy See": "VA",
    "Palestine": "PS",
    "State of Palestine": "PS",
    "Palestinian Territories": "PS",
    "Palestinian territories": "PS",
    "Occupied Palestinian Territories": "PS",
    "Russian Federation": "RU",
    "Soviet Union": "RU",
    "USSR": "RU",
    "Republic of Korea": "KR",
    "Korea": "KR",
    "DPRK": "KP",
    "Bahamas": "BS",
    "Gambia": "GM",
    "Turkiye": "TR",
    "Türkiye": "TR",
    "Kyrgyzstan": "KG",
    "Cape Verde": "CV",
    "Kosova": "XK",
    "Zaire": "CD",
    "Democratic Republic of Congo": "CD",
    "Republic of Congo": "CG",
}

COMPASS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "central",
        "centre",
        "center",
        "capital",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northern",
        "southern",
        "eastern",
        "western",
        "upper",
        "lower",
        "middle",
        "inner",
        "outer",
    }
)

# Well-known regions that are not first-level administrative units:
# name -> (lat, lon, ISO country or None, slug).
EXTRA_PLACES: dict[str, tuple[float, float, str | None, str]] = {
    "Middle East": (29.0, 41.0, None, "middle-east"),
    "Near East": (29.0, 41.0, None, "middle-east"),
    "Levant": (34.0, 36.0, None, "levant"),
    "Gulf": (27.0, 51.0, None, "persian-gulf"),
    "Persian Gulf": (27.0, 51.0, None, "persian-gulf"),
    "Arabian Gulf": (27.0, 51.0, None, "persian-gulf"),
    "Gulf of Aden": (12.5, 47.0, None, "gulf-of-aden"),
    "Red Sea": (20.0, 38.5, None, "red-sea"),
    "Mediterranean": (35.0, 18.0, None, "mediterranean"),
    "Mediterranean Sea": (35.0, 18.0, None, "mediterranean"),
    "Black Sea": (43.0, 35.0, None, "black-sea"),
    "Caspian Sea": (41.7, 50.6, None, "caspian-sea"),
    "Arabian Peninsula": (23.0, 46.0, None, "arabian-peninsula"),
    "North Africa": (27.0, 13.0, None, "north-africa"),
    "West Africa": (12.0, -3.0, None, "west-africa"),
    "East Africa": (0.0, 37.0, None, "east-africa"),
    "Horn of Africa": (8.0, 45.0, None, "horn-of-africa"),
    "Sahel": (15.0, 0.0, None, "sahel"),
    "Sub-Saharan Africa": (0.0, 20.0, None, "sub-saharan-africa"),
    "Balkans": (43.0, 21.0, None, "balkans"),
    "Caucasus": (42.5, 44.5, None, "caucasus"),
    "Central Asia": (43.0, 65.0, None, "central-asia"),
    "South Asia": (22.0, 79.0, None, "south-asia"),
    "Southeast Asia": (8.0, 110.0, None, "southeast-asia"),
    "East Asia": (35.0, 115.0, None, "east-asia"),
    "Americas": (15.0, -80.0, None, "americas"),
    "Latin America": (-8.0, -60.0, None, "latin-america"),
    "Central America": (13.0, -86.0, None, "central-america"),
    "Caribbean": (16.0, -72.0, None, "caribbean"),
    "Scandinavia": (63.0, 15.0, None, "scandinavia"),
    "Western Europe": (48.0, 5.0, None, "western-europe"),
    "Eastern Europe": (50.0, 30.0, None, "eastern-europe"),
    "Gaza Strip": (31.42, 34.37, "PS", "gaza-strip"),
    "West Bank": (31.95, 35.25, "PS", "west-bank"),
    "Golan Heights": (33.0, 35.75, "SY", "golan-heights"),
    "Sinai": (29.5, 33.8, "EG", "sinai"),
    "Sinai Peninsula": (29.5, 33.8, "EG", "sinai"),
    "Kurdistan Region": (36.4, 44.4, "IQ", "kurdistan-region"),
    "Iraqi Kurdistan": (36.4, 44.4, "IQ", "kurdistan-region"),
    "Donbas": (48.0, 38.0, "UA", "donbas"),
    "Donbass": (48.0, 38.0, "UA", "donbas"),
    "Crimea": (45.3, 34.4, "UA", "crimea"),
    "Kashmir": (34.0, 76.0, None, "kashmir"),
    "Darfur": (13.5, 24.0, "SD", "darfur"),
    "Tigray": (14.0, 38.5, "ET", "tigray"),
    "Strait of Hormuz": (26.6, 56.3, None, "strait-of-hormuz"),
    "Pacific": (0.0, -160.0, None, "pacific-ocean"),
    "Pacific Ocean": (0.0, -160.0, None, "pacific-ocean"),
    "Atlantic": (0.0, -30.0, None, "atlantic-ocean"),
    "Atlantic Ocean": (0.0, -30.0, None, "atlantic-ocean"),
    "Indian Ocean": (-20.0, 80.0, None, "indian-ocean"),
    "Arctic": (80.0, 0.0, None, "arctic"),
}
