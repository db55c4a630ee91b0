"""What a detector is: a code, a sentence, a role, the tables it needs, and one query.

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

from ..engine import Engine
from ..pack import Pack

STAGE = "detect"


@dataclass(frozen=True)
class Detector:
    code: str
    description: str
    role: str
    needs: tuple[str, ...]
    query: Callable[[dict[str, Any], Pack], str]


def noisy_or(parts: Sequence[tuple[str, str, str]]) -> tuple[str, str]:
    """SQL for combining (condition, weight, label) parts: the weight and the words.

    weight = 1 − Π(1 − w) over the parts whose condition holds.
    """
    prod = " * ".join(f"(1 - CASE WHEN {cond} THEN {w} ELSE 0 END)" for cond, w, _ in parts)
    words = ", ".join(
        f"CASE WHEN {cond} THEN '{label} ' || printf('%.2f', {w}) END" for cond, w, label in parts
    )
    return f"(1 - {prod})", f"concat_ws('; ', {words})"


def create_hits_table(engine: Engine) -> None:
    engine.execute(
        """
        CREATE TABLE hits (
            code VARCHAR, role VARCHAR, entity_id VARCHAR, weight DOUBLE, evidence VARCHAR,
            record_ids VARCHAR[], components VARCHAR
        )
        """,
        stage=STAGE,
    )


def run_detectors(engine: Engine, pack: Pack, detectors: Sequence[Detector]) -> dict[str, int]:
    """Run each detector in order (later ones may read earlier hits); return hits per code."""
    create_hits_table(engine)
    counts: dict[str, int] = {}
    for d in detectors:
        params = pack.typology(d.code)
        sql = d.query(params, pack)
        engine.execute(
            f"""
            INSERT INTO hits
            SELECT '{d.code}', role, entity_id, least(greatest(weight, 0), 1), evidence,
                   record_ids, components
            FROM ({sql}) WHERE weight > 0
            """,
            stage=f"{STAGE}:{d.code}",
        )
        counts[d.code] = int(engine.scalar("SELECT count(*) FROM hits WHERE code = ?", [d.code]))
    return counts
