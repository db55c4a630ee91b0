"""Score: networks become ranked cases with members, indicators, a priority and a title."""

from __future__ import annotations

from ..engine import Engine
from ..pack import Pack

STAGE = "score"


def run(engine: Engine, pack: Pack) -> None:
    s = pack["scoring"]
    engine.execute(
        """
        -- the payments of each burst, read once for both the primary accounts and the case money
        CREATE TEMP TABLE __burst_txns AS
        SELECT c.s_ent, c.r_ent, c.s_acc, c.r_acc, c.txn_id, c.ts, c.amount_usd, c.s_country, c.r_country
        FROM cross_border_payments c
        JOIN (SELECT unnest(txn_ids) AS txn_id FROM payment_bursts) b USING (txn_id);
        CREATE TEMP TABLE __primary AS
        WITH uses AS (
            SELECT s_ent AS ent, s_acc AS acc FROM corridor_payments
            UNION ALL SELECT r_ent, r_acc FROM corridor_payments
            UNION ALL SELECT s_ent, s_acc FROM __burst_txns
            UNION ALL SELECT r_ent, r_acc FROM __burst_txns
        )
        SELECT ent AS entity_id, mode(acc ORDER BY acc) AS account_id FROM uses GROUP BY ent
        """,
        stage=STAGE,
    )
    engine.execute(
        """
        CREATE TEMP TABLE __net AS
        WITH anchors AS (
            SELECT network_id,
                   coalesce(min(entity_id) FILTER (WHERE role = 'facilitator'), min(entity_id)) AS anchor
            FROM network_members GROUP BY network_id
        ), txns AS (
            SELECT m.network_id, c.txn_id, c.ts, c.amount_usd, c.s_country, c.r_country
            FROM network_members m
            JOIN corridor_payments c ON (m.role = 'payer' AND c.s_ent = m.entity_id)
                                     OR (m.role = 'facilitator' AND c.r_ent = m.entity_id)
            UNION
            SELECT m.network_id, b.txn_id, b.ts, b.amount_usd, b.s_country, b.r_country
            FROM network_members m JOIN __burst_txns b ON m.role = 'victim' AND b.s_ent = m.entity_id
            UNION
            SELECT m.network_id, p.txn_id, p.ts, p.amount_usd, p.s_country, p.r_country
            FROM network_members m JOIN crypto_payments c ON m.role = 'buyer' AND c.s_ent = m.entity_id
            JOIN payments p USING (txn_id)
        ), money AS (
            SELECT network_id, min(ts) AS first_seen, max(ts) AS last_seen, sum(amount_usd) AS total_usd,
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
                   count(*) FILTER (WHERE role = 'seller') AS n_sellers
            FROM network_members GROUP BY network_id
        ), codes AS (
            SELECT m.network_id, list(DISTINCT h.code ORDER BY h.code) AS codes,
                   bool_or(h.components LIKE '%escalation%') AS escalation
            FROM network_members m JOIN hits h ON h.entity_id = m.entity_id
            GROUP BY m.network_id
        )
        SELECT a.network_id, 'TGL-' || upper(substr(md5(a.anchor), 1, 10)) AS case_id,
               t.score, r.n_payers, r.n_facilitators, r.n_victims, r.n_buyers, r.n_sellers, c.codes, c.escalation,
               m.first_seen, m.last_seen, m.total_usd, m.n_payments, m.from_c, m.to_c
        FROM anchors a JOIN top t USING (network_id) JOIN roles r USING (network_id)
        JOIN codes c USING (network_id) LEFT JOIN money m USING (network_id)
        """,
        stage=STAGE,
    )
    engine.execute(
        f"""
        CREATE TABLE case_table AS
        WITH horizon AS (SELECT max(ts) AS t FROM payments),
        prio AS (
            SELECT n.*,
                CASE
                  WHEN n.n_victims > 0 AND n.last_seen >= h.t - INTERVAL {int(s["p1_victim_days"])} DAY THEN 'P1'
                  WHEN n.n_victims > 0 THEN 'P2'
                  WHEN n.last_seen >= h.t - INTERVAL {int(s["p1_recent_days"])} DAY
                       AND (n.escalation OR n.n_payers >= 3) THEN 'P1'
                  WHEN n.score >= {s["p2_score"]} THEN 'P2'
                  WHEN n.score >= {s["p3_score"]} THEN 'P3'
                  ELSE 'P4' END AS priority,
                CASE
                  WHEN n.n_victims > 0 AND n.last_seen >= h.t - INTERVAL {int(s["p1_victim_days"])} DAY
                    THEN 'a likely sextortion victim paid in the last {int(s["p1_victim_days"])} days'
                  WHEN n.n_victims > 0 THEN 'a likely sextortion victim'
                  WHEN n.last_seen >= h.t - INTERVAL {int(s["p1_recent_days"])} DAY AND n.escalation
                    THEN 'payments in the last {int(s["p1_recent_days"])} days and escalating'
                  WHEN n.last_seen >= h.t - INTERVAL {int(s["p1_recent_days"])} DAY AND n.n_payers >= 3
                    THEN 'payments in the last {int(s["p1_recent_days"])} days from several payers'
                  ELSE printf('score %.2f', n.score) END AS priority_reason
            FROM __net n, horizon h
        )
        SELECT case_id,
               row_number() OVER (ORDER BY priority, n_victims > 0 DESC, score DESC, total_usd DESC NULLS LAST,
                                           case_id) AS rank,
               priority, round(score, 3) AS score,
               CASE WHEN n_victims > 0 AND n_facilitators = 0 THEN
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
                    ELSE printf('Payer from %s: %d small payments to %s, %s', array_to_string(from_c, ', '),
                           n_payments, array_to_string(to_c, ', '), 'US$' || format('{{:,.0f}}', total_usd))
               END AS title,
               array_to_string(codes, ';') AS typologies,
               first_seen, last_seen, network_id, priority_reason, n_payers, n_facilitators, n_victims,
               round(total_usd, 2) AS total_amount_usd
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
        LEFT JOIN __primary pa ON pa.entity_id = h.entity_id
        LEFT JOIN account_entities ae ON ae.account_id = pa.account_id
        ORDER BY c.rank, h.entity_id, h.weight DESC
        """,
        stage=STAGE,
    )
    engine.execute("DROP TABLE __primary; DROP TABLE __net; DROP TABLE __burst_txns", stage=STAGE)
    # n_parties / n_accounts per case
    engine.execute(
        """
        CREATE TEMP TABLE __counts AS
        SELECT case_id, count(DISTINCT party_id) AS n_parties, count(DISTINCT account_id) AS n_accounts
        FROM case_member_table GROUP BY case_id;
        ALTER TABLE case_table ADD COLUMN n_parties BIGINT;
        ALTER TABLE case_table ADD COLUMN n_accounts BIGINT;
        UPDATE case_table SET n_parties = k.n_parties, n_accounts = k.n_accounts
        FROM __counts k WHERE k.case_id = case_table.case_id;
        DROP TABLE __counts;
        """,
        stage=STAGE,
    )
