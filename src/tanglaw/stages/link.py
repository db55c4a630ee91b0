"""Link: cut the flagged entities into networks along the payments, sessions and messages between them.

An entity is flagged when its score in its main role reaches that role's threshold
(`scoring.<role>_threshold`). People joined by identity links are already one entity (resolve).
Hubs never join two networks: an entity with more distinct counterparties than
`link.max_counterparties` (a remittance agent, a merchant), and any entity that is not a person
(an account of a kind in `link.hub_account_kinds` or a party of a kind in `link.hub_party_kinds`).
Shared IPs are never edges; a device is one only when sessions show it for no more than
`resolve.max_accounts_per_device` accounts (`link.device_links`: a banned host's new account on
the same phone).

Entities nobody flagged join flagged ones as members with score 0:

* a host most of whose private-session viewers are flagged, at least two (the facilitator's own
  streaming account; a popular host with a flagged viewer or two among many joins nobody), and a
  viewer most of whose private-session hosts are flagged (a payer's platform account following
  its facilitator's hosts, old and new): `link.connector_flagged_share`;
* the platform twins of flagged people: a viewer/host pair whose private sessions the payments
  between a flagged payer and a flagged receiver keep following (the thresholds of
  PLAT_SESSION_PAYMENT_LINK): the host is the receiver's person, the viewer the payer's.

Per network it also writes its facts (`network_facts`): payers shared between facilitators and
bridges (members whose removal would cut the network in two).
"""

from __future__ import annotations

import pyarrow as pa

from ..engine import Engine
from ..graph import articulation_points, components_table
from ..pack import Pack
from ..sqltext import literal_list as sql_list
from .features import build_session_payment_links

STAGE = "link"
#: roles with their own threshold in the pack (`scoring.<role>_threshold`)
ROLES = ("payer", "facilitator", "victim", "buyer", "host", "viewer")


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
               score >= CASE role {" ".join(f"WHEN '{r}' THEN {float(s[r + '_threshold'])}" for r in ROLES)}
                                  ELSE {float(s["facilitator_threshold"])} END AS flagged,
               pick = 1 AS main_role
        FROM ranked
        """,
        stage=STAGE,
    )


def run(engine: Engine, pack: Pack) -> None:
    score_entities(engine, pack)
    hub = int(pack["link"]["max_counterparties"])
    share = float(pack["link"]["connector_flagged_share"])
    kinds = sql_list(pack["link"]["hub_account_kinds"])
    party_kinds = sql_list(pack["link"]["hub_party_kinds"])
    device_edges = (
        """UNION ALL SELECT ea.entity_id, eb.entity_id FROM platform_links l
                  JOIN account_entities ea ON ea.account_id = l.account_a
                  JOIN account_entities eb ON eb.account_id = l.account_b
                  WHERE l.kind = 'device'"""
        if pack["link"]["device_links"]
        else ""
    )
    engine.execute(
        f"""
        CREATE TEMP TABLE __flagged AS
        SELECT entity_id FROM entity_scores WHERE flagged AND main_role;
        CREATE TEMP TABLE __not_person AS
        SELECT DISTINCT ae.entity_id FROM account_entities ae JOIN all_accounts a USING (account_id)
        WHERE a.kind IN ({kinds}) OR a.party_kind IN ({party_kinds});
        """,
        stage=STAGE,
    )
    # the platform twins of flagged payers and receivers: a viewer/host pair whose private sessions
    # the payments between two flagged people keep following (the thresholds of
    # PLAT_SESSION_PAYMENT_LINK); only payments between flagged people are matched, so it is cheap
    build_session_payment_links(
        engine,
        pack,
        into="__twin_links",
        sessions_where="true",
        payments_where="c.s_ent IN (SELECT entity_id FROM __flagged) AND c.r_ent IN (SELECT entity_id FROM __flagged)",
        stage=STAGE,
    )
    engine.execute(
        f"""
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
                  JOIN account_entities re ON re.account_id = g.recipient_account_id
              -- one device that sessions show for no more than a few accounts: a banned host's
              -- new account on the same phone is the same person coming back
              {device_edges}) c
        JOIN __flagged fa ON fa.entity_id = c.s_ent
        JOIN __flagged fb ON fb.entity_id = c.r_ent
        LEFT JOIN degree da ON da.ent = c.s_ent
        LEFT JOIN degree db ON db.ent = c.r_ent
        WHERE coalesce(da.d, 0) <= {hub} AND coalesce(db.d, 0) <= {hub} AND c.s_ent <> c.r_ent
          AND c.s_ent NOT IN (SELECT entity_id FROM __not_person)
          AND c.r_ent NOT IN (SELECT entity_id FROM __not_person);
        -- members nobody flagged that join flagged people (each a member with score 0):
        CREATE TEMP TABLE __joiners (entity_id VARCHAR, role VARCHAR);
        -- a host most of whose private-session viewers are flagged (the facilitator's own
        -- streaming account; a popular host with a flagged viewer or two among many joins nobody),
        -- and a viewer most of whose private-session hosts are flagged (a payer's platform account
        -- that follows its facilitator's hosts, old and new)
        INSERT INTO __joiners
        SELECT ent, role FROM (
            SELECT h_ent AS ent, 'host' AS role, v_ent AS other FROM session_pairs
            UNION ALL SELECT v_ent, 'viewer', h_ent FROM session_pairs)
        WHERE ent NOT IN (SELECT entity_id FROM __flagged) AND ent NOT IN (SELECT entity_id FROM __not_person)
        GROUP BY ent, role
        HAVING count(DISTINCT other) FILTER (WHERE other IN (SELECT entity_id FROM __flagged)) >= 2
           AND count(DISTINCT other) <= {hub}
           AND count(DISTINCT other) FILTER (WHERE other IN (SELECT entity_id FROM __flagged))
               >= {share} * count(DISTINCT other);
        INSERT INTO __edges
        SELECT p.v_ent, p.h_ent FROM session_pairs p JOIN __joiners j ON j.role = 'host' AND j.entity_id = p.h_ent
        WHERE p.v_ent IN (SELECT entity_id FROM __flagged)
        UNION
        SELECT p.v_ent, p.h_ent FROM session_pairs p JOIN __joiners j ON j.role = 'viewer' AND j.entity_id = p.v_ent
        WHERE p.h_ent IN (SELECT entity_id FROM __flagged);
        -- and the platform twins of flagged payers and receivers
        INSERT INTO __joiners
        SELECT DISTINCT ent, role FROM (
            SELECT h_ent AS ent, 'host' AS role FROM __twin_links UNION ALL SELECT v_ent, 'viewer' FROM __twin_links)
        WHERE ent NOT IN (SELECT entity_id FROM __flagged) AND ent NOT IN (SELECT entity_id FROM __not_person)
          AND ent NOT IN (SELECT entity_id FROM __joiners);
        INSERT INTO __edges
        SELECT h_ent, r_ent FROM __twin_links WHERE h_ent NOT IN (SELECT entity_id FROM __not_person)
        UNION SELECT v_ent, s_ent FROM __twin_links WHERE v_ent NOT IN (SELECT entity_id FROM __not_person);
        """,
        stage=STAGE,
    )
    components_table(
        engine,
        "SELECT entity_id FROM __flagged UNION SELECT entity_id FROM __joiners",
        "SELECT a, b FROM __edges",
        "__net",
        stage=STAGE,
    )
    engine.execute(
        """
        CREATE TABLE network_members AS
        SELECT n.node AS entity_id, n.component AS network_id, s.role, s.score
        FROM __net n JOIN entity_scores s ON s.entity_id = n.node AND s.main_role
        WHERE n.node IN (SELECT entity_id FROM __flagged)
        UNION ALL
        SELECT n.node, n.component, any_value(j.role ORDER BY j.role), 0.0
        FROM __net n JOIN __joiners j ON j.entity_id = n.node GROUP BY n.node, n.component;
        CREATE TABLE network_edges AS
        SELECT DISTINCT least(e.a, e.b) AS a, greatest(e.a, e.b) AS b, n.component AS network_id
        FROM __edges e JOIN __net n ON n.node = e.a;
        DROP TABLE __net; DROP TABLE __edges; DROP TABLE __flagged; DROP TABLE __not_person; DROP TABLE __joiners;
        DROP TABLE __twin_links;
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
