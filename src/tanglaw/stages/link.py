"""Link: one case per household, with the payers who pay it.

An entity is flagged when its score in its main role reaches that role's threshold
(`scoring.<role>_threshold`) and its evidence is more than supporting typologies
(`scoring.supporting_codes`, `scoring.min_primary_score`). People joined by identity links are
already one entity (resolve).

Each flagged entity is on one side: the household side (facilitators, hosts, sellers, and
sextortion victims with the ring they pay) or the paying side (payers, viewers, buyers).
Households are cut from the household side along what only one household shares: a device seen
on at most `resolve.max_accounts_per_device` accounts (`link.device_links`), the host account the
payments to a receiver keep following (a platform twin), money passed on domestically at least
`link.household_min_payments` times, a phone number on the records of a few people in one country
(`link.max_phone_sharers`); a victim's payments join the accounts of its ring. Payers are
grouped only when they are one person (a device, a platform twin), and each group is a member of
every household it pays or watches: payers never merge households. A payer group of no household
is a case of its own. Hubs join nothing: an entity with more distinct counterparties than
`link.max_counterparties` (a remittance agent, a merchant), and any entity that is not a person
(an account of a kind in `link.hub_account_kinds` or a party of a kind in `link.hub_party_kinds`).
Shared IPs are never edges.

Entities nobody flagged join as members with score 0:

* a host most of whose private-session viewers are flagged, at least two (the facilitator's own
  streaming account; a popular host with a flagged viewer or two among many joins nobody, nor
  does a host whose private sessions are mostly paid on the platform: `lookalikes.performer`), and a
  viewer most of whose private-session hosts are flagged (a payer's platform account following
  its facilitator's hosts, old and new): `link.connector_flagged_share`;
* the platform twins of flagged people: a viewer/host pair whose private sessions the payments
  between a flagged payer and a flagged receiver keep following (the thresholds of
  PLAT_SESSION_PAYMENT_LINK): the host is the receiver's person, the viewer the payer's;
* a relative's wallet that a flagged collector passes money on to again and again (role
  facilitator), unless it has more than `link.household_max_counterparties` domestic
  counterparties;
* a person whose records give a flagged collector's phone number (role facilitator), unless the
  records make him or her a minor.

Per case it also writes its facts (`network_facts`): payers shared between facilitators and
bridges (members whose removal would cut the case in two).
"""

from __future__ import annotations

import pyarrow as pa

from ..contract import HOUSEHOLD_ROLES, PAYER_ROLES
from ..engine.core import Engine
from ..engine.graph import articulation_points, components_table
from ..engine.sqltext import literal_list as sql_list
from ..pack import Pack
from .detect.features import BIRTH_DATES, build_session_payment_links
from .detect.households import address_pairs_sql, device_union_sql, not_person_sql, phone_pairs_sql

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
    supporting = sql_list(s["supporting_codes"])
    engine.execute(
        f"""
        CREATE TABLE entity_scores AS
        WITH primary_ AS (
            -- the evidence that can flag someone: every hit but the supporting ones
            SELECT entity_id, 1 - product(1 - weight) AS primary_score FROM hits
            WHERE code NOT IN ({supporting}) GROUP BY entity_id
        ), by_role AS (
            SELECT h.entity_id, h.role, {_score_sql(pack)} AS score, count(*) AS n_hits,
                   list(DISTINCT h.code ORDER BY h.code) AS codes,
                   any_value(coalesce(pr.primary_score, 0)) AS primary_score
            FROM hits h LEFT JOIN primary_ pr USING (entity_id) GROUP BY h.entity_id, h.role
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
                                  ELSE {float(s["facilitator_threshold"])} END
                   AND primary_score >= {float(s["min_primary_score"])} AS flagged,
               pick = 1 AS main_role
        FROM ranked
        """,
        stage=STAGE,
    )


def run(engine: Engine, pack: Pack) -> None:
    score_entities(engine, pack)
    hub = int(pack["link"]["max_counterparties"])
    # the age below which the records make someone a child, as for sextortion victims
    minor_age = int(pack.typology("FIN_SEXTORTION_VICTIM")["minor_age"])
    share = float(pack["link"]["connector_flagged_share"])
    paid_private = float(pack["lookalikes"]["performer"]["min_private_paid_share"])
    device_edges = device_union_sql(pack)
    engine.execute(
        f"""
        CREATE TEMP TABLE __link__phones AS {phone_pairs_sql(pack)};
        -- people at one address (a few share it) whom an unrelated sender abroad pays both: the
        -- collectors of one household living together (neighbours in one purok, each paid by
        -- people of their own, are not)
        CREATE TEMP TABLE __link__addresses AS
        WITH pairs AS ({address_pairs_sql(pack)}),
        senders AS (
            SELECT DISTINCT r_ent, s_ent FROM corridor_payments
            WHERE NOT family AND r_ent IN (SELECT a FROM pairs UNION SELECT b FROM pairs)
        )
        SELECT DISTINCT p.a, p.b FROM pairs p
        JOIN senders x ON x.r_ent = p.a JOIN senders y ON y.r_ent = p.b AND y.s_ent = x.s_ent;
        CREATE TEMP TABLE __link__flagged AS
        SELECT entity_id FROM entity_scores WHERE flagged AND main_role;
        CREATE TEMP TABLE __link__show_sellers AS
        SELECT he.entity_id FROM sessions s JOIN account_entities he ON he.account_id = s.host_account_id
        WHERE coalesce(s.private, false) GROUP BY he.entity_id
        HAVING avg((coalesce(s.paid_amount, 0) > 0)::INTEGER) >= {paid_private};
        CREATE TEMP TABLE __link__not_person AS {not_person_sql(pack)};
        """,
        stage=STAGE,
    )
    # the platform twins of flagged payers and receivers: a viewer/host pair whose private sessions
    # the payments between two flagged people keep following (the thresholds of
    # PLAT_SESSION_PAYMENT_LINK); only payments between flagged people are matched, so it is cheap
    build_session_payment_links(
        engine,
        pack,
        into="__link__twin_links",
        sessions_where="true",
        payments_where="c.s_ent IN (SELECT entity_id FROM __link__flagged) AND c.r_ent IN (SELECT entity_id FROM __link__flagged)",
        stage=STAGE,
    )
    engine.execute(
        f"""
        CREATE TEMP TABLE __link__flagged_accounts AS
        SELECT account_id FROM account_entities WHERE entity_id IN (SELECT entity_id FROM __link__flagged);
        CREATE TEMP TABLE __link__degree AS
        SELECT ent, count(DISTINCT other) AS d FROM (
            SELECT s_ent AS ent, r_ent AS other FROM corridor_payments
            UNION ALL SELECT r_ent, s_ent FROM corridor_payments
            UNION ALL SELECT s_ent, r_ent FROM payment_bursts
            UNION ALL SELECT r_ent, s_ent FROM payment_bursts) GROUP BY ent;
        -- every link between two people that the data shows, hubs and non-persons left out
        CREATE TEMP TABLE __link__links AS
        SELECT DISTINCT c.a, c.b, c.kind
        FROM (SELECT s_ent AS a, r_ent AS b, 'payment' AS kind FROM corridor_payments
              UNION ALL SELECT s_ent, r_ent, 'payment' FROM payment_bursts WHERE NOT via_merchant
              UNION ALL SELECT s_ent, r_ent, 'payment' FROM crypto_payments
              UNION ALL SELECT v_ent, h_ent, 'session' FROM session_pairs
              -- a host (viewer) whose sessions the payments to (from) an entity keep following is
              -- likely the same person: the platform side and the payment side are one
              UNION ALL SELECT h_ent, r_ent, 'twin' FROM session_payment_links
              UNION ALL SELECT v_ent, s_ent, 'twin' FROM session_payment_links
              UNION ALL SELECT se.entity_id, re.entity_id, 'message' FROM messages g
                  JOIN account_entities se ON se.account_id = g.sender_account_id
                  JOIN account_entities re ON re.account_id = g.recipient_account_id
              -- money passed on, again and again, between two people of one household (domestic,
              -- not a purchase): one or two transfers between neighbours or relatives join nothing
              -- (only payments that touch a flagged person are read: a link needs one)
              UNION ALL SELECT se.entity_id, re.entity_id, 'household_payment' FROM payments p
                  JOIN account_entities se ON se.account_id = p.s_acc
                  JOIN account_entities re ON re.account_id = p.r_acc
                  WHERE p.s_country = p.r_country AND NOT p.is_purchase AND NOT p.is_business_sender
                    AND (p.s_acc IN (SELECT account_id FROM __link__flagged_accounts)
                         OR p.r_acc IN (SELECT account_id FROM __link__flagged_accounts))
                  GROUP BY se.entity_id, re.entity_id HAVING count(*) >= {int(pack["link"]["household_min_payments"])}
              -- one device that sessions show for no more than a few accounts: a banned host's
              -- new account on the same phone is the same person coming back
              {device_edges}
              -- one phone number on the records of a few different people: a household's
              -- members, or an account opened under a relative's name (`link.max_phone_sharers`)
              UNION ALL SELECT a, b, 'phone' FROM __link__phones) c
        LEFT JOIN __link__degree da ON da.ent = c.a
        LEFT JOIN __link__degree db ON db.ent = c.b
        WHERE coalesce(da.d, 0) <= {hub} AND coalesce(db.d, 0) <= {hub} AND c.a <> c.b
          AND c.a NOT IN (SELECT entity_id FROM __link__not_person)
          AND c.b NOT IN (SELECT entity_id FROM __link__not_person);
        -- members nobody flagged that join flagged people (each a member with score 0):
        CREATE TEMP TABLE __link__joiners (entity_id VARCHAR, role VARCHAR);
        -- a host most of whose private-session viewers are flagged (the facilitator's own
        -- streaming account; a popular host with a flagged viewer or two among many joins nobody),
        -- and a viewer most of whose private-session hosts are flagged (a payer's platform account
        -- that follows its facilitator's hosts, old and new)
        INSERT INTO __link__joiners
        SELECT ent, role FROM (
            SELECT h_ent AS ent, 'host' AS role, v_ent AS other FROM session_pairs
            -- a host whose private sessions are mostly paid on the platform sells shows (abuse
            -- sessions are paid off the platform): its viewers' cases are not its own
            WHERE h_ent NOT IN (SELECT entity_id FROM __link__show_sellers)
            UNION ALL SELECT v_ent, 'viewer', h_ent FROM session_pairs)
        WHERE ent NOT IN (SELECT entity_id FROM __link__flagged) AND ent NOT IN (SELECT entity_id FROM __link__not_person)
        GROUP BY ent, role
        HAVING count(DISTINCT other) FILTER (WHERE other IN (SELECT entity_id FROM __link__flagged)) >= 2
           AND count(DISTINCT other) <= {hub}
           AND count(DISTINCT other) FILTER (WHERE other IN (SELECT entity_id FROM __link__flagged))
               >= {share} * count(DISTINCT other);
        -- and the platform twins of flagged payers and receivers
        INSERT INTO __link__joiners
        SELECT DISTINCT ent, role FROM (
            SELECT h_ent AS ent, 'host' AS role FROM __link__twin_links UNION ALL SELECT v_ent, 'viewer' FROM __link__twin_links)
        WHERE ent NOT IN (SELECT entity_id FROM __link__flagged) AND ent NOT IN (SELECT entity_id FROM __link__not_person)
          AND ent NOT IN (SELECT entity_id FROM __link__joiners);
        -- a relative to whom a flagged collector passes money on again and again (or who passes
        -- it on to the collector): the household's other wallet. Cash agents and shops, with many
        -- domestic counterparties, join nobody.
        INSERT INTO __link__joiners
        WITH dom AS (
            SELECT ent, other FROM (
                SELECT a AS ent, b AS other FROM __link__links WHERE kind = 'household_payment'
                UNION ALL SELECT b, a FROM __link__links WHERE kind = 'household_payment')
        ), candidates AS (
            SELECT account_id, entity_id FROM account_entities
            WHERE entity_id IN (SELECT ent FROM dom) AND entity_id NOT IN (SELECT entity_id FROM __link__flagged)
        ), degree AS (
            -- the domestic counterparties of each candidate (a cash agent has hundreds)
            SELECT ent, count(DISTINCT other) AS d FROM (
                SELECT c.entity_id AS ent, p.r_acc AS other FROM payments p JOIN candidates c ON c.account_id = p.s_acc
                WHERE p.s_country = p.r_country
                UNION ALL
                SELECT c.entity_id, p.s_acc FROM payments p JOIN candidates c ON c.account_id = p.r_acc
                WHERE p.s_country = p.r_country)
            GROUP BY ent
        )
        SELECT DISTINCT d.ent, 'facilitator' FROM dom d
        JOIN entity_scores s ON s.entity_id = d.other AND s.flagged AND s.main_role
             AND s.role IN ({sql_list(HOUSEHOLD_ROLES)})
        WHERE d.ent NOT IN (SELECT entity_id FROM __link__flagged) AND d.ent NOT IN (SELECT entity_id FROM __link__joiners)
          AND d.ent NOT IN (SELECT entity_id FROM __link__not_person)
          AND d.ent NOT IN (SELECT ent FROM degree WHERE d > {int(pack["link"]["household_max_counterparties"])});
        -- a member of the household by its phone: a person nobody flagged whose records give the
        -- phone number of a flagged collector (a few people share it). A child is never joined: a
        -- person whose records make him or her under `minor_age` stays out (a victim is never a suspect).
        INSERT INTO __link__joiners
        WITH ph AS (
            SELECT a AS ent, b AS other FROM __link__links WHERE kind = 'phone'
            UNION ALL SELECT b, a FROM __link__links WHERE kind = 'phone'
        ), minors AS (
            SELECT entity_id FROM ({BIRTH_DATES})
            WHERE birth_date > CAST(coalesce((SELECT max(ts) FROM payments), current_date) AS DATE)
                               - INTERVAL {minor_age} YEAR
        )
        SELECT DISTINCT ph.ent, 'facilitator' FROM ph
        JOIN entity_scores s ON s.entity_id = ph.other AND s.flagged AND s.main_role
             AND s.role IN ({sql_list(HOUSEHOLD_ROLES)})
        WHERE ph.ent NOT IN (SELECT entity_id FROM __link__flagged) AND ph.ent NOT IN (SELECT entity_id FROM __link__joiners)
          AND ph.ent NOT IN (SELECT entity_id FROM __link__not_person) AND ph.ent NOT IN (SELECT entity_id FROM minors);
        INSERT INTO __link__links
        SELECT h_ent, r_ent, 'twin' FROM __link__twin_links
        WHERE h_ent NOT IN (SELECT entity_id FROM __link__not_person) AND r_ent NOT IN (SELECT entity_id FROM __link__not_person)
        UNION SELECT v_ent, s_ent, 'twin' FROM __link__twin_links
        WHERE v_ent NOT IN (SELECT entity_id FROM __link__not_person) AND s_ent NOT IN (SELECT entity_id FROM __link__not_person);
        -- the side of each member: the household side (who collects, streams or sells) or the
        -- paying side (payers, viewers, buyers, victims)
        -- a sextortion victim is on the household side: the accounts one victim is told to pay
        -- are one ring, and the ring's victims and accounts one case of its own kind
        CREATE TEMP TABLE __link__side AS
        SELECT entity_id,
               CASE WHEN role IN ({sql_list(HOUSEHOLD_ROLES)}) OR role = 'victim' THEN 'household' ELSE 'payer' END
                   AS side
        FROM entity_scores WHERE flagged AND main_role
        UNION ALL
        SELECT entity_id, CASE WHEN bool_or(role IN ({sql_list(HOUSEHOLD_ROLES)})) THEN 'household' ELSE 'payer' END
        FROM __link__joiners GROUP BY entity_id;
        CREATE TEMP TABLE __link__victims AS
        SELECT entity_id FROM entity_scores WHERE flagged AND main_role AND role = 'victim';
        CREATE TEMP TABLE __link__edges AS
        SELECT l.a, l.b, sa.side AS side_a, sb.side AS side_b FROM __link__links l
        JOIN __link__side sa ON sa.entity_id = l.a JOIN __link__side sb ON sb.entity_id = l.b
        -- two payers are one payer, and two receivers one household, only through a device, a
        -- platform twin or (receivers) money passed on again and again: a payment, a session or a
        -- chat between them joins nothing (relatives and neighbours chat and send money too)
        WHERE NOT (sa.side = 'payer' AND sb.side = 'payer' AND l.kind NOT IN ('twin', 'device'))
          AND NOT (sa.side = 'household' AND sb.side = 'household'
                   AND l.kind NOT IN ('twin', 'device', 'household_payment', 'phone')
                   -- but a victim's payments do join the accounts of the ring it pays
                   AND NOT (l.kind = 'payment' AND (l.a IN (SELECT entity_id FROM __link__victims)
                                                    OR l.b IN (SELECT entity_id FROM __link__victims))))
        -- one address on the records of a few people of the household side whom a sender pays
        -- both: collectors living together (`link.max_address_sharers`). Between them only: an
        -- address never makes anyone a member, nor a payer a member of a household
        UNION
        SELECT d.a, d.b, 'household', 'household' FROM __link__addresses d
        JOIN __link__side sa ON sa.entity_id = d.a AND sa.side = 'household'
        JOIN __link__side sb ON sb.entity_id = d.b AND sb.side = 'household'
        WHERE d.a NOT IN (SELECT entity_id FROM __link__not_person)
          AND d.b NOT IN (SELECT entity_id FROM __link__not_person);
        """,
        stage=STAGE,
    )
    # households: the people who collect, joined by what only one household shares (one person
    # behind several records, a device, the host account the payments follow, money passed on);
    # payers never join two households: a payer is a member of each household it pays
    components_table(
        engine,
        "SELECT entity_id FROM __link__side WHERE side = 'household'",
        "SELECT a, b FROM __link__edges WHERE side_a = 'household' AND side_b = 'household'",
        "__link__households",
        stage=STAGE,
    )
    # one payer behind several accounts (a viewer account and the payer its sessions precede)
    components_table(
        engine,
        "SELECT entity_id FROM __link__side WHERE side = 'payer'",
        "SELECT a, b FROM __link__edges WHERE side_a = 'payer' AND side_b = 'payer'",
        "__link__payers",
        stage=STAGE,
    )
    lone, payer_roles = float(pack["scoring"]["lone_payer_threshold"]), sql_list(PAYER_ROLES)
    engine.execute(
        f"""
        CREATE TEMP TABLE __link__attached AS
        SELECT DISTINCT p.component AS payer_group, h.component AS household
        FROM __link__edges e
        JOIN __link__payers p ON p.node = CASE WHEN e.side_a = 'payer' THEN e.a ELSE e.b END
        JOIN __link__households h ON h.node = CASE WHEN e.side_a = 'payer' THEN e.b ELSE e.a END
        WHERE e.side_a <> e.side_b;
        CREATE TEMP TABLE __link__net AS
        SELECT node, component FROM __link__households
        UNION ALL
        SELECT p.node, a.household FROM __link__payers p JOIN __link__attached a ON a.payer_group = p.component
        UNION ALL
        -- payers of no household: a case of their own kind (a lone payer, a sextortion victim);
        -- a lone payer only on evidence strong enough alone (`scoring.lone_payer_threshold`)
        SELECT p.node, p.component FROM __link__payers p
        WHERE p.component NOT IN (SELECT payer_group FROM __link__attached)
          AND p.component IN (
              SELECT g.component FROM __link__payers g
              JOIN entity_scores s ON s.entity_id = g.node AND s.main_role
              GROUP BY g.component
              HAVING max(s.score) >= {lone} OR bool_or(s.role NOT IN ({payer_roles})));
        CREATE TABLE network_members AS
        SELECT n.node AS entity_id, n.component AS network_id, s.role, s.score
        FROM __link__net n JOIN entity_scores s ON s.entity_id = n.node AND s.main_role
        WHERE n.node IN (SELECT entity_id FROM __link__flagged)
        UNION ALL
        SELECT n.node, n.component, min(j.role), 0.0
        FROM __link__net n JOIN __link__joiners j ON j.entity_id = n.node GROUP BY n.node, n.component;
        CREATE TABLE network_edges AS
        SELECT DISTINCT least(e.a, e.b) AS a, greatest(e.a, e.b) AS b, na.component AS network_id
        FROM __link__edges e JOIN __link__net na ON na.node = e.a JOIN __link__net nb ON nb.node = e.b
        WHERE na.component = nb.component;
        DROP TABLE __link__net; DROP TABLE __link__edges; DROP TABLE __link__links; DROP TABLE __link__degree; DROP TABLE __link__side;
        DROP TABLE __link__households; DROP TABLE __link__payers; DROP TABLE __link__phones; DROP TABLE __link__addresses; DROP TABLE __link__attached; DROP TABLE __link__victims;
        DROP TABLE __link__flagged_accounts;
        DROP TABLE __link__flagged; DROP TABLE __link__not_person; DROP TABLE __link__joiners; DROP TABLE __link__twin_links;
        DROP TABLE __link__show_sellers;
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
