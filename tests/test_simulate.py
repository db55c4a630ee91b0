"""Tests of the synthetic-world generator `tanglaw.simulate`."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow.csv as pcsv
import pyarrow.parquet as pq
import pytest

from tanglaw.simulate import SimulationConfig, simulate_world
from tanglaw.simulate.catalog import CO
from tanglaw.simulate.stats import night_share
from tanglaw.simulate.world import build_world

REQUIRED = {
    "parties": {"party_id", "source"},
    "accounts": {"account_id", "source"},
    "transactions": {
        "txn_id",
        "source",
        "timestamp",
        "amount",
        "currency",
        "sender_account_id",
        "receiver_account_id",
    },
    "sessions": {"session_id", "source", "started_at", "host_account_id"},
    "messages": {"message_id", "source", "sent_at", "sender_account_id", "text"},
    "fx_rates": {"date", "currency", "usd_per_unit"},
}
TIMESTAMPS = {
    "parties": ["created_at"],
    "accounts": ["opened_at", "closed_at"],
    "transactions": ["timestamp"],
    "sessions": ["started_at", "ended_at"],
}
TS_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")
KEYWORDS = {
    "school fees",
    "gift",
    "accommodation",
    "uniform",
    "medical bills",
    "family support",
    "education",
    "allowance",
    "load",
    "tuition",
}
CFG = SimulationConfig(seed=11, customers=4000, payer_rate=0.01, sextortion_rate=0.002, chunk_customers=1500)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("world")
    return out, simulate_world(out, CFG, progress=False)


@pytest.fixture(scope="module")
def db(world: tuple[Path, dict]) -> duckdb.DuckDBPyConnection:
    out, _ = world
    con = duckdb.connect()
    for view, path in (
        ("tx", "bundle/transactions"),
        ("acc", "bundle/accounts"),
        ("par", "bundle/parties"),
        ("ses", "bundle/sessions"),
        ("msg", "bundle/messages"),
        ("fx", "bundle/fx_rates"),
        ("tp", "truth/persons"),
        ("ta", "truth/accounts"),
    ):
        con.execute(
            f"create view {view} as select * from read_csv('{out / path}.csv', header=true, all_varchar=true)"
        )
    # Transactions with USD amounts and the true cohorts of sender and receiver.
    con.execute("""
        create table txc as
        select tx.*, cast(tx.amount as double) * cast(fx.usd_per_unit as double) as usd,
               ps.cohort as s_cohort, ps.person_id as s_person,
               pr.cohort as r_cohort, pr.person_id as r_person
        from tx
        join fx on fx.currency = tx.currency and fx.date = substr(tx.timestamp, 1, 10)
        join ta tas on tas.account_id = tx.sender_account_id
        join tp ps on ps.person_id = tas.person_id
        join ta tar on tar.account_id = tx.receiver_account_id
        join tp pr on pr.person_id = tar.person_id""")
    return con


def row(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[Any, ...]:
    found = con.execute(sql).fetchone()
    assert found is not None
    return found


def one(con: duckdb.DuckDBPyConnection, sql: str) -> Any:
    return row(con, sql)[0]


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(f.relative_to(folder)): hashlib.sha256(f.read_bytes()).hexdigest()
        for f in sorted(folder.rglob("*"))
        if f.is_file()
    }


# --- determinism and formats ---------------------------------------------------------------


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    cfg = SimulationConfig(seed=5, customers=2500, chunk_customers=1000)
    simulate_world(tmp_path / "a", cfg, progress=False)
    simulate_world(tmp_path / "b", cfg, progress=False)
    a, b = _digest(tmp_path / "a"), _digest(tmp_path / "b")
    assert len(a) == 8 and a == b
    simulate_world(
        tmp_path / "c", SimulationConfig(seed=6, customers=2500, chunk_customers=1000), progress=False
    )
    c = _digest(tmp_path / "c")
    assert c["bundle/transactions.csv"] != a["bundle/transactions.csv"]


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_other_formats_parse_and_match_csv(tmp_path: Path, fmt: str) -> None:
    cfg = SimulationConfig(seed=2, customers=1000, fmt=fmt)
    csv_cfg = SimulationConfig(seed=2, customers=1000, fmt="csv")
    summary = simulate_world(tmp_path / fmt, cfg, progress=False)
    simulate_world(tmp_path / "csv", csv_cfg, progress=False)
    for table, required in REQUIRED.items():
        path = tmp_path / fmt / "bundle" / f"{table}.{fmt}"
        if fmt == "parquet":
            t = pq.read_table(path)
            columns, rows = set(t.column_names), t.num_rows
            first = t.slice(0, 1).to_pylist()[0]
        else:
            lines = path.read_text().splitlines()
            records = [json.loads(line) for line in lines]
            columns, rows, first = set(records[0]), len(records), records[0]
        assert required <= columns
        assert rows == summary["tables"][table]
        csv = pcsv.read_csv(
            tmp_path / "csv" / "bundle" / f"{table}.csv",
            convert_options=pcsv.ConvertOptions(strings_can_be_null=True),
        )
        assert csv.num_rows == rows
        assert set(csv.column_names) == columns
        for col in TIMESTAMPS.get(table, []):
            value = first[col]
            assert value is None or TS_RE.match(value)


def test_config_is_validated() -> None:
    with pytest.raises(ValueError):
        SimulationConfig(fmt="xml")
    with pytest.raises(ValueError):
        SimulationConfig(payer_rate=1.5)
    assert sum(CFG.cohort_counts().values()) == CFG.customers


# --- the contract --------------------------------------------------------------------------


def test_every_file_has_the_contract_columns(world: tuple[Path, dict]) -> None:
    out, summary = world
    for table, required in REQUIRED.items():
        t = pcsv.read_csv(out / "bundle" / f"{table}.csv")
        assert required <= set(t.column_names), table
        assert t.num_rows == summary["tables"][table] > 0
    persons = pcsv.read_csv(out / "truth" / "persons.csv")
    assert persons.column_names == ["person_id", "cohort", "role", "network_id"]
    accounts = pcsv.read_csv(out / "truth" / "accounts.csv")
    assert accounts.column_names == ["account_id", "party_id", "person_id"]


def test_no_naive_timestamps_and_valid_codes(db: duckdb.DuckDBPyConnection) -> None:
    for table, cols in TIMESTAMPS.items():
        view = {"parties": "par", "accounts": "acc", "transactions": "tx", "sessions": "ses"}[table]
        for col in cols:
            bad = one(
                db,
                f"select count(*) from {view} where {col} is not null and not "
                rf"regexp_full_match({col}, '{TS_RE.pattern[1:-1]}')",
            )
            assert bad == 0, (table, col)
    # Both styles are present: UTC with Z and local time with an offset.
    assert one(db, "select count(*) from tx where timestamp like '%Z'") > 0
    assert one(db, "select count(*) from tx where timestamp like '%+08:00'") > 0
    assert one(db, "select count(*) from tx where timestamp like '%-05:00'") > 0
    assert (
        one(
            db,
            """select count(*) from tx where not regexp_full_match(currency, '[A-Z]{3}')
                      or not regexp_full_match(sender_country, '[A-Z]{2}')
                      or not regexp_full_match(receiver_country, '[A-Z]{2}')
                      or cast(amount as double) <= 0""",
        )
        == 0
    )
    # Every currency used has a rate for every day.
    assert (
        one(
            db,
            """select count(*) from tx left join fx on fx.currency = tx.currency
                      and fx.date = substr(tx.timestamp, 1, 10) where fx.currency is null""",
        )
        == 0
    )


def test_ids_are_unique_across_the_bundle(db: duckdb.DuckDBPyConnection) -> None:
    assert one(db, "select count(*) - count(distinct txn_id) from tx") == 0
    assert one(db, "select count(*) - count(distinct account_id) from acc") == 0
    assert one(db, "select count(*) - count(distinct party_id) from par") == 0
    assert one(db, "select count(*) - count(distinct session_id) from ses where private = 'true'") == 0
    ids = (
        "select txn_id as i from tx union all select account_id from acc union all "
        "select party_id from par union all select distinct session_id from ses"
    )
    assert one(db, f"select count(*) - count(distinct i) from ({ids})") == 0
    # Ids say nothing about the cohort: offender accounts are spread over the id range.
    spread = one(
        db,
        """select max(account_id) > '''acc-0000''' || '1' from ta join tp using
                        (person_id) where cohort = 'facilitator'""",
    )
    assert spread


def test_truth_covers_every_account(db: duckdb.DuckDBPyConnection) -> None:
    used = """select sender_account_id a from tx union select receiver_account_id from tx
              union select host_account_id from ses union select viewer_account_id from ses
              union select account_id from acc"""
    assert one(db, f"select count(*) from ({used}) u where a not in (select account_id from ta)") == 0
    assert one(db, "select count(*) from ta where person_id not in (select person_id from tp)") == 0
    assert (
        one(
            db,
            "select count(*) from ta where party_id is not null and party_id not in "
            "(select party_id from par)",
        )
        == 0
    )
    # Truth parties agree with the bundle.
    assert (
        one(
            db,
            """select count(*) from acc join ta using (account_id)
                      where acc.party_id is distinct from ta.party_id""",
        )
        == 0
    )


def test_innocuous_content(db: duckdb.DuckDBPyConnection) -> None:
    refs = {
        r for (r,) in db.execute("select distinct reference from tx where reference is not null").fetchall()
    }
    assert refs <= KEYWORDS and len(refs) >= 8
    assert one(db, "select count(*) from par where email is not null and not email like '%@example.com'") == 0


def test_chat_is_innocuous_and_sits_next_to_sessions(db: duckdb.DuckDBPyConnection) -> None:
    from tanglaw.simulate.chats import HOST_PAYMENT, TEXTS

    texts = {t for (t,) in db.execute("select distinct text from msg").fetchall()}
    assert texts <= set(TEXTS) and len(texts) >= 10
    # payment-arrangement lines come only from facilitators, to payers
    rows = db.execute(
        """select distinct ps.cohort, pr.cohort, msg.text from msg
           join ta s on s.account_id = msg.sender_account_id join tp ps on ps.person_id = s.person_id
           join ta r on r.account_id = msg.recipient_account_id join tp pr on pr.person_id = r.person_id"""
    ).fetchall()
    assert {(a, b) for a, b, t in rows if t in HOST_PAYMENT} == {("facilitator", "offender_payer")}
    cohorts = {a for a, _, _ in rows} | {b for _, b, _ in rows}
    assert {"diaspora_remitter", "webcam_customer"} <= cohorts  # the look-alikes chat too


# --- the population ------------------------------------------------------------------------


def test_cohort_counts_follow_the_config(db: duckdb.DuckDBPyConnection, world: tuple[Path, dict]) -> None:
    _, summary = world
    counts = dict(db.execute("select cohort, count(*) from tp group by 1").fetchall())
    for cohort, expected in CFG.cohort_counts().items():
        assert counts[cohort] >= expected  # receiving-side ordinary people add to "ordinary"
        assert summary["customers"][cohort] == expected
    assert counts["offender_payer"] == 40
    assert counts["legit_beneficiary"] > 0.6 * counts["diaspora_remitter"]
    roles = dict(
        db.execute(
            "select cohort, string_agg(distinct coalesce(role, '-'), ',') from tp group by 1"
        ).fetchall()
    )
    assert roles["offender_payer"] == "payer" and roles["facilitator"] == "facilitator"
    assert roles["sextortion_victim"] == "victim" and roles["diaspora_remitter"] == "-"
    assert (
        one(
            db,
            """select count(*) from tp where cohort in ('offender_payer', 'facilitator')
                      and network_id is null""",
        )
        == 0
    )
    assert (
        one(
            db,
            """select count(*) from tp where network_id is not null and cohort not in
                      ('offender_payer', 'facilitator', 'sextortion_victim',
                       'extortionist')""",
        )
        == 0
    )


def test_volume_per_customer_month(world: tuple[Path, dict]) -> None:
    _, summary = world
    assert (
        0.85 * CFG.txn_per_customer_month
        <= summary["txn_per_customer_month"]
        <= 1.15 * CFG.txn_per_customer_month
    )


def test_records_often_but_not_always_link(db: duckdb.DuckDBPyConnection) -> None:
    """Parties of one person share a phone, email or id number in most pairs, not all."""
    rate = one(
        db,
        """
        with pp as (select ta.person_id, par.* from ta join par using (party_id)),
        pairs as (select (a.phone = b.phone or a.email = b.email
                          or a.id_number = b.id_number) as linked
                  from pp a join pp b on a.person_id = b.person_id
                  and a.party_id < b.party_id)
        select avg(case when linked then 1.0 else 0.0 end) from pairs""",
    )
    assert 0.45 < float(rate) < 0.9
    variants = one(
        db,
        """select count(*) from (select ta.person_id from ta join par
                          using (party_id) where par.name is not null group by 1
                          having count(distinct par.name) > 1)""",
    )
    assert variants > 100


# --- behaviour -----------------------------------------------------------------------------


def test_offender_payments_have_the_intended_shape(
    db: duckdb.DuckDBPyConnection, world: tuple[Path, dict]
) -> None:
    _, summary = world
    q05, q50, q95, n, payers, cross = row(
        db,
        """
        select quantile_cont(usd, 0.05), median(usd), quantile_cont(usd, 0.95), count(*),
               count(distinct s_person), avg(case when sender_country <> receiver_country
                                               then 1.0 else 0.0 end)
        from txc where s_cohort = 'offender_payer' and r_cohort = 'facilitator'""",
    )
    assert 40 <= q50 <= 110 and 10 <= q05 <= 35 and 150 <= q95 <= 400
    assert n / payers >= 12 and cross == 1.0  # frequent and cross-border
    round_share = one(
        db,
        """select avg(case when cast(amount as double) % 5 = 0 then 1.0
                             else 0.0 end) from txc where s_cohort = 'offender_payer'
                             and r_cohort = 'facilitator'""",
    )
    assert round_share > 0.4
    stats = summary["offender_payments"]
    assert stats["night_share"] >= 0.6
    assert stats["with_session_before_share"] >= 0.3
    # Most payers pay several facilitators; some facilitators have several payers.
    per_payer = [
        r[0]
        for r in db.execute("""select count(distinct r_person) from txc where
                 s_cohort = 'offender_payer' and r_cohort = 'facilitator' group by s_person
                 """).fetchall()
    ]
    assert max(per_payer) >= 3 and np.mean(per_payer) > 1.2
    per_fac = [
        r[0]
        for r in db.execute("""select count(distinct s_person) from txc where
               s_cohort = 'offender_payer' and r_cohort = 'facilitator' group by r_person
               """).fetchall()
    ]
    assert max(per_fac) >= 5


def test_night_share_separates_offenders_from_diaspora() -> None:
    world = build_world(CFG, lambda _: None)
    reg = world.reg
    off = world.offender_txns
    offset = reg.persons["offset"][reg.accounts["person"][off.snd]]
    owner = world.txns.owner
    dia_t = world.txns.take(
        np.flatnonzero((owner >= 0) & (reg.persons["cohort"][owner] == CO["diaspora_remitter"]))
    )
    dia_off = reg.persons["offset"][dia_t.owner]
    assert night_share(off.ts, offset) > 0.6
    assert night_share(dia_t.ts, dia_off) < 0.2


def test_sessions_precede_offender_payments(db: duckdb.DuckDBPyConnection) -> None:
    """Private sessions between the payer (viewer) and the facilitator (host) within a few
    hours before many payments; the hosts' countries are the facilitators'."""
    share = one(
        db,
        """
        with plat as (select ta.person_id, acc.account_id from acc join ta using (account_id)
                      where acc.kind = 'platform'),
        pay as (select txc.txn_id, epoch(cast(txc.timestamp as timestamptz)) t,
                       pv.account_id viewer, ph.account_id host
                from txc join plat pv on pv.person_id = s_person
                join plat ph on ph.person_id = r_person
                where s_cohort = 'offender_payer' and r_cohort = 'facilitator'),
        hit as (select distinct pay.txn_id from pay join ses on ses.viewer_account_id = pay.viewer
                and ses.host_account_id = pay.host and ses.private = 'true'
                and epoch(cast(ses.ended_at as timestamptz)) between pay.t - 4 * 3600 and pay.t)
        select (select count(*) from hit) / (select count(*) from pay)""",
    )
    assert float(share) > 0.3
    paid_private = one(
        db,
        """select count(*) from ses join ta on ta.account_id = host_account_id
                              join tp using (person_id) where tp.cohort = 'adult_performer'
                              and private = 'true' and paid_amount is not null""",
    )
    assert paid_private > 0


def test_facilitators_cash_out_soon_after_receipt(db: duckdb.DuckDBPyConnection) -> None:
    hours = [
        r[0]
        for r in db.execute("""
        with rec as (select receiver_account_id a, epoch(cast(timestamp as timestamptz)) t
                     from txc where r_cohort = 'facilitator' and channel <> 'cash_pickup'),
        out as (select sender_account_id a, epoch(cast(timestamp as timestamptz)) t
                from txc where s_cohort = 'facilitator' and channel = 'cash_pickup')
        select (out.t - max(rec.t)) / 3600 from out join rec on rec.a = out.a and rec.t <= out.t
        group by out.a, out.t""").fetchall()
    ]
    assert len(hours) > 20
    assert np.median(hours) < 16
    legit = [
        r[0]
        for r in db.execute("""
        with rec as (select receiver_account_id a, epoch(cast(timestamp as timestamptz)) t
                     from txc where r_cohort = 'legit_beneficiary'),
        out as (select sender_account_id a, epoch(cast(timestamp as timestamptz)) t
                from txc where s_cohort = 'legit_beneficiary' and channel = 'cash_pickup')
        select (out.t - max(rec.t)) / 3600 from out join rec on rec.a = out.a and rec.t <= out.t
        group by out.a, out.t""").fetchall()
    ]
    assert np.median(legit) > np.median(hours)


def test_sextortion_victims_pay_quickly_then_stop(db: duckdb.DuckDBPyConnection) -> None:
    rows = db.execute("""
        select s_person, count(*), count(distinct receiver_account_id), max(usd),
               (max(epoch(cast(timestamp as timestamptz)))
                - min(epoch(cast(timestamp as timestamptz)))) / 86400
        from txc where s_cohort = 'sextortion_victim'
        and channel in ('remittance', 'ewallet', 'bank_transfer', 'gift_card')
        and (r_cohort = 'extortionist' or channel = 'gift_card')
        group by 1""").fetchall()
    assert len(rows) >= 6
    for _, n, beneficiaries, max_usd, days in rows:
        assert 2 <= n <= 6 and max_usd < 270 and days <= 6
        assert beneficiaries == 1  # one new beneficiary (or one gift-card shop)


def test_diaspora_looks_alike_but_is_regular(db: duckdb.DuckDBPyConnection) -> None:
    med, per_sender, bens, keywords = row(
        db,
        """
        select median(usd), count(*) / count(distinct s_person),
               max(n_ben), avg(case when reference is not null then 1.0 else 0.0 end)
        from txc join (select s_person p, count(distinct r_person) n_ben from txc
                       where s_cohort = 'diaspora_remitter' and r_cohort = 'legit_beneficiary'
                       group by 1) b on b.p = s_person
        where s_cohort = 'diaspora_remitter' and r_cohort = 'legit_beneficiary'""",
    )
    assert 120 <= med <= 450 and 9 <= per_sender <= 20 and bens <= 2 and keywords > 0.6
    same_corridor = one(
        db,
        """select count(*) from txc where s_cohort = 'diaspora_remitter'
                               and receiver_country = 'PH'""",
    )
    assert same_corridor > 100
