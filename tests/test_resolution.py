"""Entity resolution: hand-made variant sets merge, namesakes and hubs do not, and every merge is
explained in words."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from tanglaw.pack import load_pack
from tanglaw.stages.resolve.normalise import records_sql
from tanglaw.stages.resolve.score import er_score

from .conftest import invoke, payment, read_csv, write_table

PARTY_FIELDS = [
    "party_id",
    "source",
    "kind",
    "name",
    "birth_date",
    "country",
    "city",
    "phone",
    "email",
    "id_number",
]


def _party(pid: str, name: str, **kw: Any) -> dict[str, Any]:
    row = {f: "" for f in PARTY_FIELDS}
    row.update(party_id=pid, source=kw.pop("source", "bank-a"), name=name, kind=kw.pop("kind", "person"))
    row.update(kw)
    return row


def _resolve(tmp_path: Path, runner: CliRunner, parties: list[dict[str, Any]]) -> tuple[Path, dict[str, str]]:
    """Run Tanglaw on a bundle of these party records (and one payment); party_id → entity_id."""
    b = tmp_path / "bundle"
    write_table(b, "parties", parties, PARTY_FIELDS)
    write_table(b, "transactions", [payment("T1", "2025-01-01T10:00:00Z", 50, "X1", "X2")])
    out = tmp_path / "out"
    r = invoke(runner, "run", b, "--out", out)
    assert r.exit_code == 0, r.output
    return out, {row["party_id"]: row["entity_id"] for row in read_csv(out / "entities.csv")}


def _together(ent: dict[str, str], *pids: str) -> bool:
    return len({ent[p] for p in pids}) == 1


VARIANTS = [
    # one person, five spellings and phone forms, no shared email or id
    _party(
        "V1", "Ma. Luisa Santos", birth_date="1990-04-02", country="PH", city="Cebu", phone="+63 917 123 4567"
    ),
    _party("V2", "SANTOS, MARIA LUISA", birth_date="1990-04-02", country="PH", city="Cebu", source="remit-x"),
    _party("V3", "Maria Santos", birth_date="1990-04-02", country="PH", city="Cebu", source="wallet-p"),
    _party("V4", "Maria Luisa Santso", birth_date="1990-04-02", country="PH", city="Cebu", source="bank-b"),
    _party("V5", "Marïa Lúisa Santos", country="PH", phone="0063 917 123 4567", source="card-c"),
    _party("V6", "M. Santos", country="PH", phone="0917-123-4567", source="ewallet-q"),
    # a namesake: same name, another birth date, no shared contact
    _party("N1", "Maria Santos", birth_date="1971-11-30", country="PH", city="Cebu", source="bank-b"),
    # a person swapped round by a form ("Reyes Jose" for "José Reyes"), same birth date and city
    _party("S1", "José Reyes", birth_date="1985-07-19", country="PH", city="Davao"),
    _party("S2", "Reyes Jose", birth_date="1985-07-19", country="PH", city="Davao", source="remit-x"),
    # an organisation sharing a phone with a person never merges with her
    _party("O1", "Santos Trading", kind="organization", country="PH", phone="+63 917 123 4567"),
]


@pytest.fixture
def variants(tmp_path: Path, runner: CliRunner) -> tuple[Path, dict[str, str]]:
    return _resolve(tmp_path, runner, VARIANTS)


def test_variant_set_merges_and_namesake_does_not(variants: tuple[Path, dict[str, str]]) -> None:
    _, ent = variants
    assert _together(ent, "V1", "V2", "V3", "V4", "V5", "V6")
    assert ent["N1"] != ent["V1"]
    assert _together(ent, "S1", "S2") and ent["S1"] != ent["V1"]
    assert ent["O1"] != ent["V1"]
    # entity ids are the smallest party id of the entity
    assert ent["V1"] == "E:V1" and ent["S2"] == "E:S1" and ent["N1"] == "E:N1" and ent["O1"] == "E:O1"


def test_entities_csv_has_one_row_per_party(variants: tuple[Path, dict[str, str]]) -> None:
    out, _ = variants
    rows = read_csv(out / "entities.csv")
    assert list(rows[0]) == ["entity_id", "party_id"]
    assert sorted((r["entity_id"], r["party_id"]) for r in rows) == sorted(
        [("E:V1", p) for p in ("V1", "V2", "V3", "V4", "V5", "V6")]
        + [("E:N1", "N1"), ("E:S1", "S1"), ("E:S1", "S2"), ("E:O1", "O1")]
    )


def test_entities_show_explains_each_merge_in_words(
    variants: tuple[Path, dict[str, str]], runner: CliRunner
) -> None:
    out, _ = variants
    r = invoke(runner, "entities", "show", "V2", "--out", out)
    assert r.exit_code == 0, r.output
    text = " ".join(r.output.split())
    assert "Entity E:V1: 6 party record(s)" in text
    assert "reading 'Ma.' as 'Maria'" in text
    assert "reading 'LAST, First' as 'First LAST'" in text
    assert "same birth date 1990-04-02" in text
    assert "phones agree on the last 10 digits (9171234567)" in text
    assert "match probability" in text
    # by entity id too
    r2 = invoke(runner, "entities", "show", "E:S1", "--out", out)
    assert r2.exit_code == 0 and "S1 + S2" in r2.output


def test_entities_show_refuses_unknown_id(variants: tuple[Path, dict[str, str]], runner: CliRunner) -> None:
    out, _ = variants
    r = invoke(runner, "entities", "show", "NOPE", "--out", out)
    assert r.exit_code == 2
    assert "NOPE: no entity or party record with this id" in r.output


def test_entities_list_puts_the_most_merged_first(
    variants: tuple[Path, dict[str, str]], runner: CliRunner
) -> None:
    out, _ = variants
    r = invoke(runner, "entities", "list", "--out", out)
    assert r.exit_code == 0
    assert r.output.index("E:V1") < r.output.index("E:S1")


def test_hub_phone_links_nobody(tmp_path: Path, runner: CliRunner) -> None:
    names = [
        "Ana Cruz",
        "Ben Lim",
        "Carla Tan",
        "Dan Uy",
        "Eva Go",
        "Fe Sy",
        "Gil Ong",
        "Hana Yu",
        "Ivy Chua",
    ]
    parties = [
        _party(f"H{i}", n, country="PH", phone="+63 2 8888 0000", email=f"h{i}@example.com")
        for i, n in enumerate(names)
    ]
    # the same person twice, sharing only the hub phone: not enough
    parties.append(_party("H9", "Ana Cruz", country="PH", phone="(02) 8888-0000", source="remit-x"))
    _, ent = _resolve(tmp_path, runner, parties)
    assert len(set(ent.values())) == len(parties)


def test_shared_identifier_merges_unless_names_disagree(tmp_path: Path, runner: CliRunner) -> None:
    parties = [
        _party("E1", "Lito Cruz", country="PH", email="lito.cruz@example.com"),
        _party("E2", "", country="PH", email="LITO.CRUZ@example.com", source="stream-s"),
        # a family sharing one mailbox: different names and birth dates
        _party("F1", "Rosa Dizon", birth_date="1960-01-05", country="PH", email="dizon.family@example.com"),
        _party("F2", "Noel Dizon", birth_date="1992-08-21", country="PH", email="dizon.family@example.com"),
    ]
    _, ent = _resolve(tmp_path, runner, parties)
    assert _together(ent, "E1", "E2")
    assert ent["F1"] != ent["F2"]


def test_exact_method_keeps_only_shared_identifiers(tmp_path: Path, runner: CliRunner) -> None:
    pack = tmp_path / "pack.toml"
    pack.write_text('[resolve]\nmethod = "exact"\n', encoding="utf-8")
    b = tmp_path / "bundle"
    write_table(b, "parties", VARIANTS, PARTY_FIELDS)
    write_table(b, "transactions", [payment("T1", "2025-01-01T10:00:00Z", 50, "X1", "X2")])
    r = invoke(runner, "run", b, "--out", tmp_path / "out", "--pack", pack)
    assert r.exit_code == 0, r.output
    ent = {row["party_id"]: row["entity_id"] for row in read_csv(tmp_path / "out" / "entities.csv")}
    assert _together(ent, "V1", "V5", "V6") and ent["V2"] != ent["V1"] and ent["O1"] != ent["V1"]


def _records(parties: list[dict[str, Any]]) -> dict[str, tuple[Any, ...]]:
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE parties (party_id VARCHAR, source VARCHAR, kind VARCHAR, name VARCHAR, birth_date DATE, "
        "country VARCHAR, city VARCHAR, address VARCHAR, phone VARCHAR, email VARCHAR, id_number VARCHAR)"
    )
    for p in parties:
        con.execute(
            "INSERT INTO parties VALUES (?, ?, ?, ?, NULLIF(?, '')::DATE, ?, ?, NULL, ?, ?, ?)",
            [
                p[k]
                for k in (
                    "party_id",
                    "source",
                    "kind",
                    "name",
                    "birth_date",
                    "country",
                    "city",
                    "phone",
                    "email",
                    "id_number",
                )
            ],
        )
    rows = con.execute(
        f"SELECT party_id, name_set, given, family, phone, email, id_number FROM ({records_sql(load_pack())})"
    ).fetchall()
    return {r[0]: r[1:] for r in rows}


def test_normalisation_of_names_and_phones() -> None:
    rec = _records(
        [
            _party(
                "A", "Ma. Luisa dela Cruz Jr.", country="PH", phone="+63 917 123 4567", id_number="ab-12 34"
            ),
            _party(
                "B", "DELA CRUZ, MARIA LUISA", country="PH", phone="09171234567", email=" Maria@Example.COM "
            ),
            _party("C", "Zoë O'Brien", country="GB", phone="07700 900123"),
            _party("D", "Zoe OBrien", country="GB", phone="+44 7700 900123"),
            _party("E", "Mohammed Al Amin", country="AE", phone="00971 50 123 4567"),
            _party("F", "Muhammad Amin", country="AE", phone="050 123 4567"),
        ]
    )
    assert rec["A"][0] == rec["B"][0] == "cruz luisa maria"
    assert rec["A"][1:3] == ("maria", "cruz")
    assert rec["A"][3] == rec["B"][3] == "9171234567"
    assert rec["A"][5] == "AB1234" and rec["B"][4] == "maria@example.com"
    assert rec["C"][0] == rec["D"][0] == "obrien zoe"
    assert rec["C"][3] == rec["D"][3] == "7700900123"
    assert rec["E"][0] == rec["F"][0] == "amin muhammad"
    assert rec["E"][3] == rec["F"][3] == "1501234567"


def test_er_score_counts_pairs() -> None:
    entity = {"a": "E1", "b": "E1", "c": "E1", "d": "E2", "e": "E3"}
    person = {"a": "p1", "b": "p1", "c": "p2", "d": "p2", "e": "p3", "zz": "p9"}
    s = er_score(entity, person)
    # merged pairs ab ac bc (3), true pairs ab cd (2), both ab (1)
    assert (s.records, s.merged_pairs, s.true_pairs, s.both) == (5, 3, 2, 1)
    assert (s.precision, s.recall, s.f1) == (0.3333, 0.5, 0.4)


def test_evaluate_prints_and_writes_entity_resolution(
    variants: tuple[Path, dict[str, str]], runner: CliRunner, tmp_path: Path
) -> None:
    out, _ = variants
    truth = tmp_path / "truth"
    write_table(
        truth,
        "persons",
        [
            {"person_id": p, "cohort": "ordinary", "role": "", "network_id": ""}
            for p in ("pm", "pn", "pj", "po")
        ],
    )
    acc = [("V1", "pm"), ("V2", "pm"), ("V3", "pm"), ("V4", "pm"), ("V5", "pm"), ("V6", "pm")]
    acc += [("N1", "pn"), ("S1", "pj"), ("S2", "pj"), ("O1", "po")]
    write_table(truth, "accounts", [{"account_id": f"X{p}", "party_id": p, "person_id": q} for p, q in acc])
    r = invoke(runner, "evaluate", "--truth", truth, "--out", out)
    assert r.exit_code == 0, r.output
    assert "party-pair precision 1.000" in " ".join(r.output.split())
    er = json.loads((out / "evaluation.json").read_text())["entity_resolution"]
    assert er == {
        "records": 10,
        "true_pairs": 16,
        "merged_pairs": 16,
        "both": 16,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }


def _platform_bundle(tmp_path: Path) -> Path:
    b = tmp_path / "bundle"
    parties = [
        _party("PB", "Rosa Dizon", country="PH", source="bank-a"),
        _party("PS", "rosa_d", country="PH", source="stream-s"),
        _party("PT", "Tina Uy", country="PH", source="stream-s"),
        *(
            _party(f"PV{i}", f"Viewer {n}", country="US", source="stream-s")
            for i, n in enumerate(["Ann", "Bea", "Cy"])
        ),
    ]
    write_table(b, "parties", parties, PARTY_FIELDS)
    write_table(
        b,
        "accounts",
        [
            {"account_id": "BANK1", "source": "bank-a", "party_id": "PB", "kind": "bank"},
            {"account_id": "S1", "source": "stream-s", "party_id": "PS", "kind": "platform"},
            {"account_id": "S2", "source": "stream-s", "party_id": "PT", "kind": "platform"},
            *(
                {"account_id": f"V{i}", "source": "stream-s", "party_id": f"PV{i}", "kind": "platform"}
                for i in range(3)
            ),
        ],
    )
    session = {"source": "stream-s", "started_at": "2025-01-01T12:00:00Z", "private": "true"}
    write_table(
        b,
        "sessions",
        [
            # S1 and S2 stream from one phone: one person behind both (a non-hub device)
            {
                **session,
                "session_id": "X1",
                "host_account_id": "S1",
                "viewer_account_id": "V0",
                "host_device_id": "dev-1",
                "viewer_device_id": "dev-a",
            },
            {
                **session,
                "session_id": "X2",
                "host_account_id": "S2",
                "viewer_account_id": "V1",
                "host_device_id": "dev-1",
                "viewer_device_id": "dev-b",
            },
            # three viewers behind one café IP: a hub, links nobody
            {
                **session,
                "session_id": "X3",
                "host_account_id": "S1",
                "viewer_account_id": "V0",
                "viewer_ip": "203.0.113.9",
            },
            {
                **session,
                "session_id": "X4",
                "host_account_id": "S1",
                "viewer_account_id": "V1",
                "viewer_ip": "203.0.113.9",
            },
            {
                **session,
                "session_id": "X5",
                "host_account_id": "S1",
                "viewer_account_id": "V2",
                "viewer_ip": "203.0.113.9",
            },
        ],
    )
    write_table(
        b,
        "reports",
        [
            {
                "report_id": "R1",
                "source": "hotline",
                "received_at": "2025-01-02T00:00:00Z",
                "account_ids": "S1",
                "payment_accounts": "BANK1",
            }
        ],
    )
    return b


@pytest.mark.parametrize("switch", [False, True])
def test_platform_links_only_with_the_switch(tmp_path: Path, runner: CliRunner, switch: bool) -> None:
    b = _platform_bundle(tmp_path)
    args: list[Any] = ["run", b, "--out", tmp_path / "out"]
    if switch:
        pack = tmp_path / "pack.toml"
        pack.write_text("[resolve]\nplatform_links = true\n", encoding="utf-8")
        args += ["--pack", pack]
    r = invoke(runner, *args)
    assert r.exit_code == 0, r.output
    ent = {row["party_id"]: row["entity_id"] for row in read_csv(tmp_path / "out" / "entities.csv")}
    con = duckdb.connect(str(tmp_path / "out" / "workspace.duckdb"), read_only=True)
    links = con.execute(
        "SELECT account_a, account_b, kind, value FROM platform_links ORDER BY ALL"
    ).fetchall()
    con.close()
    assert links == [("S1", "BANK1", "report", "R1"), ("S1", "S2", "device", "dev-1")]
    if switch:
        assert _together(ent, "PB", "PS", "PT")
    else:
        assert len({ent["PB"], ent["PS"], ent["PT"]}) == 3
    # the café IP is a hub either way
    assert len({ent["PV0"], ent["PV1"], ent["PV2"]}) == 3


def test_trained_model_is_kept_and_reused(tmp_path: Path, runner: CliRunner) -> None:
    b = tmp_path / "bundle"
    people = [("Ana", "Cruz"), ("Ben", "Lim"), ("Carla", "Tan"), ("Dan", "Uy"), ("Eva", "Go"), ("Fe", "Sy")]
    parties = []
    for i, (g, f) in enumerate(people * 3):
        parties.append(
            _party(
                f"T{i:02d}",
                f"{g} {f}" if i < 6 else f"{f.upper()}, {g.upper()}" if i < 12 else f"{g[0]}. {f}",
                birth_date=f"19{60 + i % 6}-0{1 + i % 6}-1{i % 6}",
                country="PH",
                phone=f"+63 917 000 00{i % 6}{i % 6}",
                email=f"{g.lower()}{i}@example.com",
                source=f"src-{i // 6}",
            )
        )
    write_table(b, "parties", parties, PARTY_FIELDS)
    write_table(b, "transactions", [payment("T1", "2025-01-01T10:00:00Z", 50, "X1", "X2")])
    out = tmp_path / "out"
    r = invoke(runner, "entities", "train", b, "--out", out)
    assert r.exit_code == 0, r.output
    model = json.loads((out / "er-model.json").read_text())
    assert model["format"] == "tanglaw-er-model/1" and model["trained_with"] == "expectation maximisation"
    r = invoke(runner, "run", b, "--out", out)
    assert r.exit_code == 0, r.output
    con = duckdb.connect(str(out / "workspace.duckdb"), read_only=True)
    origin = con.execute("SELECT value FROM er_model WHERE key = 'origin'").fetchall()[0][0]
    con.close()
    assert origin == str(out / "er-model.json")
    # a broken model file is refused with one line, and the previous outputs stay
    (out / "er-model.json").write_text("{not json", encoding="utf-8")
    r = invoke(runner, "run", b, "--out", out)
    assert r.exit_code == 2 and "er-model.json: not valid JSON" in r.output
    assert (out / "entities.csv").exists()


def test_pack_refuses_a_malformed_nickname(tmp_path: Path, runner: CliRunner, network_bundle: Path) -> None:
    pack = tmp_path / "pack.toml"
    pack.write_text('[names]\nnicknames = ["ma maria"]\n', encoding="utf-8")
    r = invoke(runner, "run", network_bundle, "--out", tmp_path / "out", "--pack", pack)
    assert r.exit_code == 2
    assert "names.nicknames: 'ma maria' is not KEY=VALUE" in r.output


def test_birth_dates_disagree_like_splinks_level() -> None:
    from datetime import date

    from tanglaw.stages.resolve.cluster import birth_dates_disagree

    d = date(1985, 6, 4)
    assert not birth_dates_disagree(d, d)
    assert not birth_dates_disagree(d, date(1985, 6, 14))  # one part differs: a typo
    assert not birth_dates_disagree(d, date(1985, 4, 6))  # day and month swapped
    assert birth_dates_disagree(d, date(1960, 4, 27))
    assert birth_dates_disagree(d, date(1986, 7, 4))  # two parts differ


def test_clusters_join_strongest_first_and_refuse_a_second_birth_date() -> None:
    from datetime import date

    from tanglaw.stages.resolve.cluster import constrained_components

    dates = {"A": date(1960, 4, 27), "C": date(1985, 6, 4), "D": date(1960, 4, 7)}
    # B (no birth date) is A's strongest match, then C's: C stays apart; D (one typo of A) joins
    labels, refused = constrained_components([("A", "B"), ("B", "C"), ("B", "D")], dates)
    assert labels == {"A": "A", "B": "A", "C": "C", "D": "A"}
    assert refused == [(1, date(1960, 4, 27), date(1985, 6, 4))]


def test_a_profile_with_no_birth_date_joins_no_two_people(tmp_path: Path, runner: CliRunner) -> None:
    """A chat profile shares its name and e-mail with a payer's KYC record abroad and with a
    namesake's wallet in the Philippines (another birth date, another sex, another country):
    the profile joins the payer it shares a phone with; the namesake stays a person of her own."""
    parties = [
        _party(
            "K1",
            "Jun Diallo",
            birth_date="1960-04-27",
            country="US",
            city="Austin",
            phone="+1 555 2689125",
            email="jundiallo@example.net",
            source="mto-t",
        ),
        _party(
            "C1",
            "Jun Diallo",
            country="US",
            city="Austin",
            phone="+1 555 2689125",
            email="jundiallo@example.net",
            source="chat-t",
        ),
        _party(
            "W1",
            "Jun Diallo",
            birth_date="1985-06-04",
            country="PH",
            city="Quezon City",
            phone="+63 555 1367606",
            email="jundiallo@example.net",
            source="ewallet-l",
        ),
    ]
    out, ent = _resolve(tmp_path, runner, parties)
    assert _together(ent, "K1", "C1")
    assert ent["W1"] != ent["K1"]
    r = invoke(runner, "entities", "show", "W1", "--out", out)
    assert r.exit_code == 0, r.output
    text = " ".join(r.output.split())
    assert "No merges: this entity is one record." in text
    assert "Not merged (two different people's birth dates):" in text
    assert "C1 + W1 (match probability" in text
    assert "joining them would put birth dates 1960-04-27 and 1985-06-04 in one entity" in text


def test_a_small_cluster_with_a_birth_date_joins_a_larger_one_without() -> None:
    from datetime import date

    from tanglaw.stages.resolve.cluster import constrained_components

    # the larger cluster (A, B, C) has no birth date; D brings one, then E's disagrees with it
    dates = {"D": date(1990, 1, 2), "E": date(1970, 5, 6)}
    labels, refused = constrained_components([("A", "B"), ("B", "C"), ("C", "D"), ("A", "E")], dates)
    assert labels == {"A": "A", "B": "A", "C": "A", "D": "A", "E": "E"}
    assert [i for i, _, _ in refused] == [3]


def test_a_pair_merged_on_its_own_score_keeps_its_two_birth_dates() -> None:
    """A wallet registered under a relative's name, with the collector's phone, e-mail and
    address: Splink weighed the two birth dates in that pair's own score, so the pair stands; a
    third record's birth date that no merged pair weighed against them is still refused."""
    from datetime import date

    from tanglaw.stages.resolve.cluster import constrained_components

    dates = {"J": date(1962, 11, 12), "I": date(1943, 2, 25), "X": date(2001, 1, 1)}
    labels, refused = constrained_components([("I", "J"), ("J", "P"), ("P", "X")], dates)
    assert labels == {"I": "I", "J": "I", "P": "I", "X": "X"}
    assert [i for i, _, _ in refused] == [2]
