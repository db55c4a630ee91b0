"""Benchmark: Tanglaw's PDQ index against python-threatexchange's, on random PDQ hashes.

In one run (defaults: 1M random hashes, 2,000 queries, distance 31):
  * builds tanglaw.media.PdqIndex and python-threatexchange's PDQIndex (faiss
    IndexBinaryMultiHash, 16 x 16 bits, as HMA uses it) over the same hashes;
  * queries both, one query per call, in alternating timed passes (the best pass of each is kept,
    so that other load on the machine favours neither), with the same queries: 90% are a stored hash with 0-40
    random bits flipped (so most have a true match within 31), 10% are fresh random hashes;
  * checks that both return exactly the same (id, distance) pairs for every query, and that
    Tanglaw's equal a brute-force scan for the first 200;
  * reports build seconds, queries per second and the speed ratio;
  * adds 20,000 hashes one call at a time and removes 20,000, timing each, then checks lookups
    against brute force again (the index updates without a full rebuild);
  * measures memory: the bytes of the index's arrays and the growth of the process's resident
    memory, for 1M, 2M and 4M hashes and for a real 10M-hash index (skip with --no-ten-million
    to extrapolate from the series instead), against the 4 GB budget.

faiss runs on one OpenMP thread by default here (--faiss-threads): that was its fastest setting
for one query per call on this 2-core machine (about 950 queries/s at 1M against about 750 with
its default 2 threads, and about 125 when another process kept a core busy).

The threatexchange comparison needs `pip install threatexchange` (it brings faiss-cpu); without
it that part is skipped with a message and Tanglaw is measured alone. `--faiss` adds raw faiss
IndexBinaryMultiHash, queried in one batch, for reference. Usage:

    python benchmarks/bench_pdq_index.py
    python benchmarks/bench_pdq_index.py --n 200000 --queries 500 --no-series --no-ten-million
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import os
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from tanglaw.media.hashes import distances, flip_bits, from_words, random_words
from tanglaw.media.index import PdqIndex

GIB = 2**30
BUDGET_BYTES = 4 * 10**9


def rss_bytes() -> int:
    """Resident memory of this process (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def make_queries(words: np.ndarray, count: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    out = np.empty((count, 4), dtype=np.uint64)
    for i in range(count):
        if rng.random() < 0.9:
            base = words[rng.integers(len(words))]
            out[i] = flip_bits(base, int(rng.integers(0, 41)), seed=int(rng.integers(2**31)))
        else:
            out[i] = random_words(1, int(rng.integers(2**31)))[0]
    return out


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    t = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t


Results = list[set[tuple[int, int]]]


def tanglaw_side(
    words: np.ndarray, queries: np.ndarray, threshold: int
) -> tuple[dict[str, Any], Callable[[], Results]]:
    """Build Tanglaw's index; returns its figures and a function that runs every query once."""
    gc.collect()
    before = rss_bytes()
    idx, build_s = timed(lambda: PdqIndex.build(words))
    grown = rss_bytes() - before
    for q in queries[:50]:  # warm-up
        idx.query(q, threshold)

    def one_pass() -> Results:
        results = []
        for q in queries:
            ids, d = idx.query(q, threshold)
            results.append(set(zip(ids.tolist(), d.tolist(), strict=True)))
        return results

    info = {"build_s": build_s, "nbytes": idx.nbytes, "rss_growth": grown, "segments": idx.segment_sizes}
    return info, one_pass


def threatexchange_side(
    hexes: list[str], queries: np.ndarray, threshold: int
) -> tuple[dict[str, Any], Callable[[], Results]] | None:
    """Build python-threatexchange's PDQIndex (None, with a message, when it is not installed)."""
    if importlib.util.find_spec("threatexchange") is None:
        print(
            "python-threatexchange is not installed: skipping the comparison "
            "(pip install threatexchange to run it; it brings faiss-cpu)."
        )
        return None
    from threatexchange.signal_type.pdq.pdq_index import PDQIndex

    if PDQIndex.get_match_threshold() != threshold:
        print(
            f"note: PDQIndex matches at {PDQIndex.get_match_threshold()}, not {threshold}; comparing anyway"
        )
    gc.collect()
    before = rss_bytes()
    index, build_s = timed(lambda: PDQIndex(entries=((h, i) for i, h in enumerate(hexes))))
    grown = rss_bytes() - before
    qhex = from_words(queries)
    for q in qhex[:10]:
        index.query(q)

    def one_pass() -> Results:
        return [{(int(m.metadata), int(m.similarity_info.distance)) for m in index.query(q)} for q in qhex]

    return {"build_s": build_s, "rss_growth": grown}, one_pass


def bench_faiss(words: np.ndarray, queries: np.ndarray, threshold: int) -> dict[str, Any] | None:
    if importlib.util.find_spec("faiss") is None:
        print("faiss is not installed: skipping raw faiss.")
        return None
    import faiss

    data = words.astype(">u8").view(np.uint8).reshape(-1, 32)
    qdata = queries.astype(">u8").view(np.uint8).reshape(-1, 32)

    def build() -> Any:
        ix = faiss.IndexBinaryMultiHash(256, 16, 16)
        ix.add(data)
        ix.nflip = threshold // 16
        return ix

    ix, build_s = timed(build)
    (lims, dist, labels), query_s = timed(lambda: ix.range_search(qdata, threshold + 1))
    results = [
        set(zip(labels[lims[i] : lims[i + 1]].tolist(), dist[lims[i] : lims[i + 1]].tolist(), strict=True))
        for i in range(len(queries))
    ]
    return {"build_s": build_s, "qps": len(queries) / query_s, "results": results}


def brute_force_check(
    words: np.ndarray, queries: np.ndarray, results: list[set[tuple[int, int]]], t: int
) -> int:
    bad = 0
    for q, got in zip(queries, results, strict=False):
        d = distances(words, q)
        ids = np.flatnonzero(d <= t)
        bad += got != set(zip(ids.tolist(), d[ids].tolist(), strict=True))
    return bad


def churn(words: np.ndarray, queries: np.ndarray, threshold: int, count: int, seed: int) -> dict[str, Any]:
    """Add `count` hashes one call at a time, remove `count` (half old, half new), then query and
    check against brute force: updates without a full rebuild."""
    idx = PdqIndex.build(words)
    fresh = make_queries(words, count, seed)  # near-duplicates of stored hashes, as real banks get
    t = time.perf_counter()
    new_ids = [int(idx.add(fresh[i : i + 1])[0]) for i in range(count)]
    add_s = time.perf_counter() - t
    rng = np.random.default_rng(seed)
    gone = rng.choice(len(words), count // 2, replace=False).tolist() + new_ids[: count - count // 2]
    t = time.perf_counter()
    for i in gone:
        idx.remove([i])
    remove_s = time.perf_counter() - t
    model = np.concatenate([words, fresh])
    alive = np.ones(len(model), dtype=bool)
    alive[gone[: count // 2]] = False
    alive[len(words) : len(words) + count - count // 2] = False
    ids_of_row = np.concatenate([np.arange(len(words)), np.array(new_ids)])
    _, q_s = timed(lambda: [idx.query(q, threshold) for q in queries])
    bad = 0
    for q in queries[:100]:
        d = distances(model, q)
        rows = np.flatnonzero((d <= threshold) & alive)
        ids, dist = idx.query(q, threshold)
        bad += sorted(zip(ids_of_row[rows].tolist(), d[rows].tolist(), strict=True)) != list(
            zip(ids.tolist(), dist.tolist(), strict=True)
        )
    return {
        "adds": count,
        "add_us": add_s / count * 1e6,
        "removes": len(gone),
        "remove_us": remove_s / len(gone) * 1e6,
        "qps_after": len(queries) / q_s,
        "segments_after": idx.segment_sizes,
        "tail_after": idx.tail_size,
        "brute_force_mismatches": bad,
    }


def memory_at(n: int, seed: int) -> dict[str, Any]:
    words = random_words(n, seed)
    gc.collect()
    before = rss_bytes()
    idx, build_s = timed(lambda: PdqIndex.build(words))
    grown = rss_bytes() - before
    q = make_queries(words, 500, seed + 1)
    for x in q[:50]:
        idx.query(x)
    _, qs = timed(lambda: [idx.query(x) for x in q])
    row = {
        "n": n,
        "build_s": round(build_s, 2),
        "index_bytes": idx.nbytes,
        "rss_growth_bytes": grown,
        "qps": round(len(q) / qs),
        "layout_chunks": idx._segments[0].layout.chunks if idx._segments and idx._segments[0].layout else 0,
    }
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1_000_000, help="hashes in the compared indexes")
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--threshold", type=int, default=31)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--passes", type=int, default=2, help="timed query passes per index (best is kept)")
    ap.add_argument(
        "--churn", type=int, default=20_000, help="single adds and removes after the build (0: skip)"
    )
    ap.add_argument("--faiss", action="store_true", help="also time raw faiss IndexBinaryMultiHash (batch)")
    ap.add_argument("--no-series", action="store_true", help="skip the 1M/2M/4M memory series")
    ap.add_argument("--no-ten-million", action="store_true", help="extrapolate 10M instead of building it")
    ap.add_argument(
        "--faiss-threads",
        type=int,
        default=1,
        help="OpenMP threads for faiss (default 1: single queries ran fastest so, and spinning threads "
        "collapse to ~130 queries/s when another process shares the cores; 0 keeps faiss's default)",
    )
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()
    if args.faiss_threads and importlib.util.find_spec("faiss") is not None:
        import faiss

        faiss.omp_set_num_threads(args.faiss_threads)
    print(f"Load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs)")
    report: dict[str, Any] = {
        "n": args.n,
        "queries": args.queries,
        "threshold": args.threshold,
        "faiss_threads": args.faiss_threads,
    }

    print(f"Generating {args.n:,} random PDQ hashes and {args.queries:,} queries …")
    words = random_words(args.n, args.seed)
    queries = make_queries(words, args.queries, args.seed + 1)

    tl, tl_pass = tanglaw_side(words, queries, args.threshold)
    tx_side = threatexchange_side(from_words(words), queries, args.threshold)
    # alternate timed passes (Tanglaw, threatexchange, Tanglaw, threatexchange) and keep each
    # side's best, so that other load on the machine does not favour either
    tl_times, tx_times = [], []
    tl_results: Results = []
    tx_results: Results = []
    for _ in range(args.passes):
        tl_results, t = timed(tl_pass)
        tl_times.append(t)
        if tx_side is not None:
            tx_results, t = timed(tx_side[1])
            tx_times.append(t)
    tl["qps"] = len(queries) / min(tl_times)
    matches = sum(len(r) for r in tl_results)
    print(
        f"Tanglaw PdqIndex        build {tl['build_s']:6.2f} s   {tl['qps']:9,.0f} queries/s   "
        f"{tl['nbytes'] / 2**20:7.1f} MiB arrays   {matches:,} matches"
    )
    bad = brute_force_check(words, queries[:200], tl_results[:200], args.threshold)
    print(f"  equals brute force on the first 200 queries: {'yes' if bad == 0 else f'NO ({bad} differ)'}")
    report["tanglaw"] = dict(tl, matches=matches, brute_force_mismatches=bad, pass_seconds=tl_times)
    if tx_side is not None:
        tx = dict(tx_side[0], qps=len(queries) / min(tx_times), pass_seconds=tx_times)
        same = sum(a == b for a, b in zip(tl_results, tx_results, strict=True))
        print(f"threatexchange PDQIndex build {tx['build_s']:6.2f} s   {tx['qps']:9,.0f} queries/s")
        print(f"  identical (id, distance) sets on {same:,} of {args.queries:,} queries")
        print(f"  speed: Tanglaw answers {tl['qps'] / tx['qps']:.1f}x as many queries per second")
        report["threatexchange"] = tx
        report["identical_queries"] = same
        report["speed_ratio"] = tl["qps"] / tx["qps"]
    del tl_pass, tx_side
    gc.collect()

    if args.churn:
        ch = churn(words, queries, args.threshold, args.churn, args.seed + 3)
        print(
            f"Churn on the {args.n:,}-hash index: {ch['adds']:,} single adds at {ch['add_us']:.0f} us each, "
            f"{ch['removes']:,} removes at {ch['remove_us']:.0f} us each; then {ch['qps_after']:,.0f} queries/s "
            f"(segments {ch['segments_after']}, tail {ch['tail_after']}); "
            f"equals brute force: {'yes' if ch['brute_force_mismatches'] == 0 else 'NO'}"
        )
        report["churn"] = ch

    if args.faiss:
        fx = bench_faiss(words, queries, args.threshold)
        if fx is not None:
            same = sum(a == b for a, b in zip(tl_results, fx["results"], strict=True))
            print(
                f"raw faiss MultiHash   build {fx['build_s']:6.2f} s   {fx['qps']:9,.0f} queries/s (one batch)   "
                f"identical on {same:,}"
            )
            report["faiss_batch"] = {"build_s": fx["build_s"], "qps": fx["qps"], "identical_queries": same}
    del words, queries
    gc.collect()

    if not args.no_series:
        print("Memory series (Tanglaw index arrays; process RSS growth while building):")
        series = [memory_at(n, args.seed + k) for k, n in enumerate((1_000_000, 2_000_000, 4_000_000))]
        if not args.no_ten_million:
            series.append(memory_at(10_000_000, args.seed + 9))
        for row in series:
            print(
                f"  {row['n']:>11,} hashes  {row['index_bytes'] / GIB:6.3f} GiB arrays  "
                f"{row['rss_growth_bytes'] / GIB:6.3f} GiB RSS growth  build {row['build_s']:5.1f} s  "
                f"{row['qps']:7,} queries/s  ({row['layout_chunks']} chunks)"
            )
        report["series"] = series
        if args.no_ten_million:
            # from 2M on the layout is fixed, so bytes are linear: fit the 2M and 4M points
            (n1, b1), (n2, b2) = [(r["n"], r["index_bytes"]) for r in series[1:3]]
            per = (b2 - b1) / (n2 - n1)
            est = b2 + per * (10_000_000 - n2)
            print(
                f"  10M hashes (extrapolated from 2M and 4M: {per:.1f} bytes/hash): {est / GIB:.3f} GiB arrays"
            )
            report["ten_million_extrapolated_bytes"] = est
            ten = est
        else:
            ten = series[-1]["index_bytes"]
        verdict = "fits" if ten < BUDGET_BYTES else "does NOT fit"
        print(f"  a 10M-hash index {verdict} in 4 GB ({ten / 1e9:.2f} GB of arrays)")

    print(f"Load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(report, fh, indent=2, default=float)


if __name__ == "__main__":
    main()
