"""What a detector is: a code, the tables it needs, and one query.

Its description, role, sources, mode and parameters are data in the typology pack, in the section
named after the code (the pack is the one place a typology is declared); `pack.typology(code)`.

The query yields one row per flagged entity with columns
`entity_id, weight, evidence, record_ids, components`:
`weight` in 0–1, `evidence` a sentence with the numbers, `record_ids` a list of the ids of the
supporting records, `components` the parts of the weight in words ("night 0.35; …").
Parameters come from the typology pack section named after the code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ...engine.core import Engine
from ...pack import Pack

STAGE = "detect"


@dataclass(frozen=True)
class Detector:
    code: str
    needs: tuple[str, ...]
    query: Callable[[dict[str, Any], Pack], str]
    #: builds a stage table the query reads, once the typologies before it have run (called
    #: whatever the typology's mode, so the table always exists)
    prepare: Callable[[Engine, Pack], None] | None = None


def date_text(col: str) -> str:
    """SQL for a timestamp column as YYYY-MM-DD, for evidence sentences."""
    return f"strftime({col}, '%Y-%m-%d')"


def usd_text(expr: str) -> str:
    """SQL for an amount as `US$1,234`, for evidence sentences."""
    return f"'US$' || format('{{:,.0f}}', {expr})"


def noisy_or(parts: Sequence[tuple[str, str, str]]) -> tuple[str, str]:
    """SQL for combining (condition, weight, label) parts: the weight and the words.

    weight = 1 − Π(1 − w) over the parts whose condition holds. A part a pack weighs 0 is left
    out, from the words too.
    """
    parts = [(cond, w, label) for cond, w, label in parts if float(w) != 0]
    if not parts:
        return "0.0", "''"
    prod = " * ".join(f"(1 - CASE WHEN {cond} THEN {w} ELSE 0 END)" for cond, w, _ in parts)
    words = ", ".join(
        f"CASE WHEN {cond} THEN '{label} ' || printf('%.2f', {w}) END" for cond, w, label in parts
    )
    return f"(1 - {prod})", f"concat_ws('; ', {words})"


HITS_COLUMNS = """
    code VARCHAR, role VARCHAR, entity_id VARCHAR, weight DOUBLE, evidence VARCHAR,
    record_ids VARCHAR[], components VARCHAR
"""


def create_hits_tables(engine: Engine) -> None:
    engine.execute(f"CREATE TABLE hits ({HITS_COLUMNS})", stage=STAGE)
    engine.execute(f"CREATE TABLE shadow_hits ({HITS_COLUMNS})", stage=STAGE)


def _insert(engine: Engine, code: str, sql: str, target: str) -> int:
    engine.execute(
        f"""
        INSERT INTO {target}
        SELECT '{code}', role, entity_id, least(greatest(weight, 0), 1), evidence, record_ids, components
        FROM ({sql}) WHERE weight > 0
        """,
        stage=f"{STAGE}:{code}",
    )
    return int(engine.scalar(f"SELECT count(*) FROM {target} WHERE code = ?", [code]))


def run_detectors(engine: Engine, pack: Pack, detectors: Sequence[Detector]) -> dict[str, int]:
    """Run each live or shadow typology in order (later ones may read earlier live hits), then the
    pack's candidate typologies; return hits per code (shadow codes are suffixed ` (shadow)`)."""
    from ...candidates import run_candidate

    create_hits_tables(engine)
    counts: dict[str, int] = {}
    for d in detectors:
        if d.prepare is not None:
            d.prepare(engine, pack)
        mode = pack.mode(d.code)
        if mode == "off":
            continue
        target = "hits" if mode == "live" else "shadow_hits"
        n = _insert(engine, d.code, d.query(pack.typology(d.code), pack), target)
        counts[d.code if mode == "live" else f"{d.code} (shadow)"] = n
    for code, cfg in pack.candidates.items():
        if cfg["mode"] == "off":
            continue
        target = "hits" if cfg["mode"] == "live" else "shadow_hits"
        n = run_candidate(engine, code, cfg, target, f"{STAGE}:{code}")  # in a sandbox: no files
        counts[code if cfg["mode"] == "live" else f"{code} (shadow)"] = n
    return counts
