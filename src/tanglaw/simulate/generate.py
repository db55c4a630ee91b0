"""simulate_world: build a world and write its bundle and ground truth, chunk by chunk."""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)

from .background import customer_chunk, receiver_side
from .chats import chat_messages
from .clock import Clock
from .config import SimulationConfig
from .events import Buffer, Sessions, Txns
from .fx import fx_table
from .networks import SEXTORTION_NETWORK_BASE
from .registry import S_PLATFORM
from .rng import stream
from .sessions import friend_calls, viewers
from .stats import cohort_counts, customer_cohorts, payment_stats
from .tables import SCHEMAS, TableMaker
from .world import World, build_world
from .writer import EXTENSIONS, Sink

RECORD_BLOCK = 500_000
BUILD_STEPS = 5


def _by_owner(buf: Buffer, key: np.ndarray) -> tuple[Any, np.ndarray]:
    """The buffer sorted by `key`, and the sorted keys (for range slicing)."""
    order = np.argsort(key, kind="stable")
    return buf.take(order), key[order]


def _slice(buf: Any, keys: np.ndarray, lo: int, hi: int) -> Any:
    a, b = np.searchsorted(keys, [lo, hi])
    return buf.take(np.arange(a, b))


def _trailing_keys(world: World, t: Txns) -> np.ndarray:
    """Chunk position of receiving-side rows: the receiving person they belong to."""
    reg = world.reg
    pos = np.full(len(reg.persons), -1, dtype=np.int64)
    pos[world.receivers] = np.arange(len(world.receivers))
    acc_person = reg.accounts["person"]
    key = pos[acc_person[t.snd]]
    return np.where(key >= 0, key, np.maximum(pos[acc_person[t.rcv]], 0))


def _sorted(buf: Any, ts: np.ndarray, clock: Clock) -> Any:
    """Rows inside the window, in time order."""
    keep = np.flatnonzero(clock.inside(ts))
    return buf.take(keep[np.argsort(ts[keep], kind="stable")])


def simulate_world(out_dir: Path, cfg: SimulationConfig, progress: bool = True) -> dict[str, Any]:
    """Generate a synthetic world and write it to `out_dir`.

    Writes `out_dir/bundle/{parties,accounts,transactions,sessions,messages,fx_rates}.<fmt>` in the
    shapes of data contract v1 and `out_dir/truth/{persons,accounts}.csv`. Returns counts per
    table and per cohort, and a few statistics of the offenders' payments.
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    bundle, truth = out_dir / "bundle", out_dir / "truth"
    bundle.mkdir(parents=True, exist_ok=True)
    truth.mkdir(parents=True, exist_ok=True)
    ext = EXTENSIONS[cfg.fmt]
    chunk = cfg.chunk_customers
    n_chunks = math.ceil(cfg.customers / chunk)
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description:<28}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), disable=not progress) as bar:
        task = bar.add_task("building the world", total=BUILD_STEPS + n_chunks + 3)

        def step(label: str) -> None:
            bar.update(task, description=label, advance=1)

        world = build_world(cfg, step)
        reg, clock, seed = world.reg, world.clock, cfg.seed
        bar.update(task, total=BUILD_STEPS + n_chunks + math.ceil(len(world.receivers) / chunk) + 3)
        maker = TableMaker(reg, stream(seed, "ids"), len(world.broadcasts.host))
        sizes: dict[str, int] = {}
        sinks = {
            name: Sink(bundle / f"{name}.{ext}", cfg.fmt, SCHEMAS[name])
            for name in ("transactions", "sessions")
        }
        platform_people = np.flatnonzero((reg.slot(S_PLATFORM) >= 0) & (reg.persons["kind"] == 0))
        customer_t = world.txns.take(np.flatnonzero(world.txns.owner >= 0))
        trailing_t = world.txns.take(np.flatnonzero(world.txns.owner < 0))
        spec_t, t_keys = _by_owner(customer_t, customer_t.owner)
        spec_s, s_keys = _by_owner(world.sessions, world.sessions.owner)
        n_txn_customers = 0

        for k in range(n_chunks):
            bar.update(task, description=f"customers {k + 1}/{n_chunks}")
            lo, hi = k * chunk, min(cfg.customers, (k + 1) * chunk)
            rng = stream(seed, "chunk", k)
            t = Txns.concat([customer_chunk(world.background, rng, lo, hi), _slice(spec_t, t_keys, lo, hi)])
            t = _sorted(t, t.ts, clock)
            n_txn_customers += len(t)
            sinks["transactions"].write(maker.transactions(t))
            persons = np.arange(lo, hi)
            s = Sessions.concat(
                [
                    viewers(world.broadcasts, reg, rng, clock, persons),
                    friend_calls(reg, rng, clock, persons, platform_people),
                    _slice(spec_s, s_keys, lo, hi),
                ]
            )
            sinks["sessions"].write(maker.sessions(_sorted(s, s.start, clock)))
            bar.advance(task)

        # Receiving side: domestic life, cash-outs and payouts, by receiving person.
        tail, tail_keys = _by_owner(trailing_t, _trailing_keys(world, trailing_t))
        n_recv = len(world.receivers)
        for k in range(math.ceil(n_recv / chunk)):
            bar.update(task, description="receiving side")
            lo, hi = k * chunk, min(n_recv, (k + 1) * chunk)
            rng = stream(seed, "receiving-chunk", k)
            persons = world.receivers[lo:hi]
            t = Txns.concat(
                [
                    receiver_side(world.background, rng, persons, world.pool.persons),
                    _slice(tail, tail_keys, lo, hi),
                ]
            )
            sinks["transactions"].write(maker.transactions(_sorted(t, t.ts, clock)))
            s = Sessions.concat(
                [
                    viewers(world.broadcasts, reg, rng, clock, persons),
                    friend_calls(reg, rng, clock, persons, platform_people, owners=False),
                ]
            )
            sinks["sessions"].write(maker.sessions(_sorted(s, s.start, clock)))
            bar.advance(task)
        rows = {name: sink.rows for name, sink in sinks.items()}
        for name, sink in sinks.items():
            sizes[f"bundle/{name}.{ext}"] = sink.close()

        bar.update(task, description="parties and accounts")
        for name, order, build in (
            ("parties", maker.party_order(), maker.parties),
            ("accounts", maker.account_order(), maker.accounts),
        ):
            sink = Sink(bundle / f"{name}.{ext}", cfg.fmt, SCHEMAS[name])
            for i in range(0, len(order), RECORD_BLOCK):
                sink.write(build(order[i : i + RECORD_BLOCK]))
            rows[name] = sink.rows
            sizes[f"bundle/{name}.{ext}"] = sink.close()
        bar.advance(task)

        bar.update(task, description="ground truth")
        for name, order, build in (
            ("persons", np.arange(len(reg.persons)), maker.truth_persons),
            ("accounts", maker.account_order(), maker.truth_accounts),
        ):
            sink = Sink(truth / f"{name}.csv", "csv", SCHEMAS[f"truth_{name}"])
            for i in range(0, len(order), RECORD_BLOCK):
                sink.write(build(order[i : i + RECORD_BLOCK]))
            sizes[f"truth/{name}.csv"] = sink.close()
        bar.advance(task)
        sink = Sink(bundle / f"messages.{ext}", cfg.fmt, SCHEMAS["messages"])
        sink.write(maker.messages(chat_messages(reg, stream(seed, "chats"), world.sessions)))
        rows["messages"] = sink.rows
        sizes[f"bundle/messages.{ext}"] = sink.close()
        sink = Sink(bundle / f"fx_rates.{ext}", cfg.fmt, SCHEMAS["fx_rates"])
        sink.write(fx_table(clock, stream(seed, "fx"), SCHEMAS["fx_rates"]))
        rows["fx_rates"] = sink.rows
        sizes[f"bundle/fx_rates.{ext}"] = sink.close()
        bar.update(task, description="done", advance=1)

    net = reg.persons["network"]
    month_f = clock.days / 30.44
    return {
        "seed": seed,
        "config": cfg.to_dict(),
        "out_dir": str(out_dir),
        "tables": rows,
        "bytes": sizes,
        "cohorts": cohort_counts(reg),
        "customers": customer_cohorts(world.customers.cohort),
        "networks": world.nets.n_networks,
        "sextortion_rings": int(len(np.unique(net[net >= SEXTORTION_NETWORK_BASE]))),
        "offender_payments": payment_stats(reg, world.offender_txns, world.offender_sessions),
        "txn_per_customer_month": round(rows["transactions"] / (cfg.customers * month_f), 2),
        "customer_txn_per_customer_month": round(n_txn_customers / (cfg.customers * month_f), 2),
        "seconds": round(time.perf_counter() - started, 2),
    }
