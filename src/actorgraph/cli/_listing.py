"""What every listing shares: its options, the filters they stand for, and its output.

``--format table`` (for a person), ``json`` (one object: ``schema``, ``kind``, ``total``,
``shown`` and ``items``), ``jsonl`` (one item per line) or ``csv`` (one item per row,
nested fields flattened). When ``--limit`` cuts a listing, "N of M shown" follows the
table, or goes to standard error for the other formats so their output stays parseable.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import click

from actorgraph.cli._open import USAGE, CommandError

FORMATS = ("table", "json", "jsonl", "csv")
MODALITIES = ("asserted", "reported", "alleged", "denied", "planned")
LISTING_SCHEMA = "actorgraph.listing/1"

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def format_option(formats: Sequence[str] = FORMATS) -> Decorator:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(formats)),
        default="table",
        show_default=True,
        help="table for reading; json, jsonl or csv for scripts (see the README for shapes).",
    )


def limit_option(default: int = 50) -> Decorator:
    return click.option(
        "--limit",
        type=click.IntRange(min=1),
        default=default,
        show_default=True,
        help='Most items shown; "N of M shown" says when it cuts.',
    )


def filter_options(
    *, modality: bool = True, confidence: bool = True, places: bool = False, events: bool = False
) -> Decorator:
    """Add the common filters: dates, documents, confidence; claim status; event places."""
    when = (
        "the event's own date"
        if events
        else "the publication date of the document it was read from"
    )
    options = [
        click.option("--since", default=None, help=f"From this date on (YYYY[-MM[-DD]]): {when}."),
        click.option("--until", default=None, help="Up to this date, its whole period included."),
        click.option(
            "--document",
            "documents",
            multiple=True,
            metavar="ID",
            help="Only what was read from this document (an id or its first 6+ characters; "
            "repeatable).",
        ),
    ]
    if confidence:
        options.append(
            click.option(
                "--min-confidence",
                type=click.FloatRange(0.0, 1.0),
                default=None,
                help="Only rows at least this confident (0-1).",
            )
        )
    if modality:
        options.append(
            click.option(
                "--modality",
                "modalities",
                multiple=True,
                type=click.Choice(MODALITIES),
                help="Only this claim status (repeatable).",
            )
        )
    if places:
        options += [
            click.option(
                "--country",
                "countries",
                multiple=True,
                help="Only events located in this country (name or ISO code; repeatable).",
            ),
            click.option(
                "--place",
                default=None,
                help="Only events at this place (a place's name or id, or a region).",
            ),
        ]

    def wrap(f: Callable[..., Any]) -> Callable[..., Any]:
        for option in reversed(options):
            f = option(f)
        return f

    return wrap


def normalize_dates(typed: dict[str, Any]) -> dict[str, Any]:
    """Return the options with ``since``/``until`` as ISO prefixes ("March 2015" ->
    "2015-03"); a value that is no date is a usage error (exit 2)."""
    from actorgraph.ingest import normalize_published

    out = dict(typed)
    for name in ("since", "until"):
        value = typed.get(name)
        if value is not None:
            found = normalize_published(value)
            if found is None:
                raise click.BadParameter(
                    f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                    param_hint=f"--{name}",
                )
            out[name] = found
    return out


def scope(store: Any, *, actor: str | None = None, **typed: Any) -> Any:
    """Return the store filters for the options of :func:`filter_options` (None left out)."""
    given = {k: v for k, v in normalize_dates(typed).items() if v not in (None, ())}
    try:
        return store.filters(actor=actor, **given)
    except ValueError as exc:
        raise CommandError(str(exc), USAGE) from exc


def emit(
    fmt: str,
    kind: str,
    items: Sequence[Mapping[str, Any]],
    *,
    total: int,
    table: Callable[[], str],
) -> None:
    """Print a listing in ``fmt``; say "N of M shown" when it holds fewer than ``total``."""
    note = f"{len(items)} of {total} shown; raise --limit to see more"
    cut = total > len(items)
    if fmt == "table":
        click.echo(table())
        if cut:
            click.echo(note)
        return
    if fmt == "json":
        envelope = {
            "schema": LISTING_SCHEMA,
            "kind": kind,
            "total": total,
            "shown": len(items),
            "items": list(items),
        }
        click.echo(json.dumps(envelope, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for item in items:
            click.echo(json.dumps(item, ensure_ascii=False))
    else:
        click.echo(to_csv(items), nl=False)
    if cut:
        click.echo(note, err=True)


def flatten(item: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Return one CSV row for a JSON item: nested objects as ``a_b`` columns, lists joined
    with "; " (objects in a list by their name or text), null as an empty cell."""
    row: dict[str, Any] = {}
    for key, value in item.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            row.update(flatten(value, f"{name}_"))
        elif isinstance(value, list):
            row[name] = "; ".join(_cell(v) for v in value)
        else:
            row[name] = "" if value is None else value
    return row


def _cell(value: Any) -> str:
    if isinstance(value, Mapping):
        for key in ("name", "text", "value", "id"):
            if value.get(key) is not None:
                return str(value[key])
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


def to_csv(items: Iterable[Mapping[str, Any]]) -> str:
    """Return the items as CSV text (header first), every cell safe to open in a spreadsheet."""
    from actorgraph.export.csv_acled import safe_cell

    rows = [flatten(item) for item in items]
    if not rows:
        return ""  # no columns to name: nothing rather than an empty header
    columns = list(dict.fromkeys(key for row in rows for key in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", restval="")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: safe_cell(v) for k, v in row.items()})
    return out.getvalue()
