"""Entity resolution at scale: ~1M party records, 2 threads.

Builds a party table scaled from a simulated world (given and family names, countries and cities
taken from `tanglaw simulate`'s parties, recombined into fresh people) with fresh variants per
record (upper case, "LAST, First", initials, a typo, a missing middle name or birth date, phone
forms), then times normalisation and Splink scoring with the shipped default model, and prints
records, seconds, records/s, pairs compared and the party-pair precision and recall against the
generated truth.

    python benchmarks/bench_resolve.py [--records 1000000] [--threads 2]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import duckdb
from splink.blocking_analysis import count_comparisons_from_blocking_rules

from tanglaw.engine.graph import components
from tanglaw.pack import load_pack
from tanglaw.simulate import SimulationConfig, simulate_world
from tanglaw.stages.resolve.link import linker_for, merge_condition, score_pairs
from tanglaw.stages.resolve.model import blocking_rules, default_model
from tanglaw.stages.resolve.normalise import records_sql
from tanglaw.stages.resolve.score import er_score

FLOOR = 0.001


def build_parties(con: duckdb.DuckDBPyConnection, sim_parties: Path, n_records: int) -> None:
    con.execute(f"CREATE TABLE sim AS SELECT * FROM read_csv('{sim_parties}', all_varchar = true)")
    con.execute(
        """
        CREATE TABLE givens AS SELECT row_number() OVER () - 1 AS i, g FROM (
            SELECT DISTINCT split_part(trim(name), ' ', 1) AS g FROM sim
            WHERE kind = 'person' AND name NOT LIKE '%,%' AND name NOT LIKE '%.%' AND length(split_part(name, ' ', 1)) > 2);
        CREATE TABLE families AS SELECT row_number() OVER () - 1 AS i, f FROM (
            SELECT DISTINCT string_split(trim(name), ' ')[-1] AS f FROM sim
            WHERE kind = 'person' AND name NOT LIKE '%,%' AND length(string_split(trim(name), ' ')[-1]) > 2);
        CREATE TABLE places AS SELECT row_number() OVER () - 1 AS i, country, city FROM sim
            WHERE kind = 'person' AND city IS NOT NULL;
        """
    )
    ng, nf, npl = (
        con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in ("givens", "families", "places")
    )
    n_persons = int(n_records / 2.0)
    con.execute("SELECT setseed(0.42)")
    con.execute(
        f"""
        CREATE TABLE persons AS
        SELECT p AS person_id,
               (random() * {ng})::BIGINT % {ng} AS gi, (random() * {ng})::BIGINT % {ng} AS mi,
               (random() * {nf})::BIGINT % {nf} AS fi, (random() * {npl})::BIGINT % {npl} AS pl,
               DATE '1940-01-01' + (random() * 24000)::INT AS dob,
               (1000000000 + random() * 8999999999)::BIGINT::VARCHAR AS phone_core,
               (random() < 0.5) AS has_middle
        FROM range({n_persons}) t(p)
        """
    )
    con.execute(
        """
        CREATE TABLE parties AS
        WITH r AS (
            SELECT p.*, k, random() AS u1, random() AS u2, random() AS u3, random() AS u4, random() AS u5
            FROM persons p, LATERAL (SELECT unnest(range(1 + (random() < 0.7)::INT + (random() < 0.35)::INT
                                                         + (random() < 0.15)::INT)) AS k)
        ), named AS (
            SELECT r.*, g.g, m.g AS middle, f.f, pl.country, pl.city FROM r
            JOIN givens g ON g.i = r.gi JOIN givens m ON m.i = r.mi JOIN families f ON f.i = r.fi
            JOIN places pl ON pl.i = r.pl
        )
        SELECT 'P' || person_id || '-' || k AS party_id, person_id::VARCHAR AS person_id,
               ['bank-a', 'remit-x', 'card-c', 'stream-s', 'wallet-p'][k + 1] AS source, 'person' AS kind,
               CASE WHEN k = 0 OR u1 < 0.3 THEN g || CASE WHEN has_middle THEN ' ' || middle ELSE '' END || ' ' || f
                    WHEN u1 < 0.45 THEN upper(f) || ', ' || upper(g)
                    WHEN u1 < 0.6 THEN left(g, 1) || '. ' || f
                    WHEN u1 < 0.75 THEN g || ' ' || f
                    WHEN u1 < 0.85 THEN g || ' ' || left(f, 2) || substr(f, 4, 1) || substr(f, 3, 1) || substr(f, 5)
                    ELSE upper(g || ' ' || f) END AS name,
               CASE WHEN k > 0 AND u2 < 0.2 THEN NULL
                    WHEN k > 0 AND u2 < 0.23 THEN dob + INTERVAL 1 YEAR ELSE dob END::DATE AS birth_date,
               country, city, NULL AS address,
               CASE WHEN k > 0 AND u3 < 0.3 THEN NULL
                    WHEN u3 < 0.6 THEN '+' || phone_core
                    ELSE '00' || phone_core END AS phone,
               CASE WHEN k > 0 AND u4 < 0.4 THEN NULL
                    ELSE lower(g) || '.' || lower(f) || person_id || '@example.com' END AS email,
               CASE WHEN u5 < 0.5 THEN NULL ELSE 'ID' || (person_id * 7919 % 100000000) END AS id_number
        FROM named
        """
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    pack = load_pack()
    model = default_model()
    with tempfile.TemporaryDirectory() as tmp:
        world = Path(tmp) / "world"
        simulate_world(world, SimulationConfig(customers=5000, seed=3), progress=False)
        con = duckdb.connect(str(Path(tmp) / "bench.duckdb"))
        con.execute(f"SET threads = {args.threads}")
        build_parties(con, world / "bundle" / "parties.csv", args.records)
        n = con.execute("SELECT count(*) FROM parties").fetchall()[0][0]
        t0 = time.perf_counter()
        con.execute(f"CREATE TABLE er_records AS {records_sql(pack)}")
        records = con.sql("SELECT * FROM er_records ORDER BY party_id").to_arrow_table()
        t1 = time.perf_counter()
        pairs = score_pairs(records, model, FLOOR, threads=args.threads)
        t2 = time.perf_counter()
        thr = float(pack["resolve"]["cluster_threshold"])
        con.register("pairs", pairs)
        edges = con.sql(f"SELECT party_a, party_b FROM pairs WHERE {merge_condition(thr)}").to_arrow_table()
        comp = components(records["party_id"], edges["party_a"], edges["party_b"])
        t3 = time.perf_counter()
        linker = linker_for(records, model, args.threads)
        counted = count_comparisons_from_blocking_rules(
            next(iter(linker._input_tables_dict.values())),
            blocking_rules=blocking_rules(),
            link_type="dedupe_only",
            unique_id_column_name="party_id",
            record_sample_proportion=1.0,
        )
        compared = counted[-1]["cumulative_comparison_count"] if counted else 0
        entity = dict(zip(comp["node"].to_pylist(), comp["component"].to_pylist(), strict=True))
        person = dict(con.execute("SELECT party_id, person_id FROM parties").fetchall())
        s = er_score(entity, person)
        secs = t3 - t0
        print(
            json.dumps(
                {
                    "records": n,
                    "threads": args.threads,
                    "seconds": round(secs, 1),
                    "seconds_normalise": round(t1 - t0, 1),
                    "seconds_splink": round(t2 - t1, 1),
                    "seconds_cluster": round(t3 - t2, 1),
                    "records_per_second": round(n / secs),
                    "pairs_compared": compared,
                    "pairs_kept": pairs.num_rows,
                    "pair_precision": s.precision,
                    "pair_recall": s.recall,
                },
                indent=2,
            )
        )


if __name__ == "__main__":
    main()
