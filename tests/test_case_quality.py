"""Case coherence (evaluate) on hand-made outputs, and case-id stability with 20% more data on a
small simulated world."""

from __future__ import annotations

from pathlib import Path

from tanglaw.evaluation.evaluate import case_coherence


def test_case_coherence_counts_pairs_of_offender_accounts() -> None:
    persons = [
        {"person_id": "a", "role": "payer", "network_id": "N1"},
        {"person_id": "b", "role": "facilitator", "network_id": "N1"},
        {"person_id": "c", "role": "payer", "network_id": "N1"},
        {"person_id": "d", "role": "facilitator", "network_id": "N2"},
        {"person_id": "v", "role": "victim", "network_id": "S1"},  # not an offender: left out
        {"person_id": "x", "role": "", "network_id": ""},  # legitimate: left out
    ]
    accounts = [{"account_id": k.upper(), "person_id": k} for k in "abcdvx"] + [
        {"account_id": "B2", "person_id": "b"}
    ]
    members = [
        {"case_id": "K1", "account_id": "A"},
        {"case_id": "K1", "account_id": "B"},
        {"case_id": "K1", "account_id": "D"},  # N2 glued into K1
        {"case_id": "K1", "account_id": "V"},
        {"case_id": "K1", "account_id": "X"},
        {"case_id": "K2", "account_id": "C"},  # N1 split
        {"case_id": "K2", "account_id": "B2"},
    ]
    k = case_coherence(members, persons, accounts)
    # pairs of people: same case a-b, a-d, b-d (K1), b-c (K2) = 4, of which a-b and b-c are one network
    # same network (N1): a, b, c -> 3 pairs, of which a-b and b-c share a case
    assert (k.accounts, k.same_case_pairs, k.same_network_pairs, k.both) == (5, 4, 3, 2)
    assert (k.precision, k.recall) == (0.5, 0.6667)


def test_a_payer_of_two_households_in_both_cases_is_coherent() -> None:
    persons = [
        {"person_id": "p", "role": "payer", "network_id": "N1;N2"},
        {"person_id": "f1", "role": "facilitator", "network_id": "N1"},
        {"person_id": "f2", "role": "facilitator", "network_id": "N2"},
    ]
    accounts = [{"account_id": k.upper(), "person_id": k} for k in ("p", "f1", "f2")]
    members = [
        {"case_id": "K1", "account_id": "P"},
        {"case_id": "K1", "account_id": "F1"},
        {"case_id": "K2", "account_id": "P"},
        {"case_id": "K2", "account_id": "F2"},
    ]
    k = case_coherence(members, persons, accounts)
    assert (k.same_case_pairs, k.same_network_pairs, k.both, k.precision, k.recall) == (2, 2, 2, 1.0, 1.0)
    # one case holding both households mixes them: f1-f2 share no network
    glued = [{"case_id": "K1", "account_id": a} for a in ("P", "F1", "F2")]
    k = case_coherence(glued, persons, accounts)
    assert (k.same_case_pairs, k.precision, k.recall) == (3, 0.6667, 1.0)


def test_payers_across_networks_are_counted_from_the_transactions(tmp_path: Path) -> None:
    import duckdb

    from tanglaw.evaluation.network_recall import payers_across_networks

    persons = [
        {"person_id": "p1", "role": "payer", "network_id": "N1"},
        {"person_id": "p2", "role": "payer", "network_id": "N1"},
        {"person_id": "f1", "role": "facilitator", "network_id": "N1"},
        {"person_id": "f2", "role": "facilitator", "network_id": "N2"},
        {"person_id": "x", "role": "", "network_id": ""},
    ]
    accounts = [{"account_id": k.upper(), "person_id": k} for k in ("p1", "p2", "f1", "f2", "x")]
    ws = tmp_path / "workspace.duckdb"
    con = duckdb.connect(str(ws))
    con.execute("CREATE TABLE transactions (sender_account_id VARCHAR, receiver_account_id VARCHAR)")
    # p1 pays both networks, p2 only its own, x (legitimate) pays f2: one of two payers crosses
    con.execute("INSERT INTO transactions VALUES ('P1', 'F1'), ('P1', 'F2'), ('P2', 'F1'), ('X', 'F2')")
    con.close()
    assert payers_across_networks(ws, persons, accounts) == (1, 2)
    assert payers_across_networks(tmp_path / "none.duckdb", persons, accounts) is None


def test_ids_and_notes_survive_20_percent_more_data(tmp_path: Path) -> None:
    from tanglaw.evaluation.stability import stability
    from tanglaw.simulate import SimulationConfig, simulate_world

    simulate_world(
        tmp_path / "w", SimulationConfig(seed=11, customers=3_000, payer_rate=0.004), progress=False
    )
    f = stability(tmp_path / "w" / "bundle", tmp_path / "s")
    assert f["cases_first"] and f["notes_kept"] == f["notes_added"] == f["cases_first"]
    assert float(f["ids_kept_pct_of_continuing"]) >= 95.0, f


def test_people_with_no_account_are_left_out_of_recall(tmp_path: Path) -> None:
    """A child held in a household has no account: no run can name her, so she is not a victim
    missed; evaluate says how many such people it left out."""
    import csv

    from tanglaw.evaluation.evaluate import evaluate

    def write(path: Path, rows: list[dict[str, str]]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)

    truth, out = tmp_path / "truth", tmp_path / "out"
    write(
        truth / "persons.csv",
        [
            {"person_id": "f", "cohort": "facilitator", "role": "facilitator", "network_id": "N1"},
            {"person_id": "c", "cohort": "child_victim", "role": "victim", "network_id": "N1"},
            {"person_id": "v", "cohort": "sextortion_victim", "role": "victim", "network_id": "S1"},
        ],
    )
    write(
        truth / "accounts.csv",
        [
            {"account_id": "F", "party_id": "", "person_id": "f"},
            {"account_id": "V", "party_id": "", "person_id": "v"},
        ],
    )
    write(
        out / "case_members.csv",
        [
            {"case_id": "K1", "account_id": "F", "party_id": "", "role": "facilitator", "score": "0.9"},
            {"case_id": "K2", "account_id": "V", "party_id": "", "role": "victim", "score": "0.8"},
        ],
    )
    write(out / "cases.csv", [{"case_id": "K1", "rank": "1"}, {"case_id": "K2", "rank": "2"}])
    ev = evaluate(truth, out)
    assert (ev.victim.recall, ev.facilitator.recall) == (1.0, 1.0)
    assert "1 person with an offender or victim role and no account in the bundle" in " ".join(ev.notes)
