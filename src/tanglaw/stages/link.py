"""Link: cut the flagged entities into networks along the payments, sessions and messages between them.

People joined by identity links are already one entity (resolve). Hubs never join two networks:
an entity with more distinct counterparties than `link.max_counterparties` (a remittance agent, a
merchant), and any entity that is not a person (an account of a kind in `link.hub_account_kinds`
or a party of a kind in `link.hub_party_kinds`). Shared IPs and devices are never edges. A host
nobody flagged joins the flagged viewers of its private sessions when they are at least
`link.connector_flagged_share` of its viewers (the facilitator's own streaming account; a popular
legitimate host, with a flagged viewer or two among many, joins nobody); it is a member with role
`host` and score 0.

Per network it also writes its facts (`network_facts`): payers shared between facilitators and
bridges (members whose removal would cut the network in two).
"""

from __future__ import annotations

import pyarrow as pa

from ..engine import Engine
from ..graph import articulation_points, components_table
from ..pack import Pack
from ..sqltext import literal_list as sql_list

STAGE = "link"


def _score_sql(pack: Pack) -> str:
    """Noisy-or of the indicator weights, or the user's calibrated logistic model when enabled."""
    cal = pack["scoring"]["calibration"]
    if not cal["enabled"]:
        return "1 - product(1 - weight)"
    terms = " + ".join(
        f"{float(c)} * coalesce(max(weight) FILTER (WHERE code = '{code}'), 0)"
        for code, c in cal["coefficients"].items()
    )
    return f"1 / (1 + exp(-({float(cal['intercept'])}{' + ' + terms if terms else ''})))"


def score_entities(engine: Engine, pack: Pack) -> None:
    s = pack["scoring"]
    engine.execute(
        f"""
        CREATE TABLE entity_scores AS
        WITH by_role AS (
            SELECT entity_id, role, {_score_sql(pack)} AS score, count(*) AS n_hits,
                   list(DISTINCT code ORDER BY code) AS codes
            FROM hits GROUP BY entity_id, role
        ), ranked AS (
            -- a likely sextortion victim is a victim first, though the burst of payments also
            -- looks like a remitter's; otherwise the strongest role wins
            SELECT *, row_number() OVER (
                PARTITION BY entity_id
                ORDER BY role = 'victim' AND score >= {s["victim_threshold"]} DESC, score DESC, role) AS pick
            FROM by_role
        )
        SELECT entity_id, role, score, n_hits, codes,
               score >= CASE role WHEN 'payer' THEN {s["payer_threshold"]}
                                  ELSE {s["facilitator_threshold"]} END AS flagged,
               pick = 1 AS main_role
        FROM ranked
        """,
        stage=STAGE,
    )


def run(engine: Engine, pack: Pack) -> None:
    score_entities(engine, pack)
    hub = int(pack["link"]["max_counterparties"])
    kinds = sql_list(pack["link"]["hub_account_kinds"])
    party_kinds = sql_list(pack["link"]["hub_party_kinds"])
    engine.execute(
        f"""
        CREATE TEMP TABLE __flagged AS
        SELECT entity_id FROM entity_scores WHERE flagged AND main_role;
        CREATE TEMP TABLE __not_person AS
        SELECT DISTINCT ae.entity_id FROM account_entities ae JOIN all_accounts a USING (account_id)
        WHERE a.kind IN ({kinds}) OR a.party_kind IN ({party_kinds});
        CREATE TEMP TABLE __edges AS
        WITH degree AS (
            SELECT ent, count(DISTINCT other) AS d FROM (
                SELECT s_ent AS ent, r_ent AS other FROM corridor_payments
                UNION ALL SELECT r_ent, s_ent FROM corridor_payments
                UNION ALL SELECT s_ent, r_ent FROM payment_bursts
                UNION ALL SELECT r_ent, s_ent FROM payment_bursts) GROUP BY ent
        )
        SELECT DISTINCT c.s_ent AS a, c.r_ent AS b
        FROM (SELECT s_ent, r_ent FROM corridor_payments
              UNION ALL SELECT s_ent, r_ent FROM payment_bursts WHERE NOT via_merchant
              UNION ALL SELECT s_ent, r_ent FROM crypto_payments
              UNION ALL SELECT v_ent, h_ent FROM session_pairs
              -- a host (viewer) whose sessions the payments to (from) an entity keep following is
              -- likely the same person: the platform case and the payment case are one
              UNION ALL SELECT h_ent, r_ent FROM session_payment_links
              UNION ALL SELECT v_ent, s_ent FROM session_payment_links
              UNION ALL SELECT se.entity_id, re.entity_id FROM messages g
                  JOIN account_entities se ON se.account_id = g.sender_account_id
                  JOIN account_entities re ON re.account_id = g.recipient_account_id) c
        JOIN __flagged fa ON fa.entity_id = c.s_ent
        JOIN __flagged fb ON fb.entity_id = c.r_ent
        LEFT JOIN degree da ON da.ent = c.s_ent
        LEFT JOIN degree db ON db.ent = c.r_ent
        WHERE coalesce(da.d, 0) <= {hub} AND coalesce(db.d, 0) <= {hub} AND c.s_ent <> c.r_ent
          AND c.s_ent NOT IN (SELECT entity_id FROM __not_person)
          AND c.r_ent NOT IN (SELECT entity_id FROM __not_person);
        -- a host nobody flagged, most of whose private-session viewers are flagged, joins them
        CREATE TEMP TABLE __connectors AS
        SELECT h_ent AS entity_id FROM session_pairs
        WHERE h_ent NOT IN (SELECT entity_id FROM __flagged)
          AND h_ent NOT IN (SELECT entity_id FROM __not_person)
        GROUP BY h_ent
        HAVING count(DISTINCT v_ent) FILTER (WHERE v_ent IN (SELECT entity_id FROM __flagged)) >= 2
           AND count(DISTINCT v_ent) <= {hub}
           AND count(DISTINCT v_ent) FILTER (WHERE v_ent IN (SELECT entity_id FROM __flagged))
               >= {float(pack["link"]["connector_flagged_share"])} * count(DISTINCT v_ent);
        INSERT INTO __edges
        SELECT DISTINCT v_ent, h_ent FROM session_pairs
        WHERE h_ent IN (SELECT entity_id FROM __connectors) AND v_ent IN (SELECT entity_id FROM __flagged);
        """,
        stage=STAGE,
    )
    components_table(
        engine,
        "SELECT entity_id FROM __flagged UNION SELECT entity_id FROM __connectors",
        "SELECT a, b FROM __edges",
        "__net",
        stage=STAGE,
    )
    engine.execute(
        """
        CREATE TABLE network_members AS
        SELECT n.node AS entity_id, n.component AS network_id, s.role, s.score
        FROM __net n JOIN entity_scores s ON s.entity_id = n.node AND s.main_role
        WHERE n.node NOT IN (SELECT entity_id FROM __connectors)
        UNION ALL
        SELECT n.node, n.component, 'host', 0.0 FROM __net n JOIN __connectors c ON c.entity_id = n.node;
        CREATE TABLE network_edges AS
        SELECT DISTINCT least(e.a, e.b) AS a, greatest(e.a, e.b) AS b, n.component AS network_id
        FROM __edges e JOIN __net n ON n.node = e.a;
        DROP TABLE __net; DROP TABLE __edges; DROP TABLE __flagged; DROP TABLE __not_person; DROP TABLE __connectors;
        """,
        stage=STAGE,
    )
    network_facts(engine)


def network_facts(engine: Engine) -> None:
    """Per network: payers paying two or more of its facilitators, and its bridges."""
    role = dict(engine.rows("SELECT entity_id, role FROM network_members", stage=STAGE))
    edges: dict[str, list[tuple[str, str]]] = {}
    for a, b, nid in engine.rows("SELECT a, b, network_id FROM network_edges ORDER BY 3, 1, 2", stage=STAGE):
        edges.setdefault(nid, []).append((a, b))
    nets, shared, bridges = [], [], []
    for nid, es in edges.items():
        facs: dict[str, set[str]] = {}
        for a, b in es:
            for x, y in ((a, b), (b, a)):
                if role.get(x) == "payer" and role.get(y) == "facilitator":
                    facs.setdefault(x, set()).add(y)
        nets.append(nid)
        shared.append(sorted(p for p, f in facs.items() if len(f) >= 2))
        bridges.append(sorted(articulation_points(es)))
    engine.register_arrow(
        "network_facts",
        pa.table(
            {
                "network_id": pa.array(nets, pa.string()),
                "shared_payers": pa.array(shared, pa.list_(pa.string())),
                "bridges": pa.array(bridges, pa.list_(pa.string())),
            }
        ),
    )
