"""Score candidate pairs of party records with Splink (DuckDB backend).

Splink runs on its own in-memory DuckDB connection, fed with `er_records` as Arrow, so that
its working tables never land in the workspace; the scored pairs come back as Arrow.
"""

from __future__ import annotations

import logging
from typing import Any

import duckdb
import pyarrow as pa

from .model import COLUMNS, settings_for

#: per comparison, the column of its match weight (log2 of its Bayes factor) in Splink's output
MW_PREFIX = "mw_"


#: blocking rules 0-2 are the shared phone, email and id number (see `model.blocking_rules`)
IDENTIFIER_RULES = ("0", "1", "2")


def merge_condition(threshold: float) -> str:
    """SQL over scored pairs: merge at `threshold`, or on a shared non-hub identifier when neither
    the names nor the birth dates disagree (their match weights are not negative)."""
    rules = ", ".join(f"'{r}'" for r in IDENTIFIER_RULES)
    return (
        f"(match_probability >= {float(threshold)} OR "
        f"(match_key IN ({rules}) AND {MW_PREFIX}name >= 0 AND {MW_PREFIX}birth_date >= 0))"
    )


def _quiet() -> None:
    for name in ("splink", "splink.internals"):
        logging.getLogger(name).setLevel(logging.WARNING)


def linker_for(
    records: pa.Table,
    model: dict[str, Any],
    threads: int | None = None,
    *,
    extra: dict[str, pa.Array] | None = None,
    validate: bool = True,
) -> Any:
    """A Splink linker on a private DuckDB connection holding `records` (and `extra`) as `er_in`.

    `validate=False` skips Splink's check of the model's SQL against the input columns (a tenth
    of a second of SQL parsing), for the shipped model, whose columns are always these."""
    from splink import DuckDBAPI, Linker

    _quiet()
    con = duckdb.connect()
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    table = records.select(list(COLUMNS))
    for name, col in (extra or {}).items():
        table = table.append_column(name, col)
    con.register("__resolve__er_arrow", table)
    con.execute("CREATE TABLE er_in AS SELECT * FROM __resolve__er_arrow")
    con.unregister("__resolve__er_arrow")
    db = DuckDBAPI(connection=con)
    sdf = db.register("er_in")
    return Linker(sdf, settings_for(model, records.num_rows), log_level=None, validate_settings=validate)


def score_pairs(
    records: pa.Table,
    model: dict[str, Any],
    threshold: float,
    threads: int | None = None,
    *,
    validate: bool = True,
) -> pa.Table:
    """Pairs (`party_a` < `party_b`) at or above `threshold`: probability, weight, weight per comparison."""
    names = [c["output_column_name"] for c in model["splink"]["comparisons"]]
    empty = pa.table(
        {"party_a": pa.array([], pa.string()), "party_b": pa.array([], pa.string())}
        | {"match_probability": pa.array([], pa.float64()), "match_weight": pa.array([], pa.float64())}
        | {MW_PREFIX + n: pa.array([], pa.float64()) for n in names}
        | {"match_key": pa.array([], pa.string())}
    )
    if records.num_rows < 2:
        return empty
    linker = linker_for(records, model, threads, validate=validate)
    pred = linker.inference.predict(threshold_match_probability=threshold, warning_mode="never")
    weights = ", ".join(f"p.{MW_PREFIX}{n}::DOUBLE AS {MW_PREFIX}{n}" for n in names)
    con = linker._db_api.duckdb_con
    sql = f"""
        SELECT least(party_id_l, party_id_r) AS party_a, greatest(party_id_l, party_id_r) AS party_b,
               match_probability::DOUBLE AS match_probability, match_weight::DOUBLE AS match_weight,
               {weights}, p.match_key::VARCHAR AS match_key
        FROM {pred.physical_name} p
    """
    out: pa.Table = con.sql(sql).to_arrow_table()
    con.close()
    return out
