"""Train the entity-resolution model on a bundle's party records.

u (how often a level occurs between different people) is estimated from random pairs. m (how
often it occurs between records of one person) comes from labels when a truth folder is given
(`truth/accounts.csv`: party_id → person_id), otherwise by expectation maximisation on birth-date
and phone blocks only: EM on a name block makes namesakes look like matches. A level that
training never observed between records of one person gets a small m (`UNSEEN_M`: rare, not
impossible); one observed nowhere keeps a neutral weight.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..ingest.readers import duckdb_path
from .link import linker_for
from .model import FORMAT, base_settings, training_blocks

UNSEEN_M = 0.02


def _neutralise_unobserved(settings: dict[str, Any]) -> None:
    for comp in settings["comparisons"]:
        for level in comp["comparison_levels"]:
            if level.get("is_null_level"):
                continue
            m, u = level.get("m_probability"), level.get("u_probability")
            bad = lambda x: x is None or not math.isfinite(float(x)) or float(x) <= 0  # noqa: E731
            if bad(m) and bad(u):
                level["m_probability"] = level["u_probability"] = 1e-6
            elif bad(m):
                # never seen between records of one person: rare there, not impossible
                level["m_probability"] = min(float(u), UNSEEN_M)
            elif bad(u):
                level["u_probability"] = float(m)


def train(
    records: pa.Table,
    *,
    labels: pa.Table | None = None,
    threads: int | None = None,
    source: str = "",
    max_pairs: float = 2e6,
) -> dict[str, Any]:
    """A model document (see `model.py`) trained on `records` (an `er_records` table).

    `labels`, when given, has `party_id` and `person_id` columns.
    """
    n = records.num_rows
    if n < 10:
        raise ValueError(f"{n} party records: too few to train on (at least 10 are needed)")
    model = {"format": FORMAT, "matches_per_record": 0.5, "splink": base_settings()}
    person = None
    if labels is not None:
        lab = {
            p: q
            for p, q in zip(labels["party_id"].to_pylist(), labels["person_id"].to_pylist(), strict=True)
            if p
        }
        person = pa.array([lab.get(p) for p in records["party_id"].to_pylist()], pa.string())
        counts: dict[str, int] = {}
        for q in person.to_pylist():
            if q is not None:
                counts[q] = counts.get(q, 0) + 1
        model["matches_per_record"] = max(1e-6, sum(c * (c - 1) for c in counts.values()) / n)
    linker = linker_for(records, model, threads, extra={"person_id": person} if person is not None else None)
    linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs, seed=1)
    if person is not None:
        linker.training.estimate_m_from_label_column("person_id")
    else:
        # the prior, from records sharing an id number, an email, or a phone and a birth date:
        # about two thirds of all same-person pairs do on Tanglaw's simulator (0.645 measured on
        # `simulate --customers 20000 --seed 11`)
        linker.training.estimate_probability_two_random_records_match(
            [
                "l.id_number = r.id_number",
                "l.phone = r.phone AND l.birth_date = r.birth_date",
                "l.email = r.email",
            ],
            recall=0.65,
        )
        lam = float(linker._settings_obj._probability_two_random_records_match)
        model["matches_per_record"] = min(50.0, max(1e-6, lam * (n - 1)))
        for rule in training_blocks():
            linker.training.estimate_parameters_using_expectation_maximisation(
                rule, fix_probability_two_random_records_match=True
            )
    settings = linker.misc.save_model_to_json()
    linker._db_api.duckdb_con.close()
    settings.pop("linker_uid", None)
    _neutralise_unobserved(settings)
    model["splink"] = settings
    model["trained_records"] = n
    model["trained_on"] = source or f"{n} party records"
    model["trained_with"] = "labels" if person is not None else "expectation maximisation"
    return model


def train_bundle(bundle: Path, *, truth: Path | None = None, pack_path: Path | None = None) -> dict[str, Any]:
    """Read BUNDLE (checked like a run), normalise its party records and train on them."""
    import duckdb

    from ...engine.core import DuckDBEngine
    from ...errors import BundleError, Problem
    from ...pack import load_pack
    from ..ingest import ingest_bundle
    from ..ingest.discover import discover_bundle
    from .normalise import build_records

    pack = load_pack(pack_path)
    discover_bundle(bundle)
    engine = DuckDBEngine(duckdb.connect())
    ingest_bundle(engine, bundle)
    build_records(engine, pack, stage="train")
    records = engine.arrow("SELECT * FROM er_records ORDER BY party_id")
    labels = None
    if truth is not None:
        path = truth / "accounts.csv"
        if not path.exists():
            raise BundleError([Problem(str(path), None, None, "no such file")])
        labels = engine.arrow(
            f"""
            SELECT DISTINCT party_id, person_id
            FROM read_csv({duckdb_path(path)}, all_varchar = true)
            WHERE party_id IS NOT NULL AND person_id IS NOT NULL
            """
        )
    return train(records, labels=labels, source=str(bundle))
