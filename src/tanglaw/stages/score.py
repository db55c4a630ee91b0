"""Score: networks become ranked cases with members, indicators, a priority and a title.

Priority is danger to a child first, then strength of evidence, each reason said in words
(`priority_reasons`): a likely sextortion victim paid recently, several victims in one household,
payments or sessions in the last days with escalation or several payers. Actionability (how much a
receiver of the case could act on: identifiers, location) is scored apart and never changes the
priority. Case ids come from the case book (`case_ids`, see `tanglaw.casebook`); without one, an
id is derived from the network's anchor entity.
"""

from __future__ import annotations

from ..casebook.queue import queue_order
from ..contract import HOUSEHOLD_ROLES, PAYER_ROLES
from ..engine.core import Engine
from ..engine.sqltext import literal_list as sql_list
from ..pack import Pack
from .detect.finance import YOUTH_ONLY

#: identifier kinds that make a case actionable, with the words used in reasons
ACTIONABLE = (
    ("phone", "phone"),
    ("email", "email"),
    ("id_number", "id number"),
    ("address", "address or city"),
    ("username", "platform username"),
    ("ip", "IP address"),
    ("device", "device id"),
    ("country", "country"),
)

STAGE = "score"


def run(engine: Engine, pack: Pack) -> None:
    s = pack["scoring"]
    vdays, rdays = int(s["p1_victim_days"]), int(s["p1_recent_days"])
    engine.execute(
        """
        -- the payments of each burst (abroad, or at home to a collector), read once for both the
        -- primary accounts and the case money
        CREATE TEMP TABLE __score__burst_txns AS
        SELECT b.s_ent, b.r_ent, c.s_acc, c.r_acc, c.txn_id, c.ts, c.amount_usd, c.s_country, c.r_country
        FROM payments c
        JOIN (SELECT s_ent, r_ent, unnest(txn_ids) AS txn_id FROM payment_bursts) b USING (txn_id);
        CREATE TEMP TABLE __score__primary AS
        WITH uses AS (
            SELECT s_ent AS ent, s_acc AS acc FROM corridor_payments
            UNION ALL SELECT r_ent, r_acc FROM corridor_payments
            UNION ALL SELECT s_ent, s_acc FROM __score__burst_txns
            UNION ALL SELECT r_ent, r_acc FROM __score__burst_txns
        ), paying AS (
            SELECT ent AS entity_id, mode(acc ORDER BY acc) AS account_id FROM uses GROUP BY ent
        )
        SELECT * FROM paying
        UNION ALL  -- someone seen only on the platform: their first account
        SELECT entity_id, min(account_id) FROM account_entities
        WHERE entity_id IN (SELECT entity_id FROM network_members)
          AND entity_id NOT IN (SELECT entity_id FROM paying)
        GROUP BY entity_id
        """,
        stage=STAGE,
    )
    if engine.table_exists("case_ids"):
        id_sql = "coalesce(ci.case_id, 'TGL-' || upper(substr(md5(a.anchor), 1, 10)))"
        id_join = "LEFT JOIN case_ids ci USING (network_id)"
        carried_sql = "coalesce(ci.carried, false)"
    else:
        id_sql, id_join, carried_sql = "'TGL-' || upper(substr(md5(a.anchor), 1, 10))", "", "false"
    engine.execute(
        f"""
        CREATE TEMP TABLE __score__net AS
        WITH anchors AS (
            SELECT network_id,
                   coalesce(min(entity_id) FILTER (WHERE role = 'facilitator'), min(entity_id)) AS anchor
            FROM network_members GROUP BY network_id
        ), txns AS (
            -- two equality joins, not one join on an OR (which DuckDB runs as a nested loop)
            -- a payer's own payments count in a case of its own; in a household's case, only what
            -- the household received counts (a payer of three households is in three cases)
            SELECT m.network_id, c.txn_id, c.ts, c.amount_usd, c.s_country, c.r_country
            FROM network_members m JOIN corridor_payments c ON m.role = 'payer' AND c.s_ent = m.entity_id
            WHERE m.network_id NOT IN (SELECT network_id FROM network_members WHERE role IN ({sql_list(HOUSEHOLD_ROLES)}))
            UNION
            SELECT m.network_id, c.txn_id, c.ts, c.amount_usd, c.s_country, c.r_country
            FROM network_members m JOIN corridor_payments c ON m.role = 'facilitator' AND c.r_ent = m.entity_id
            UNION
            SELECT m.network_id, b.txn_id, b.ts, b.amount_usd, b.s_country, b.r_country
            FROM network_members m JOIN __score__burst_txns b ON m.role = 'victim' AND b.s_ent = m.entity_id
            UNION
            SELECT m.network_id, p.txn_id, p.ts, p.amount_usd, p.s_country, p.r_country
            FROM network_members m JOIN crypto_payments c ON m.role = 'buyer' AND c.s_ent = m.entity_id
            JOIN payments p USING (txn_id)
        ), sessions_seen AS (
            SELECT network_id, max(started_at) AS last_session FROM (
                SELECT m.network_id, s.started_at
                FROM network_members m JOIN account_entities ae USING (entity_id)
                JOIN sessions s ON s.host_account_id = ae.account_id
                UNION ALL
                SELECT m.network_id, s.started_at
                FROM network_members m JOIN account_entities ae USING (entity_id)
                JOIN sessions s ON s.viewer_account_id = ae.account_id)
            GROUP BY network_id
        ), household AS (
            SELECT network_id, coalesce(max(n), 0) AS household_victims FROM (
                SELECT m.network_id, count(DISTINCT m.entity_id) AS n
                FROM network_members m JOIN party_entities pe USING (entity_id)
                JOIN parties p USING (party_id)
                WHERE m.role = 'victim' AND nullif(trim(p.address), '') IS NOT NULL
                GROUP BY m.network_id, lower(trim(p.address)), lower(trim(coalesce(p.city, '')))
            ) GROUP BY network_id
        ), money AS (
            SELECT network_id, min(ts) AS first_seen, max(ts) AS last_seen, sum(amount_usd::DECIMAL(38, 6))::DOUBLE AS total_usd,  -- exact: re-runs agree to the cent
                   count(*) AS n_payments,
                   list(DISTINCT s_country ORDER BY s_country) AS from_c,
                   list(DISTINCT r_country ORDER BY r_country) AS to_c
            FROM txns GROUP BY network_id
        ), top AS (
            SELECT network_id, 1 - product(1 - score) AS score FROM (
                SELECT network_id, score,
                       row_number() OVER (PARTITION BY network_id ORDER BY score DESC) AS r
                FROM network_members) WHERE r <= 3 GROUP BY network_id
        ), roles AS (
            SELECT network_id, count(*) FILTER (WHERE role = 'payer') AS n_payers,
                   count(*) FILTER (WHERE role = 'facilitator') AS n_facilitators,
                   count(*) FILTER (WHERE role = 'victim') AS n_victims,
                   count(*) FILTER (WHERE role = 'buyer') AS n_buyers,
                   count(*) FILTER (WHERE role = 'seller') AS n_sellers,
                   count(*) FILTER (WHERE role = 'host') AS n_hosts,
                   count(*) FILTER (WHERE role = 'viewer') AS n_viewers, count(*) AS n_members
            FROM network_members GROUP BY network_id
        ), codes AS (
            SELECT m.network_id, list(DISTINCT h.code ORDER BY h.code) AS codes,
                   bool_or(h.components LIKE '%escalation%') AS escalation,
                   -- a victim with evidence beyond the sender's youth and timing (any victim hit
                   -- but a burst marked so)
                   coalesce(bool_or(m.role = 'victim' AND h.role = 'victim'
                                    AND NOT (h.code = 'FIN_SEXTORTION_VICTIM'
                                             AND h.components LIKE '%{YOUTH_ONLY}%')), false) AS victim_urgent,
                   -- the strongest payer pattern a payer of the case shows on its own evidence
                   coalesce(max(h.weight) FILTER (WHERE m.role = 'payer' AND h.code = 'FIN_CONSUMER_REMITTER'), 0)
                       AS own_payer_weight,
                   bool_or(h.code IN ({sql_list(s["p1_evidence_codes"])})) AS child_evidence
            FROM network_members m JOIN hits h ON h.entity_id = m.entity_id
            GROUP BY m.network_id
        )
        SELECT a.network_id, {id_sql} AS case_id, {carried_sql} AS carried,
               t.score, r.n_payers, r.n_facilitators, r.n_victims, r.n_buyers, r.n_sellers, r.n_hosts, r.n_viewers, r.n_members,
               coalesce(c.codes, []) AS codes, coalesce(c.escalation, false) AS escalation,
               coalesce(c.victim_urgent, false) AS victim_urgent,
               coalesce(c.own_payer_weight, 0) AS own_payer_weight, coalesce(c.child_evidence, false) AS child_evidence,
               m.first_seen, m.last_seen, m.total_usd, m.n_payments, m.from_c, m.to_c,
               greatest(m.last_seen, ss.last_session) AS last_activity,
               coalesce(hh.household_victims, 0) AS household_victims,
               -- payers who pay two or more of the household's collectors (a payer rotating
               -- over a household's accounts; link's network facts)
               coalesce(len(nf.shared_payers), 0) AS n_shared_payers
        FROM anchors a JOIN top t USING (network_id) JOIN roles r USING (network_id)
        LEFT JOIN codes c USING (network_id) LEFT JOIN money m USING (network_id)
        LEFT JOIN network_facts nf USING (network_id)
        LEFT JOIN sessions_seen ss USING (network_id) LEFT JOIN household hh USING (network_id)
        {id_join}
        """,
        stage=STAGE,
    )
    engine.execute(
        f"""
        CREATE TABLE case_table AS
        WITH horizon AS (
            SELECT greatest((SELECT max(ts) FROM payments), (SELECT max(started_at) FROM sessions)) AS t
        ), flags AS (
            SELECT n.*,
                   -- a victim paid recently, whose burst says more than youth and timing
                   -- (a minor's two payments abroad outside the alerts' countries: P2)
                   n.n_victims > 0 AND n.victim_urgent AND n.last_activity >= h.t - INTERVAL {vdays} DAY
                       AS victim_recent,
                   n.household_victims >= {int(s["household_victims"])} AS household,
                   n.last_activity >= h.t - INTERVAL {rdays} DAY AS recent,
                   n.n_payers >= {int(s["several_payers"])} AS several,
                   n.own_payer_weight >= {float(s["p1_min_payer_weight"])} AS strong_pattern,
                   -- one payer's strong pattern, where he is the only payer the case has, is one
                   -- man's evidence and nothing more (a diaspora remitter's family looks the same)
                   strong_pattern AND n.n_payers >= {int(s["p1_strong_payer_min_payers"])} AS strong_payer,
                   n.n_shared_payers >= {int(s["p1_spread_payers"])} AS spread,
                   -- the shape of its network, read by the queue within a priority: a household
                   -- (a payer pays several of its collectors) or several victims paying the same
                   -- people, before a lone receiver paid by many (the shape of a seller's or a
                   -- performer's customers) or a lone victim
                   CASE WHEN n.n_shared_payers >= {int(s["queue_household_payers"])} THEN 'household'
                        WHEN n.n_victims >= {int(s["queue_several_victims"])} THEN 'several victims'
                        ELSE 'single' END AS network_shape
            FROM __score__net n, horizon h
        ), prio AS (
            SELECT f.*,
                CASE
                  -- a case an analyst has not closed, below the thresholds on this data: last
                  WHEN carried THEN 'P4'
                  WHEN victim_recent THEN 'P1'
                  WHEN household AND recent THEN 'P1'
                  WHEN n_victims > 0 OR household THEN 'P2'
                  -- recent payments alone are not a child at risk now: the evidence must be strong,
                  -- and it must be a household's (the place where children are), not a lone payer's
                  -- and someone must show it on their own: a payer whose own pattern is strong, or
                  -- evidence of the children themselves (a known-material hash); a family whose
                  -- relatives each look a little like payers is not enough
                  WHEN recent AND (escalation OR several) AND score >= {s["p1_min_score"]}
                       AND n_facilitators > 0
                       AND (strong_payer OR child_evidence OR spread) THEN 'P1'
                  WHEN score >= {s["p2_score"]} THEN 'P2'
                  WHEN score >= {s["p3_score"]} THEN 'P3'
                  ELSE 'P4' END AS priority,
                list_filter([
                  CASE WHEN carried THEN 'kept open from an earlier run: its people are below the alert '
                                         || 'thresholds on this data (close it when reviewed)' END,
                  CASE WHEN victim_recent
                       THEN 'a likely sextortion victim paid in the last {vdays} days'
                       WHEN n_victims > 0 THEN printf('%d likely sextortion victim%s', n_victims,
                                                      CASE WHEN n_victims = 1 THEN '' ELSE 's' END) END,
                  CASE WHEN household THEN printf('%d victims in one household', household_victims) END,
                  CASE WHEN recent AND escalation THEN 'payments or sessions in the last {rdays} days and escalating'
                       WHEN recent AND several THEN 'payments or sessions in the last {rdays} days from several payers'
                       WHEN recent THEN 'payments or sessions in the last {rdays} days'
                       WHEN escalation THEN 'escalating payments' END,
                  CASE WHEN several AND NOT recent THEN printf('%d payers', n_payers) END,
                  CASE WHEN child_evidence THEN 'media matching known material'
                       WHEN strong_payer THEN printf('a payer shows the payer pattern strongly on its own evidence (%.2f)', own_payer_weight)
                       WHEN spread THEN printf('%d payers each pay several of its collectors', n_shared_payers)
                       WHEN strong_pattern
                       THEN printf('its only payer shows the payer pattern strongly on its own evidence (%.2f)',
                                   own_payer_weight)
                       END,
                  printf('evidence score %.2f', score)
                ], lambda x: x IS NOT NULL) AS reasons
            FROM flags f
        )
        SELECT case_id,
               row_number() OVER (ORDER BY {queue_order(status="NULL", score="round(score, 3)")}) AS rank,
               priority, round(score, 3) AS score,
               CASE WHEN carried THEN 'Kept open, no longer flagged: ' ELSE '' END ||
               CASE WHEN n_victims > 0 AND n_payments IS NULL AND list_contains(codes, 'PLAT_SEXTORTION_THREATS')
                         AND NOT list_contains(codes, 'PLAT_BANNED_CONTACT') THEN
                    -- account holders threatened in a chat with sextortion language, no payment
                    -- seen (PLAT_SEXTORTION_THREATS)
                    printf('Likely sextortion: %d account holder%s threatened in a chat to pay, no payment seen',
                           n_victims, CASE WHEN n_victims = 1 THEN '' ELSE 's' END)
                    WHEN n_victims > 0 AND n_payments IS NULL THEN
                    -- young account holders whom accounts banned for child sexual exploitation
                    -- reached on a platform, no payment seen (PLAT_BANNED_CONTACT)
                    printf('Likely victim%s: %d young account holder%s in private contact with accounts banned '
                           || 'for child sexual exploitation, no payment seen',
                           CASE WHEN n_victims = 1 THEN '' ELSE 's' END, n_victims,
                           CASE WHEN n_victims = 1 THEN '' ELSE 's' END)
                    WHEN n_victims > 0 AND n_facilitators = 0 THEN
                    printf('Likely sextortion: %d victim%s, %d payments to new beneficiaries in %s, %s',
                           n_victims, CASE WHEN n_victims = 1 THEN '' ELSE 's' END, n_payments,
                           array_to_string(to_c, ', '), 'US$' || format('{{:,.0f}}', total_usd))
                    WHEN n_victims > 0 THEN
                    printf('Likely sextortion: %d victim%s paying %d receiver%s in %s: %d payments, %s',
                           n_victims, CASE WHEN n_victims = 1 THEN '' ELSE 's' END, n_facilitators,
                           CASE WHEN n_facilitators = 1 THEN '' ELSE 's' END, array_to_string(to_c, ', '),
                           n_payments, 'US$' || format('{{:,.0f}}', total_usd))
                    WHEN n_buyers > 0 THEN
                    printf('Crypto: %d buyer%s paying %d known vendor address%s: %d payments, %s',
                           n_buyers, CASE WHEN n_buyers = 1 THEN '' ELSE 's' END, n_sellers,
                           CASE WHEN n_sellers = 1 THEN '' ELSE 'es' END, n_payments,
                           'US$' || format('{{:,.0f}}', total_usd))
                    WHEN n_facilitators > 0 AND n_payers > 0 THEN
                    printf('%d facilitator%s in %s paid by %d payer%s from %s: %d payments, %s',
                           n_facilitators, CASE WHEN n_facilitators = 1 THEN '' ELSE 's' END,
                           array_to_string(to_c, ', '), n_payers, CASE WHEN n_payers = 1 THEN '' ELSE 's' END,
                           array_to_string(from_c, ', '), n_payments,
                           'US$' || format('{{:,.0f}}', total_usd))
                    WHEN n_facilitators > 0 THEN
                    printf('Collector%s in %s: %d small payments from senders in %s, %s',
                           CASE WHEN n_facilitators = 1 THEN '' ELSE 's' END, array_to_string(to_c, ', '),
                           n_payments, array_to_string(from_c, ', '), 'US$' || format('{{:,.0f}}', total_usd))
                    WHEN n_payers = 0 AND (n_hosts > 0 OR n_viewers > 0) THEN
                    printf('Platform: %d host account%s, %d viewer account%s (%s)',
                           n_hosts, CASE WHEN n_hosts = 1 THEN '' ELSE 's' END,
                           n_viewers, CASE WHEN n_viewers = 1 THEN '' ELSE 's' END,
                           array_to_string(codes, ', '))
                    WHEN n_payments IS NULL THEN
                    printf('%d member%s, no payment in the corridors watched', n_members,
                           CASE WHEN n_members = 1 THEN '' ELSE 's' END)
                    ELSE printf('Payer from %s: %d small payments to %s, %s', array_to_string(from_c, ', '),
                           n_payments, array_to_string(to_c, ', '), 'US$' || format('{{:,.0f}}', total_usd))
               END AS title,
               array_to_string(codes, ';') AS typologies,
               first_seen, last_seen, network_id, reasons[1] AS priority_reason,
               array_to_string(reasons, '; ') AS priority_reasons, n_payers, n_facilitators, n_victims,
               round(total_usd, 2) AS total_amount_usd, last_activity, household_victims,
               n_shared_payers, network_shape
        FROM prio
        """,
        stage=STAGE,
    )
    engine.execute(
        """
        CREATE TABLE case_member_table AS
        SELECT c.case_id, ae.account_id, ae.party_id, m.role, round(m.score, 3) AS score, m.entity_id
        FROM network_members m
        JOIN case_table c ON c.network_id = m.network_id
        JOIN account_entities ae ON ae.entity_id = m.entity_id
        ORDER BY c.rank, m.role, m.score DESC, ae.account_id
        """,
        stage=STAGE,
    )
    engine.execute(
        """
        CREATE TABLE indicator_table AS
        SELECT 'IND-' || upper(substr(md5(h.code || '|' || h.role || '|' || h.entity_id), 1, 10))
                   AS indicator_id,
               h.code, c.case_id, pa.account_id, ae.party_id, round(h.weight, 3) AS weight,
               h.evidence, array_to_string(h.record_ids, ';') AS record_ids,
               h.components, h.role, h.entity_id, c.rank
        FROM hits h
        JOIN network_members m ON m.entity_id = h.entity_id
        JOIN case_table c ON c.network_id = m.network_id
        LEFT JOIN __score__primary pa ON pa.entity_id = h.entity_id
        LEFT JOIN account_entities ae ON ae.account_id = pa.account_id
        ORDER BY c.rank, h.entity_id, h.weight DESC
        """,
        stage=STAGE,
    )
    # the payments each case's indicators cite, read once here (where `payments` is a table in
    # memory) so that a reader of one case does not scan every payment (the workbench's case page)
    engine.execute(
        """
        CREATE TABLE case_payments AS
        SELECT i.case_id, p.txn_id, p.source, p.ts, p.amount, p.currency, p.amount_usd,
               p.s_acc AS sender, p.r_acc AS receiver, p.channel, p.s_country AS sender_country,
               p.r_country AS receiver_country, p.reference
        FROM (SELECT DISTINCT case_id, unnest(string_split(record_ids, ';')) AS txn_id FROM indicator_table) i
        JOIN payments p USING (txn_id)
        ORDER BY i.case_id, p.ts, p.txn_id
        """,
        stage=STAGE,
    )
    engine.execute(
        "DROP TABLE __score__primary; DROP TABLE __score__net; DROP TABLE __score__burst_txns", stage=STAGE
    )
    add_facts(engine, pack)


def _has(expr: str) -> str:
    return f"bool_or(nullif(trim(CAST({expr} AS VARCHAR)), '') IS NOT NULL)"


def add_facts(engine: Engine, pack: Pack) -> None:
    """Add member counts, lineage, network facts and actionability (with its reasons) to
    `case_table`, in one rewrite of the table."""
    w = pack["scoring"]["actionability"]
    weights = {k: float(w[f"weight_{k}"]) for k, _ in ACTIONABLE}
    total = sum(weights.values()) or 1.0
    score_sql = " + ".join(f"{weights[k]} * coalesce({k}, false)::INTEGER" for k, _ in ACTIONABLE)
    have_sql = ", ".join(f"CASE WHEN coalesce({k}, false) THEN '{word}' END" for k, word in ACTIONABLE)
    lack_sql = ", ".join(
        f"CASE WHEN NOT coalesce({k}, false) AND {weights[k]} > 0 THEN '{word}' END" for k, word in ACTIONABLE
    )
    lineage = (
        "(SELECT ci.lineage FROM case_ids ci WHERE ci.case_id = c.case_id)"
        if engine.table_exists("case_ids")
        else "NULL::VARCHAR"
    )
    engine.execute(
        f"""
        CREATE TEMP TABLE __score__ids AS
        WITH members AS (SELECT DISTINCT case_id, entity_id, account_id FROM case_member_table),
        party AS (
            SELECT m.case_id, {_has("p.phone")} AS phone, {_has("p.email")} AS email,
                   {_has("p.id_number")} AS id_number,
                   {_has("coalesce(nullif(trim(p.address), ''), p.city)")} AS address,
                   {_has("p.country")} AS p_country
            FROM (SELECT DISTINCT case_id, entity_id FROM members) m
            JOIN party_entities pe USING (entity_id) JOIN parties p USING (party_id) GROUP BY m.case_id
        ), acc AS (
            SELECT m.case_id, {_has("a.username")} AS username, {_has("a.country")} AS a_country
            FROM members m JOIN accounts a USING (account_id) GROUP BY m.case_id
        ), sess AS (
            SELECT case_id, {_has("ip")} AS ip, {_has("device")} AS device
            FROM (SELECT m.case_id, s.host_ip AS ip, s.host_device_id AS device
                  FROM members m JOIN sessions s ON s.host_account_id = m.account_id
                  UNION ALL
                  SELECT m.case_id, s.viewer_ip, s.viewer_device_id
                  FROM members m JOIN sessions s ON s.viewer_account_id = m.account_id)
            GROUP BY case_id
        ), joined AS (
            SELECT c.case_id, p.phone, p.email, p.id_number, p.address, s.ip, s.device, a.username,
                   coalesce(p.p_country, false) OR coalesce(a.a_country, false) AS country
            FROM case_table c LEFT JOIN party p USING (case_id) LEFT JOIN acc a USING (case_id)
            LEFT JOIN sess s USING (case_id)
        )
        SELECT case_id, round(({score_sql}) / {total}, 3) AS actionability,
               list_filter([{have_sql}], lambda x: x IS NOT NULL) AS have,
               list_filter([{lack_sql}], lambda x: x IS NOT NULL) AS lack
        FROM joined;
        CREATE TEMP TABLE __score__facts AS
        SELECT c.case_id, len(f.bridges) AS n_bridges,
               (SELECT string_agg(DISTINCT cm.account_id, ';' ORDER BY cm.account_id)
                FROM case_member_table cm WHERE cm.case_id = c.case_id
                  AND list_contains(f.bridges, cm.entity_id)) AS bridge_accounts
        FROM case_table c JOIN network_facts f USING (network_id);
        -- the other cases a case's payers also pay (a payer of three households is in three cases)
        CREATE TEMP TABLE __score__related AS
        SELECT a.case_id, string_agg(DISTINCT b.case_id, ';' ORDER BY b.case_id) AS related_cases
        FROM case_member_table a JOIN case_member_table b ON b.entity_id = a.entity_id AND b.case_id <> a.case_id
        WHERE a.role IN ({sql_list(PAYER_ROLES)}) GROUP BY a.case_id;
        CREATE OR REPLACE TABLE case_table AS
        SELECT c.*, k.n_parties, k.n_accounts, i.actionability,
               concat_ws('; ',
                   CASE WHEN len(i.have) > 0 THEN 'has ' || array_to_string(i.have, ', ') END,
                   CASE WHEN len(i.lack) > 0 THEN 'lacks ' || array_to_string(i.lack, ', ') END)
                   AS actionability_reasons,
               coalesce(f.n_bridges, 0) AS n_bridges,
               f.bridge_accounts, {lineage} AS lineage, r.related_cases
        FROM case_table c
        LEFT JOIN (SELECT case_id, count(DISTINCT party_id) AS n_parties, count(DISTINCT account_id) AS n_accounts
                   FROM case_member_table GROUP BY case_id) k USING (case_id)
        LEFT JOIN __score__ids i USING (case_id) LEFT JOIN __score__facts f USING (case_id)
        LEFT JOIN __score__related r USING (case_id)
        ORDER BY c.rank;
        DROP TABLE __score__ids; DROP TABLE __score__facts; DROP TABLE __score__related;
        """,
        stage=STAGE,
    )
