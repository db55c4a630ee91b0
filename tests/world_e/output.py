"""Writing world E: the input bundle (data contract v1) and the truth folder (truth format v1.1)."""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from . import names as N
from .core import SRC_C, SRC_W, World, Z

OFFENDER_COHORTS = ("offender_payer", "facilitator", "sextortion_victim", "extortionist")
DECLARED_COHORTS = OFFENDER_COHORTS + (
    "diaspora_remitter",
    "family_recipient",
    "online_seller",
    "seller_customer",
    "adult_performer",
    "adult_customer",
    "freelancer",
    "freelance_client",
    "romance_victim",
    "romance_mule",
    "charity_sponsor",
    "charity",
    "gamer",
    "streamer",
    "student",
    "traveller",
    "ordinary",
    "merchant",
    "organization",
)

TXN_COLUMNS = [
    "txn_id",
    "source",
    "timestamp",
    "amount",
    "currency",
    "sender_account_id",
    "receiver_account_id",
    "channel",
    "sender_country",
    "receiver_country",
    "reference",
    "merchant_category",
    "merchant_name",
    "txn_type",
    "partner",
    "partner_ref",
    "original_amount",
    "original_currency",
    "sender_name",
    "funding_account_id",
]
PARTY_COLUMNS = [
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
]
ACCOUNT_COLUMNS = [
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
]
SESSION_COLUMNS = [
    "session_id",
    "source",
    "started_at",
    "ended_at",
    "host_account_id",
    "viewer_account_id",
    "host_country",
    "viewer_country",
    "host_ip",
    "viewer_ip",
    "host_device_id",
    "viewer_device_id",
    "private",
    "paid_amount",
    "currency",
]
MESSAGE_COLUMNS = [
    "message_id",
    "source",
    "sent_at",
    "sender_account_id",
    "recipient_account_id",
    "session_id",
    "text",
]


# ---------------------------------------------------------------------- formatting
def fmt_ts(ts: np.ndarray, disp: np.ndarray, millis: np.ndarray | None = None) -> list[str]:
    ts = np.asarray(ts, dtype=np.int64)
    disp = np.asarray(disp, dtype=np.int64)
    z = disp == Z
    local = ts + np.where(z, 0, disp * 60)
    base = np.datetime_as_string(local.astype("datetime64[s]"), unit="s").astype(object)
    suf = np.empty(len(ts), dtype=object)
    for u in np.unique(disp):
        if u == Z:
            s = "Z"
        else:
            sign = "+" if u >= 0 else "-"
            s = f"{sign}{abs(int(u)) // 60:02d}:{abs(int(u)) % 60:02d}"
        suf[disp == u] = s
    if millis is not None:
        ms = np.array([f".{x:03d}" for x in np.asarray(millis).tolist()], dtype=object)
        ms = np.where(millis < 0, "", ms)
        return (base + ms + suf).tolist()
    return (base + suf).tolist()


def fmt_amount(x: np.ndarray, cur: np.ndarray | None = None) -> list[str]:
    out = [f"{v:.2f}" if v == v else "" for v in np.asarray(x, dtype=float).tolist()]
    if cur is not None:
        zd = np.isin(cur, list(N.ZERO_DECIMAL))
        for k in np.nonzero(zd)[0].tolist():
            v = float(x[k])
            if v == v:
                out[k] = str(int(round(v)))
    return out


def _ts_scalar(w: World, v: int, source: str) -> str:
    if v is None or v < 0:
        return ""
    if source == w.P.src_wallet:
        return fmt_ts(np.array([v]), np.array([480]))[0]
    if source == w.P.src_card:
        return fmt_ts(np.array([v]), np.array([Z]))[0]
    return fmt_ts(np.array([v]), np.array([0 if w.P.platform_ts_mode == "utc_ms" else Z]))[0]


# ---------------------------------------------------------------------- writers
def _open(path: Path, gz: bool) -> io.TextIOBase:
    if gz:
        return gzip.open(path, "wt", encoding="utf-8", newline="", compresslevel=3)
    return open(path, "w", encoding="utf-8", newline="")


def write_csv(
    path: Path, header: list[str], cols: dict[str, list[Any]], order: list[str], gz: bool = False
) -> int:
    n = len(cols[header[0]]) if header else 0
    with _open(path, gz) as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(order)
        wr.writerows(zip(*[cols[c] for c in order], strict=True))
    return n


def write_jsonl(path: Path, cols: dict[str, list[Any]], order: list[str]) -> int:
    n = len(cols[order[0]])
    with open(path, "w", encoding="utf-8") as f:
        for k in range(n):
            f.write(json.dumps({c: cols[c][k] for c in order}, ensure_ascii=False) + "\n")
    return n


def _order(rng: np.random.Generator, header: list[str], shuffle: bool) -> list[str]:
    if not shuffle:
        return list(header)
    req = header[:2]
    rest = list(np.array(header[2:], dtype=object)[rng.permutation(len(header) - 2)])
    return req + [str(x) for x in rest]


# ---------------------------------------------------------------------- main
def write(w: World, out: Path, view: str = "full", chat: bool = True) -> dict[str, Any]:
    orng = np.random.default_rng([int(w.seed), 0x0F, 1 if view == "receiver" else 0])
    P = w.P
    bundle = out / "bundle"
    truth = out / "truth"
    bundle.mkdir(parents=True, exist_ok=True)
    truth.mkdir(parents=True, exist_ok=True)
    for old in list(bundle.iterdir()) + list(truth.iterdir()):
        if old.is_file():
            old.unlink()
    srcname = {SRC_W: P.src_wallet, SRC_C: P.src_card}
    receiver = view == "receiver"
    counts: dict[str, int] = {}

    # ---------------- transactions
    tx = w.tx.finish()
    keep = np.ones(len(tx["ts"]), dtype=bool)
    if receiver:
        keep &= tx["src"] == SRC_W
    elif P.pooled_dedup:
        keep &= ~tx["mirror"]
    tx = {k: v[keep] for k, v in tx.items()}
    # double postings by the wallet (same transfer recorded twice a few seconds apart)
    dp = np.nonzero((tx["src"] == SRC_W) & (orng.random(len(tx["ts"])) < P.double_post_rate))[0]
    if len(dp):
        for k in tx:
            tx[k] = np.concatenate([tx[k], tx[k][dp]])
        tx["ts"][-len(dp) :] += orng.integers(1, 5, len(dp))
    order = np.argsort(tx["ts"], kind="stable")
    tx = {k: v[order] for k, v in tx.items()}
    n = len(tx["ts"])
    ids = np.empty(n, dtype=object)
    for src_code, pre in ((SRC_W, "PWT"), (SRC_C, "CAT")):
        m = tx["src"] == src_code
        nk = int(m.sum())
        start_id = int(orng.integers(10**8, 5 * 10**8))
        ids[m] = [f"{pre}{start_id + j * 3 + int(x)}" for j, x in enumerate(orng.integers(0, 3, nk).tolist())]
    millis = np.where(tx["src"] == SRC_C, orng.integers(0, 1000, n), -1)
    millis = np.where((tx["src"] == SRC_C) & (tx["disp"] != Z), -1, millis)
    cols: dict[str, list[Any]] = {
        "txn_id": ids.tolist(),
        "source": [srcname[int(s)] for s in tx["src"].tolist()],
        "timestamp": fmt_ts(tx["ts"], tx["disp"], millis),
        "amount": fmt_amount(tx["amount"], tx["currency"]),
        "currency": tx["currency"].tolist(),
        "sender_account_id": tx["sender"].tolist(),
        "receiver_account_id": tx["receiver"].tolist(),
        "channel": np.where(orng.random(n) < 0.01, "", tx["channel"]).tolist(),
        "sender_country": np.where(
            (tx["src"] == SRC_W) & (tx["ttype"] == "inbound_remit") & (orng.random(n) < 0.03), "", tx["scc"]
        ).tolist(),
        "receiver_country": tx["rcc"].tolist(),
        "reference": tx["reference"].tolist(),
        "merchant_category": tx["mcc"].tolist(),
        "merchant_name": tx["mname"].tolist(),
        "txn_type": tx["ttype"].tolist(),
        "partner": tx["partner"].tolist(),
        "partner_ref": tx["pref"].tolist(),
        "original_amount": fmt_amount(tx["oamt"], tx["ocur"]),
        "original_currency": tx["ocur"].tolist(),
        "sender_name": tx["sname"].tolist(),
        "funding_account_id": tx["fund"].tolist(),
    }
    header = [c for c in TXN_COLUMNS if c in TXN_COLUMNS[:7] or any(v != "" for v in cols[c])]
    gz = P.txn_format == "csv.gz"
    counts["transactions"] = write_csv(
        bundle / ("transactions.csv.gz" if gz else "transactions.csv"),
        header,
        cols,
        _order(orng, header, P.shuffle_columns),
        gz,
    )

    # ---------------- parties and accounts
    srcs = {P.src_wallet} if receiver else {P.src_wallet, P.src_card, P.src_platform}
    parties = sorted(
        (p for p in w.parties if p["source"] in srcs), key=lambda p: (p["created_at"], p["party_id"])
    )
    pc = {c: [p[c] for p in parties] for c in PARTY_COLUMNS}
    pc["created_at"] = [_ts_scalar(w, p["created_at"], p["source"]) for p in parties]
    pc["kind"] = ["" if (k == "person" and orng.random() < 0.3) else k for k in pc["kind"]]
    counts["parties"] = write_csv(
        bundle / "parties.csv", PARTY_COLUMNS, pc, _order(orng, PARTY_COLUMNS, P.shuffle_columns)
    )
    accts = sorted(
        (a for a in w.accounts if a["source"] in srcs), key=lambda a: (a["opened_at"], a["account_id"])
    )
    ac = {c: [a[c] for a in accts] for c in ACCOUNT_COLUMNS}
    ac["opened_at"] = [_ts_scalar(w, a["opened_at"], a["source"]) for a in accts]
    ac["closed_at"] = [_ts_scalar(w, a["closed_at"], a["source"]) for a in accts]
    counts["accounts"] = write_csv(
        bundle / "accounts.csv", ACCOUNT_COLUMNS, ac, _order(orng, ACCOUNT_COLUMNS, P.shuffle_columns)
    )

    # ---------------- sessions and messages
    seen_accts: set[str] = set(tx["sender"].tolist()) | set(tx["receiver"].tolist())
    seen_accts |= {x for x in tx["fund"].tolist() if x}
    seen_accts |= set(ac["account_id"])
    plat_accts: set[str] = set()
    msg_accts: set[str] = set()
    if not receiver:
        ss = w.ss.finish()
        order = np.lexsort((ss["viewer"].astype(str), ss["start"]))
        ss = {k: v[order] for k, v in ss.items()}
        ns = len(ss["start"])
        uniq = np.unique(ss["sid"])
        code = orng.permutation(len(uniq)) + int(orng.integers(10**6, 10**7))
        sid_str = {int(u): f"S{int(c):08d}" for u, c in zip(uniq.tolist(), code.tolist(), strict=True)}
        disp = np.full(ns, 0 if P.platform_ts_mode == "utc_ms" else Z)
        mil = orng.integers(0, 1000, ns) if P.platform_ts_mode == "utc_ms" else None
        endv = np.where(ss["end"] < 0, 0, ss["end"])
        ended = fmt_ts(endv, disp, mil)
        ended = [e if v >= 0 else "" for e, v in zip(ended, ss["end"].tolist(), strict=True)]
        sc = {
            "session_id": [sid_str[int(s)] for s in ss["sid"].tolist()],
            "source": [P.src_platform] * ns,
            "started_at": fmt_ts(ss["start"], disp, mil),
            "ended_at": ended,
            "host_account_id": ss["host"].tolist(),
            "viewer_account_id": ss["viewer"].tolist(),
            "host_country": ss["hcc"].tolist(),
            "viewer_country": np.where(orng.random(ns) < 0.02, "", ss["vcc"]).tolist(),
            "host_ip": ss["hip"].tolist(),
            "viewer_ip": ss["vip"].tolist(),
            "host_device_id": ss["hdev"].tolist(),
            "viewer_device_id": np.where(orng.random(ns) < 0.05, "", ss["vdev"]).tolist(),
            "private": ["" if p < 0 else ("true" if p else "false") for p in ss["private"].tolist()],
            "paid_amount": fmt_amount(ss["paid"]),
            "currency": ss["currency"].tolist(),
        }
        counts["sessions"] = write_csv(
            bundle / "sessions.csv", SESSION_COLUMNS, sc, _order(orng, SESSION_COLUMNS, P.shuffle_columns)
        )
        plat_accts = set(sc["host_account_id"]) | set(sc["viewer_account_id"])
        if chat:
            ms = w.ms.finish()
            order = np.argsort(ms["ts"], kind="stable")
            ms = {k: v[order] for k, v in ms.items()}
            nm = len(ms["ts"])
            mdisp = np.full(nm, 0 if P.platform_ts_mode == "utc_ms" else Z)
            mmil = orng.integers(0, 1000, nm) if P.platform_ts_mode == "utc_ms" else None
            first_msg = int(orng.integers(10**7, 9 * 10**7))
            mc = {
                "message_id": [f"M{first_msg + k}" for k in range(nm)],
                "source": [P.src_platform] * nm,
                "sent_at": fmt_ts(ms["ts"], mdisp, mmil),
                "sender_account_id": ms["sender"].tolist(),
                "recipient_account_id": ms["recipient"].tolist(),
                "session_id": [sid_str.get(int(s), "") if s >= 0 else "" for s in ms["sid"].tolist()],
                "text": ms["text"].tolist(),
            }
            if P.messages_format == "jsonl":
                counts["messages"] = write_jsonl(bundle / "messages.jsonl", mc, MESSAGE_COLUMNS)
            else:
                counts["messages"] = write_csv(
                    bundle / "messages.csv",
                    MESSAGE_COLUMNS,
                    mc,
                    _order(orng, MESSAGE_COLUMNS, P.shuffle_columns),
                )
            msg_accts = set(mc["sender_account_id"]) | set(mc["recipient_account_id"])
    seen_accts |= plat_accts | msg_accts

    # ---------------- fx rates
    if P.include_fx:
        curs = sorted({c for c in tx["currency"].tolist() if c} | {c for c in tx["ocur"].tolist() if c})
        days = np.arange(-1, w.ndays + 1)
        dates = np.datetime_as_string(w.start + days, unit="D").tolist()
        fx: dict[str, list[Any]] = {"date": [], "currency": [], "usd_per_unit": []}
        for c in curs:
            vals = w.fx[c][days + 60]
            fx["date"] += dates
            fx["currency"] += [c] * len(days)
            fx["usd_per_unit"] += [f"{v:.8g}" for v in vals.tolist()]
        counts["fx_rates"] = write_csv(
            bundle / "fx_rates.csv",
            ["date", "currency", "usd_per_unit"],
            fx,
            ["date", "currency", "usd_per_unit"],
        )

    # ---------------- truth
    acct_rows = sorted(a for a in seen_accts if a)
    missing = [a for a in acct_rows if a not in w.acct_person]
    if missing:
        raise RuntimeError(f"accounts without a true person: {missing[:5]}")
    visible = sorted({w.acct_person[a] for a in acct_rows})
    perm = np.random.default_rng([int(w.seed), 0x1D]).permutation(len(w.p["cohort"]))
    pid = {i: f"EP{int(perm[i]) + 100000:07d}" for i in range(len(w.p["cohort"]))}
    # traits that depend on what this view shows
    w_snd = set(tx["sender"][tx["src"] == SRC_W].tolist())
    other = set(tx["receiver"][tx["src"] == SRC_W].tolist())
    cm = tx["src"] == SRC_C
    other |= set(tx["sender"][cm].tolist()) | set(tx["receiver"][cm].tolist()) | set(ac["account_id"])
    other |= plat_accts | msg_accts
    by_person: dict[int, list[str]] = {}
    for a in acct_rows:
        by_person.setdefault(w.acct_person[a], []).append(a)
    pay_count: Counter[int] = Counter()
    pay_blank: Counter[int] = Counter()
    pay_nets: dict[int, set[str]] = {}
    for payer, nid, blank, _rail in w.payments:
        pay_count[payer] += 1
        pay_blank[payer] += int(blank)
        pay_nets.setdefault(payer, set()).add(nid)
    chatters = {w.acct_person[a] for a in msg_accts if a in w.acct_person}
    prow: dict[str, list[Any]] = {"person_id": [], "cohort": [], "role": [], "network_id": [], "traits": []}
    cohort_counts: Counter[str] = Counter()
    for i in visible:
        tr = set(w.p["traits"][i])
        coh = w.p["cohort"][i]
        accts_i = by_person.get(i, [])
        if accts_i and all(a in w_snd and a not in other for a in accts_i):
            tr.add("inbound_only")
        if i in chatters:
            tr.add("chat")
        nets = sorted(w.p["nets"][i])
        if coh == "offender_payer":
            if len(nets) > 1:
                tr.add("multi_household")
            c = pay_count.get(i, 0)
            if 0 < c <= 4 and len(pay_nets.get(i, set())) == 1 and pay_blank.get(i, 0) * 2 >= c:
                tr.add("few_payments")
        prow["person_id"].append(pid[i])
        prow["cohort"].append(coh)
        prow["role"].append(w.p["role"][i])
        prow["network_id"].append(";".join(nets))
        prow["traits"].append(";".join(sorted(tr)))
        cohort_counts[coh] += 1
    order_p = np.argsort(np.array(prow["person_id"], dtype=object))
    prow = {k: [v[int(j)] for j in order_p] for k, v in prow.items()}
    write_csv(truth / "persons.csv", list(prow), prow, list(prow))
    arow = {
        "account_id": acct_rows,
        "party_id": [w.acct_party.get(a, "") for a in acct_rows],
        "person_id": [pid[w.acct_person[a]] for a in acct_rows],
    }
    write_csv(truth / "accounts.csv", list(arow), arow, list(arow))
    summary = {
        "generator": "tests.world_e",
        "seed": w.seed,
        "customers": w.N,
        "view": view,
        "chat": chat,
        "window": [str(w.start), str(w.start + w.ndays)],
        "sources": {"wallet": P.src_wallet, "card_app": P.src_card, "platform": P.src_platform},
        "rows": counts,
        "cohorts": dict(sorted(cohort_counts.items())),
        "truth_accounts": len(acct_rows),
        "households": len(w.st.get("households", [])),
        "sextortion_rings": len(w.st.get("rings", [])),
        "osec_payments": len(w.payments),
        "params": P.to_json(),
    }
    return summary


def iter_rows(path: Path) -> Iterable[dict[str, str]]:
    """Small helper for tests: read a bundle table whatever its format."""
    if path.name.endswith(".jsonl"):
        with open(path, encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)
        return
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)
