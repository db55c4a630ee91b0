"""World K: a blind synthetic world of an FIU's pooled view (remitters abroad, a Philippine
e-wallet and bank, a chat/video platform and an adult webcam site) with live-streaming abuse
networks, sextortion and many hard legitimate look-alikes.

    python -m tests.world_k.generator OUT --seed 1 --customers 50000 [--view receiver] [--no-chat]

Writes ``OUT/bundle`` (data contract v1 CSV tables) and ``OUT/truth`` (persons.csv,
accounts.csv, params.json). Standard library only; the same seed and arguments give
byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile

from . import population
from .behaviour import Sim
from .sink import MESSAGE_COLUMNS, PH_SOURCES, SESSION_COLUMNS, TXN_COLUMNS, Scrambler, Sink, q
from .world import World

PARTY_COLUMNS = (
    "party_id",
    "source",
    "kind",
    "name",
    "birth_date",
    "gender",
    "country",
    "city",
    "address",
    "phone",
    "email",
    "id_number",
    "created_at",
)
ACCOUNT_COLUMNS = (
    "account_id",
    "source",
    "party_id",
    "kind",
    "country",
    "username",
    "display_name",
    "opened_at",
    "closed_at",
    "banned_reason",
)
OFFENDER_COHORTS = ("offender_payer", "facilitator", "sextortion_victim", "extortionist")
RECEIVING_ONLY = ("extortionist", "romance_scammer")


def _write_rows(path: str, header: tuple[str, ...], rows: list[tuple]) -> int:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(header) + "\n")
        fh.writelines([",".join(q(str(v)) for v in row) + "\n" for row in rows])
    return len(rows)


def generate(out_dir: str, seed: int, customers: int, view: str = "full", chat: bool = True) -> dict:
    """Build world K into ``out_dir``; return a summary (the content of truth/params.json)."""
    if view not in ("full", "receiver"):
        raise ValueError("view must be 'full' or 'receiver'")
    receiver = view == "receiver"
    w = World(seed, customers)
    g = population.build(w)
    bundle = os.path.join(out_dir, "bundle")
    truth = os.path.join(out_dir, "truth")
    for d in (bundle, truth):
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
    tmp = tempfile.mkdtemp(prefix=".wk-spool-", dir=out_dir)
    try:
        sink = Sink(tmp, w.t0, w.t1, w.clock, w.offsets, w.fx, receiver, chat and not receiver)
        sim = Sim(w, g, sink)
        sim.run()
        records: dict[str, int] = {}
        records["transactions"] = sink.txns.write(
            os.path.join(bundle, "transactions.csv"), TXN_COLUMNS, Scrambler(w.rng, 11), "TX"
        )
        if not receiver:
            records["sessions"] = sink.sessions.write(
                os.path.join(bundle, "sessions.csv"), SESSION_COLUMNS, None, ""
            )
            if chat:
                records["messages"] = sink.messages.write(
                    os.path.join(bundle, "messages.csv"), MESSAGE_COLUMNS, Scrambler(w.rng, 11), "MS"
                )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    parties = sorted(p for p in w.parties if not receiver or p[1] in PH_SOURCES)
    accounts = sorted(a for a in w.accounts if not receiver or a[1] in PH_SOURCES)
    records["parties"] = _write_rows(os.path.join(bundle, "parties.csv"), PARTY_COLUMNS, parties)
    records["accounts"] = _write_rows(os.path.join(bundle, "accounts.csv"), ACCOUNT_COLUMNS, accounts)
    fx_rows = []
    for cur in sorted(w.fx):
        series = w.fx[cur]
        for d in range(-2, w.days + 2):  # local dates can fall a day either side of the window
            fx_rows.append((w.clock.days[d + 5], cur, f"{series[min(max(d, 0), len(series) - 1)]:.8g}"))
    fx_rows.sort()
    records["fx_rates"] = _write_rows(
        os.path.join(bundle, "fx_rates.csv"), ("date", "currency", "usd_per_unit"), fx_rows
    )

    # ---- truth --------------------------------------------------------------------------
    in_view: dict[str, None] = {a[0]: None for a in accounts}
    for a in sink.seen:
        in_view[a] = None
    everyone = w.persons + w.orgs
    pid = {}
    for p in everyone:
        pid[id(p)] = "WK" + w.s_person()
    acct_rows = []
    present: dict[int, object] = {}
    person_accts: dict[int, list[str]] = {}
    written = {row[0] for row in parties}
    for a in in_view:
        party, p = w.owner[a]
        acct_rows.append((a, party if party in written else "", pid[id(p)]))
        present[id(p)] = p
        person_accts.setdefault(id(p), []).append(a)
    acct_rows.sort()
    _write_rows(os.path.join(truth, "accounts.csv"), ("account_id", "party_id", "person_id"), acct_rows)

    chatters = sink.chatters
    person_rows = []
    cohorts: dict[str, int] = {}
    traits_n: dict[str, int] = {}
    for key, p in present.items():
        nets = list(p.nets)
        traits: list[str] = []
        if p.cohort == "offender_payer":
            n, paid, blanks = sim.log.get(p.idx, [0, [], 0])
            nets = sorted(paid) if paid else sorted(g.households[i]["net"] for i in p.x["hh"])
            if n <= 4 and len(paid) <= 1 and blanks * 2 > n:
                traits.append("few_payments")
            if len(paid) >= 2:
                traits.append("multi_household")
        if p.foreign and p.cohort not in RECEIVING_ONLY and p.inst != "org":
            if p.inst == "out" or (receiver and all(a[:2] not in ("GW", "PB") for a in person_accts[key])):
                traits.append("inbound_only")
        if any(a in chatters for a in person_accts[key]):
            traits.append("chat")
        for t in p.tags:
            if t not in traits:
                traits.append(t)
        role = p.role if p.cohort in OFFENDER_COHORTS else ""
        person_rows.append((pid[key], p.cohort, role, ";".join(nets) if role else "", ";".join(traits)))
        cohorts[p.cohort] = cohorts.get(p.cohort, 0) + 1
        for t in traits:
            traits_n[t] = traits_n.get(t, 0) + 1
    person_rows.sort()
    _write_rows(
        os.path.join(truth, "persons.csv"),
        ("person_id", "cohort", "role", "network_id", "traits"),
        person_rows,
    )

    world_cohorts: dict[str, int] = {}
    for p in everyone:
        world_cohorts[p.cohort] = world_cohorts.get(p.cohort, 0) + 1
    summary = {
        "generator": "world_k",
        "format": 1,
        "seed": seed,
        "customers": customers,
        "view": view,
        "chat": bool(chat and not receiver),
        "window": {"start": w.clock.days[5], "end": w.clock.days[5 + w.days], "months": w.months},
        "institutions": {
            "in_bundle": ["remit-a"]
            + (["bank-b"] if w.bank_b_cc else [])
            + ["wallet-ph", "bank-ph", "chatapp", "camsite"],
            "bank_b_country": w.bank_b_cc,
            "in_view": sorted(PH_SOURCES) if receiver else sorted(set(w.offsets)),
        },
        "rates": {k: w.params[k] for k in sorted(w.params)},
        "records": {k: records[k] for k in sorted(records)},
        "transactions_generated_whole_world": sink.generated,
        "transactions_by_source": {k: sink.by_source[k] for k in sorted(sink.by_source)},
        "cohorts_in_truth": {k: cohorts[k] for k in sorted(cohorts)},
        "cohorts_whole_world": {k: world_cohorts[k] for k in sorted(world_cohorts)},
        "traits": {k: traits_n[k] for k in sorted(traits_n)},
        "networks": {"households": len(g.households), "extortion_rings": len(g.rings)},
        "truth_rows": {"persons": len(person_rows), "accounts": len(acct_rows)},
    }
    with open(os.path.join(truth, "params.json"), "w", encoding="utf-8", newline="") as fh:
        json.dump(summary, fh, indent=1, sort_keys=True)
        fh.write("\n")
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tests.world_k.generator", description=__doc__.split("\n\n")[0]
    )
    ap.add_argument("out", help="output folder (bundle/ and truth/ are written inside)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--customers", type=int, default=50000)
    ap.add_argument("--view", choices=("full", "receiver"), default="full")
    ap.add_argument("--no-chat", action="store_true", help="write no messages table")
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    s = generate(a.out, a.seed, a.customers, a.view, not a.no_chat)
    print(json.dumps({"records": s["records"], "cohorts": s["cohorts_in_truth"]}, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
