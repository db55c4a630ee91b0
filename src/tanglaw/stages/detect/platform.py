"""Platform typologies: private cross-border live sessions, banned accounts, new accounts, chat.

The session typologies read `session_pairs` (per host and viewer: private or paid sessions into
a high-risk country, how many came within hours before a payment between the same two people,
and whether the two share a surname) and the live hits of the finance typologies, which run
first. The banned-account typologies read `banned_links`; the chat typologies `message_signals`.
"""

from __future__ import annotations

from typing import Any

from ...engine.sqltext import literal
from ...engine.sqltext import literal_list as sql_list
from ...pack import Pack
from .base import Detector, noisy_or
from .base import date_text as _d
from .features import (
    CARRIED_PLATFORM_HITS,
    build_session_payment_links,
    cse_banned_accounts,
    with_age,
)


def private_sessions(p: dict[str, Any], pack: Pack) -> str:
    weight, words = noisy_or(
        [
            (
                f"n_viewers >= {int(p['min_viewers'])}",
                p["weight_viewers"],
                f"{int(p['min_viewers'])}+ foreign viewers",
            ),
            ("n_flagged >= 1", p["weight_flagged_viewer"], "viewer with the remitter pattern"),
            ("n_flagged >= 2", p["weight_two_flagged"], "several such viewers"),
            ("n_near > 0", p["weight_near_payment"], "paid within hours of a session"),
            (f"night_share >= {p['night_share']}", p["weight_night"], "viewers at night"),
        ]
    )
    return f"""
        WITH flagged AS (
            SELECT entity_id FROM hits WHERE code = 'FIN_CONSUMER_REMITTER' AND weight >= {p["min_payer_weight"]}
        ), h AS (
            SELECT sp.h_ent AS entity_id, count(DISTINCT sp.v_ent) FILTER (WHERE NOT sp.family) AS n_viewers,
                   sum(sp.n_sessions) AS n_sessions,
                   count(DISTINCT sp.v_ent) FILTER (WHERE f.entity_id IS NOT NULL) AS n_flagged,
                   coalesce(sum(sp.n_near_payment) FILTER (WHERE NOT sp.family), 0) AS n_near,
                   sum(sp.night_share * sp.n_sessions) / sum(sp.n_sessions) AS night_share,
                   min(sp.first_ts) AS first_ts, max(sp.last_ts) AS last_ts,
                   list_sort(flatten(list(sp.session_ids))) AS session_ids,
                   list_sort(flatten(list(sp.txn_ids))) AS txn_ids
            FROM session_pairs sp LEFT JOIN flagged f ON f.entity_id = sp.v_ent
            GROUP BY sp.h_ent
        )
        SELECT entity_id, 'host' AS role, {weight} AS weight,
               printf('Held %d private cross-border sessions with %d viewers abroad between %s and %s; '
                      || '%d of the viewers show the remitter pattern; %d sessions were followed within '
                      || '{float(p["near_payment_hours"]):g} hours by a payment from the viewer to the host.',
                      n_sessions, n_viewers, {_d("first_ts")}, {_d("last_ts")}, n_flagged, n_near) AS evidence,
               list_concat(session_ids, txn_ids) AS record_ids, {words} AS components
        FROM h WHERE n_viewers >= {int(p["min_viewers"])} OR n_flagged >= 1 OR n_near > 0
    """


def viewer_pays_host(p: dict[str, Any], pack: Pack) -> str:
    weight, words = noisy_or(
        [
            ("n_near > 0", p["weight_near_payment"], "pays hosts within hours of sessions"),
            (f"n_hosts >= {int(p['min_hosts'])}", p["weight_hosts"], f"{int(p['min_hosts'])}+ hosts"),
            (f"night_share >= {p['night_share']}", p["weight_night"], "at night"),
        ]
    )
    return f"""
        WITH v AS (
            SELECT v_ent AS entity_id, count(DISTINCT h_ent) FILTER (WHERE NOT family) AS n_hosts,
                   sum(n_sessions) AS n_sessions,
                   coalesce(sum(n_near_payment) FILTER (WHERE NOT family), 0) AS n_near,
                   sum(night_share * n_sessions) / sum(n_sessions) AS night_share,
                   min(first_ts) AS first_ts, max(last_ts) AS last_ts,
                   list_sort(flatten(list(session_ids))) AS session_ids,
                   list_sort(flatten(list(txn_ids))) AS txn_ids
            FROM session_pairs GROUP BY v_ent
        )
        SELECT entity_id, 'viewer' AS role, {weight} AS weight,
               printf('Held %d private sessions with %d host%s in high-risk countries between %s and %s; '
                      || '%d were followed within {float(p["near_payment_hours"]):g} hours by a payment to the host; '
                      || '%d%% at night in the viewer''s time zone.',
                      n_sessions, n_hosts, CASE WHEN n_hosts = 1 THEN '' ELSE 's' END, {_d("first_ts")},
                      {_d("last_ts")}, n_near, round(night_share * 100)::INTEGER) AS evidence,
               list_concat(session_ids, txn_ids) AS record_ids, {words} AS components
        FROM v WHERE n_near > 0 OR n_hosts >= {int(p["min_hosts"])}
    """


def banned_contact(p: dict[str, Any], pack: Pack) -> str:
    # a young account holder (by the records' birth date, at the first contact) is the one at
    # risk: the child an extortionist or an abuser reached, a likely victim and never a suspect
    young = f"coalesce(age <= {int(p['victim_max_age'])}, false)"
    weight, words = noisy_or(
        [
            ("true", p["weight_contact"], "contact with a banned account"),
            ("n_banned >= 2", p["weight_two_banned"], "several banned accounts"),
            (f"n_records >= {int(p['several_contacts'])}", p["weight_several"], "repeated contact"),
            (young, p["weight_young"], "a young account holder"),
        ]
    )
    return f"""
        WITH c AS (
            SELECT entity_id, count(DISTINCT banned_account) AS n_banned, sum(n_records) AS n_records,
                   min(first_ts) AS first_ts, list(DISTINCT banned_account ORDER BY banned_account) AS banned,
                   list_sort(list_distinct(flatten(list(record_ids)))) AS record_ids
            FROM banned_links WHERE kind = 'contact' GROUP BY entity_id
        ), aged AS (
            {with_age("c", "first_ts")}
        ), hosting AS (
            SELECT DISTINCT ae.entity_id FROM sessions s
            JOIN account_entities ae ON ae.account_id = s.host_account_id
            WHERE coalesce(s.private, false)
        )
        SELECT c.entity_id,
               CASE WHEN {young} THEN 'victim' WHEN h.entity_id IS NULL THEN 'viewer' ELSE 'host' END AS role,
               {weight} AS weight,
               printf('Had %d private session%s or message%s with %d account%s banned for child sexual '
                      || 'exploitation (%s), the first on %s%s.',
                      n_records, CASE WHEN n_records = 1 THEN '' ELSE 's' END,
                      CASE WHEN n_records = 1 THEN '' ELSE 's' END, n_banned,
                      CASE WHEN n_banned = 1 THEN '' ELSE 's' END,
                      array_to_string(banned[1:3], ', ') || CASE WHEN n_banned > 3 THEN ', …' ELSE '' END,
                      {_d("first_ts")},
                      CASE WHEN {young} THEN printf(', when the account holder was %d: a likely victim', age)
                           ELSE '' END) AS evidence,
               list_concat(banned, record_ids) AS record_ids, {words} AS components
        FROM aged c LEFT JOIN hosting h USING (entity_id)
    """


def banned_reuse(p: dict[str, Any], pack: Pack) -> str:
    weight, words = noisy_or(
        [
            ("n_own > 0", p["weight_banned_account"], "holds a banned account"),
            ("n_device > 0", p["weight_device"], "device of a banned account"),
            ("n_ip > 0", p["weight_ip"], "IP address of a banned account"),
        ]
    )
    return f"""
        WITH own AS (
            SELECT ae.entity_id, a.account_id, a.closed_at AS ts, [a.account_id] AS record_ids
            FROM accounts a JOIN account_entities ae USING (account_id)
            WHERE a.account_id IN {cse_banned_accounts(pack)}
        ), r AS (
            SELECT entity_id, count(DISTINCT account_id) FILTER (WHERE kind = 'own') AS n_own,
                   count(DISTINCT banned_account) FILTER (WHERE kind = 'device') AS n_device,
                   count(DISTINCT banned_account) FILTER (WHERE kind = 'ip') AS n_ip,
                   list(DISTINCT account_id ORDER BY account_id) FILTER (WHERE kind = 'own') AS own_accounts,
                   list(DISTINCT banned_account ORDER BY banned_account) FILTER (WHERE kind <> 'own') AS other_banned,
                   list(DISTINCT account_id ORDER BY account_id) FILTER (WHERE kind <> 'own') AS reusing,
                   min(ts) AS first_ts,
                   list_sort(list_distinct(flatten(list(record_ids)))) AS record_ids
            FROM (SELECT entity_id, 'own' AS kind, account_id, NULL AS banned_account, ts, record_ids FROM own
                  UNION ALL SELECT entity_id, kind, account_id, banned_account, first_ts, record_ids
                  FROM banned_links WHERE kind IN ('device', 'ip'))
            GROUP BY entity_id
        ), viewing AS (
            -- entities seen only as viewers take the viewer role; hosts and the unseen, the host role
            SELECT ae.entity_id FROM sessions s JOIN account_entities ae ON ae.account_id = s.viewer_account_id
            EXCEPT SELECT ae.entity_id FROM sessions s JOIN account_entities ae ON ae.account_id = s.host_account_id
        )
        SELECT r.entity_id, CASE WHEN v.entity_id IS NULL THEN 'host' ELSE 'viewer' END AS role,
               {weight} AS weight,
               concat_ws(' ',
                   CASE WHEN n_own > 0 THEN printf('Holds %d account%s banned for child sexual exploitation (%s).',
                        n_own, CASE WHEN n_own = 1 THEN '' ELSE 's' END, array_to_string(own_accounts, ', ')) END,
                   CASE WHEN n_device + n_ip > 0 THEN printf(
                        'Account %s uses the %s of %d banned account%s (%s); the %s is seen on at most '
                        || '{int(p["max_accounts_per_device"])} accounts, so it is not a shared one.',
                        array_to_string(reusing, ', '),
                        CASE WHEN n_device > 0 AND n_ip > 0 THEN 'device and IP address'
                             WHEN n_device > 0 THEN 'device' ELSE 'IP address' END,
                        greatest(n_device, n_ip), CASE WHEN greatest(n_device, n_ip) = 1 THEN '' ELSE 's' END,
                        array_to_string(other_banned, ', '),
                        CASE WHEN n_device > 0 THEN 'device' ELSE 'address' END) END) AS evidence,
               list_concat(coalesce(own_accounts, []), coalesce(other_banned, []), record_ids) AS record_ids,
               {words} AS components
        FROM r LEFT JOIN viewing v USING (entity_id)
    """


def _risky_private(pack: Pack) -> str:
    """SQL: private (or paid) sessions into a high-risk host country, from another country."""
    risky = sql_list(pack["lists"]["high_risk_receiving"])
    return f"""
        SELECT s.session_id, s.started_at, s.host_account_id, s.viewer_account_id,
               he.entity_id AS h_ent, ve.entity_id AS v_ent, coalesce(s.paid_amount, 0) > 0 AS paid
        FROM sessions s
        JOIN account_entities he ON he.account_id = s.host_account_id
        JOIN account_entities ve ON ve.account_id = s.viewer_account_id
        WHERE coalesce(s.private, false) AND s.host_country IN ({risky})
          AND s.viewer_country IS DISTINCT FROM s.host_country AND he.entity_id <> ve.entity_id
    """


def new_account(p: dict[str, Any], pack: Pack) -> str:
    days = float(p["new_account_days"])
    weight, words = noisy_or(
        [
            ("true", p["weight_new"], f"opened under {days:g} days before"),
            (f"age_days < {float(p['very_new_days'])}", p["weight_very_new"], "opened days before"),
        ]
    )
    return f"""
        WITH firsts AS (
            SELECT account, entity_id, side, min(started_at) AS first_ts, arg_min(session_id, (started_at, session_id)) AS sid
            FROM (SELECT viewer_account_id AS account, v_ent AS entity_id, 'viewer' AS side, started_at, session_id
                  FROM ({_risky_private(pack)})
                  UNION ALL SELECT host_account_id, h_ent, 'host', started_at, session_id FROM ({_risky_private(pack)}))
            GROUP BY account, entity_id, side
        ), aged AS (
            SELECT f.*, a.opened_at, epoch(f.first_ts - a.opened_at) / 86400.0 AS age_days
            FROM firsts f JOIN accounts a ON a.account_id = f.account
            WHERE a.opened_at IS NOT NULL AND f.first_ts >= a.opened_at
        )
        SELECT entity_id, side AS role, {weight} AS weight,
               printf('Account %s was opened on %s and held its first private cross-border session into a '
                      || 'high-risk country %.1f days later (%s).', account, {_d("opened_at")}, age_days, sid)
                   AS evidence,
               [account, sid] AS record_ids, {words} AS components
        FROM aged WHERE age_days <= {days}
        QUALIFY row_number() OVER (PARTITION BY entity_id, side ORDER BY age_days, account) = 1
    """


def host_many_viewers(p: dict[str, Any], pack: Pack) -> str:
    weight, words = noisy_or(
        [
            ("true", p["weight_viewers"], f"{int(p['min_viewers'])}+ unrelated viewers abroad"),
            (
                f"n_viewers >= {int(p['many_viewers'])}",
                p["weight_many"],
                f"{int(p['many_viewers'])}+ viewers",
            ),
        ]
    )
    return f"""
        WITH priv AS (
            SELECT h_ent, count(DISTINCT v_ent) FILTER (WHERE NOT family) AS n_viewers,
                   sum(n_sessions) AS n_sessions, sum(paid_share * n_sessions) / sum(n_sessions) AS paid_share,
                   min(first_ts) AS first_ts, max(last_ts) AS last_ts,
                   list_sort(flatten(list(session_ids)))[1:20] AS session_ids
            FROM session_pairs WHERE n_private > 0 GROUP BY h_ent
        ), hosted AS (
            SELECT ae.entity_id, count(DISTINCT s.session_id) AS n_all,
                   count(DISTINCT s.session_id) FILTER (WHERE NOT coalesce(s.private, false)) AS n_public,
                   min(a.opened_at) AS opened_at
            FROM sessions s JOIN account_entities ae ON ae.account_id = s.host_account_id
            LEFT JOIN accounts a ON a.account_id = s.host_account_id
            WHERE ae.entity_id IN (SELECT h_ent FROM priv) GROUP BY ae.entity_id
        ), x AS (
            SELECT p.*, h.n_public::DOUBLE / greatest(h.n_all, 1) AS public_share,
                   coalesce(epoch(p.first_ts - h.opened_at) / 86400.0, 0) AS age_days
            FROM priv p JOIN hosted h ON h.entity_id = p.h_ent
            WHERE p.n_viewers >= {int(p["min_viewers"])}
        )
        SELECT h_ent AS entity_id, 'host' AS role,
               {weight}
                 * CASE WHEN paid_share >= {p["paid_share"]} THEN {p["paid_factor"]} ELSE 1 END
                 * CASE WHEN public_share >= {p["public_share"]} THEN {p["public_factor"]} ELSE 1 END
                 * CASE WHEN age_days >= {float(p["old_account_days"])} THEN {p["old_factor"]} ELSE 1 END
                 AS weight,
               printf('Held %d private sessions with %d unrelated viewers abroad between %s and %s; %d%% of them '
                      || 'paid on the platform; %d%% of all the host''s sessions were public.',
                      n_sessions, n_viewers, {_d("first_ts")}, {_d("last_ts")},
                      round(paid_share * 100)::INTEGER, round(public_share * 100)::INTEGER) AS evidence,
               session_ids AS record_ids,
               concat_ws('; ', {words},
                   CASE WHEN paid_share >= {p["paid_share"]} THEN 'paid on the platform x{p["paid_factor"]}' END,
                   CASE WHEN public_share >= {p["public_share"]} THEN 'mostly public x{p["public_factor"]}' END,
                   CASE WHEN age_days >= {float(p["old_account_days"])} THEN 'old account x{p["old_factor"]}' END)
                   AS components
        FROM x
    """


def viewer_many_hosts(p: dict[str, Any], pack: Pack) -> str:
    weight, words = noisy_or(
        [
            ("true", p["weight_hosts"], f"{int(p['min_hosts'])}+ unrelated hosts"),
            (f"n_hosts >= {int(p['many_hosts'])}", p["weight_many"], f"{int(p['many_hosts'])}+ hosts"),
        ]
    )
    return f"""
        WITH v AS (
            SELECT v_ent, count(DISTINCT h_ent) FILTER (WHERE NOT family) AS n_hosts,
                   sum(n_sessions) AS n_sessions, sum(paid_share * n_sessions) / sum(n_sessions) AS paid_share,
                   min(first_ts) AS first_ts, max(last_ts) AS last_ts,
                   list_sort(flatten(list(session_ids)))[1:20] AS session_ids
            FROM session_pairs WHERE n_private > 0 GROUP BY v_ent
        )
        SELECT v_ent AS entity_id, 'viewer' AS role,
               {weight} * CASE WHEN paid_share >= {p["paid_share"]} THEN {p["paid_factor"]} ELSE 1 END AS weight,
               printf('Held %d private sessions with %d unrelated hosts in high-risk countries between %s and %s; '
                      || '%d%% of them paid on the platform.',
                      n_sessions, n_hosts, {_d("first_ts")}, {_d("last_ts")}, round(paid_share * 100)::INTEGER)
                   AS evidence,
               session_ids AS record_ids,
               concat_ws('; ', {words},
                   CASE WHEN paid_share >= {p["paid_share"]} THEN 'paid on the platform x{p["paid_factor"]}' END)
                   AS components
        FROM v WHERE n_hosts >= {int(p["min_hosts"])}
    """


def media_match(p: dict[str, Any], pack: Pack) -> str:
    weight, words = noisy_or(
        [
            ("true", p["weight_match"], "hash-bank match"),
            (f"n_items >= {int(p['several_items'])}", p["weight_several"], "several items"),
        ]
    )
    return f"""
        WITH m AS (
            SELECT ae.entity_id, count(DISTINCT x.media_id) AS n_items, min(x.distance) AS best,
                   list(DISTINCT x.bank ORDER BY x.bank) AS banks, list(DISTINCT x.account_id ORDER BY x.account_id) AS accounts,
                   min(x.seen_at) AS first_ts, max(x.seen_at) AS last_ts,
                   list(DISTINCT x.media_id ORDER BY x.media_id)[1:20] AS media_ids
            FROM media_matches x JOIN account_entities ae ON ae.account_id = x.account_id
            GROUP BY ae.entity_id
        )
        SELECT entity_id, '{p["role"]}' AS role, {weight} AS weight,
               printf('Account %s shared %d media item%s matching hash bank %s (closest PDQ distance %d) '
                      || 'between %s and %s.', array_to_string(accounts, ', '), n_items,
                      CASE WHEN n_items = 1 THEN '' ELSE 's' END, array_to_string(banks, ', '), best,
                      {_d("first_ts")}, {_d("last_ts")}) AS evidence,
               media_ids AS record_ids, {words} AS components
        FROM m
    """


def session_payment_link(p: dict[str, Any], pack: Pack) -> str:
    """The payment side of a session-payment link inherits the platform side's live evidence, the
    primary evidence only: a host's or viewer's chat phrasing (`scoring.supporting_codes`) adds
    weight to someone with other evidence and makes no one a facilitator or payer on its own,
    carried or not (families and performers write about money and prices too)."""
    share = float(p["carry_share"])
    supporting = sql_list(pack["scoring"]["supporting_codes"])
    return f"""
        WITH platform AS (
            SELECT entity_id, role, max(weight) AS weight, list(DISTINCT code ORDER BY code) AS codes
            FROM hits WHERE {CARRIED_PLATFORM_HITS} AND code NOT IN ({supporting})
            GROUP BY entity_id, role
        ), carried AS (
            SELECT l.r_ent AS entity_id, 'facilitator' AS role, l.h_ent AS platform_ent, 'host' AS side, l.*,
                   h.weight AS platform_weight, h.codes
            FROM session_payment_links l JOIN platform h ON h.entity_id = l.h_ent AND h.role = 'host'
            WHERE l.r_ent <> l.h_ent
            UNION ALL
            SELECT l.s_ent, 'payer', l.v_ent, 'viewer', l.*, v.weight, v.codes
            FROM session_payment_links l JOIN platform v ON v.entity_id = l.v_ent AND v.role = 'viewer'
            WHERE l.s_ent <> l.v_ent
        )
        SELECT entity_id, role, {share} * platform_weight AS weight,
               printf('Payments from %s to %s followed %d of the %d private sessions between host %s and viewer %s '
                      || 'within {float(p["window_hours"]):g} hours (%d of %d payments), so the %s is likely the same '
                      || 'person; its platform evidence: %s (weight %.2f).',
                      s_ent, r_ent, n_followed, n_sessions, h_ent, v_ent, n_payments_after, n_payments, side,
                      array_to_string(codes, ', '), platform_weight) AS evidence,
               list_concat(session_ids[1:10], txn_ids[1:10]) AS record_ids,
               printf('{share:g} x platform weight %.2f', platform_weight) AS components
        FROM carried
        -- the strongest link, and on a tie the same one every run (every column of the pair decides)
        QUALIFY row_number() OVER (PARTITION BY entity_id, role ORDER BY platform_weight DESC, n_followed DESC,
                                   platform_ent, h_ent, v_ent, s_ent, r_ent) = 1
    """


CATEGORY_WORDS = {
    "payment_arrangement": "payment-arrangement",
    "grooming": "grooming-indicator",
    "sextortion": "sextortion-indicator",
}


def chat(p: dict[str, Any], pack: Pack) -> str:
    """Senders of messages that score for the typology's text category."""
    cat = literal(str(p["category"]))
    label = CATEGORY_WORDS.get(str(p["category"]), str(p["category"]).replace("_", " "))
    risky = sql_list(pack["lists"]["high_risk_receiving"])
    weight, words = noisy_or(
        [
            ("true", p["weight_base"], "indicator language"),
            ("n_abroad > 0", p["weight_cross_border"], "to accounts abroad"),
            (f"n_messages >= {int(p['several_messages'])}", p["weight_several"], "several messages"),
            ("n_session > 0", p["weight_with_session"], "with private-session partners"),
        ]
    )
    return f"""
        WITH m AS (
            SELECT ms.*, se.entity_id AS s_ent, re.entity_id AS r_ent, sa.country AS s_country, ra.country AS r_country,
                   coalesce(len(list_intersect(sn.surnames, rn.surnames)) > 0, false) AS family,
                   sp.e1 IS NOT NULL AS with_session
            FROM message_signals ms
            JOIN account_entities se ON se.account_id = ms.sender_account_id
            LEFT JOIN account_entities re ON re.account_id = ms.recipient_account_id
            LEFT JOIN all_accounts sa ON sa.account_id = ms.sender_account_id
            LEFT JOIN all_accounts ra ON ra.account_id = ms.recipient_account_id
            LEFT JOIN entity_names sn ON sn.entity_id = se.entity_id
            LEFT JOIN entity_names rn ON rn.entity_id = re.entity_id
            -- either way round: one equality join on the unordered pair, not a join on an OR
            LEFT JOIN (SELECT DISTINCT least(h_ent, v_ent) AS e1, greatest(h_ent, v_ent) AS e2
                       FROM session_pairs) sp
              ON sp.e1 = least(se.entity_id, re.entity_id) AND sp.e2 = greatest(se.entity_id, re.entity_id)
            WHERE ms.category = {cat} AND se.entity_id IS DISTINCT FROM re.entity_id
        ), g AS (
            SELECT s_ent AS entity_id, count(DISTINCT message_id) AS n_messages,
                   count(DISTINCT r_ent) AS n_recipients,
                   count(DISTINCT r_ent) FILTER (WHERE s_country IS DISTINCT FROM r_country
                                                 AND r_country IS NOT NULL AND s_country IS NOT NULL) AS n_abroad,
                   count(DISTINCT message_id) FILTER (WHERE with_session) AS n_session,
                   avg(family::INTEGER) AS family_share,
                   min(sent_at) AS first_ts, max(sent_at) AS last_ts,
                   -- ties broken by the message id, so that a re-run quotes the same message
                   arg_max(snippet, (score, message_id)) AS snippet, arg_max(message_id, (score, message_id)) AS example_id,
                   bool_or(s_country IN ({risky})) AS in_risky,
                   list(DISTINCT message_id ORDER BY message_id)[1:20] AS message_ids
            FROM m GROUP BY s_ent
        )
        SELECT entity_id, CASE WHEN '{p["role"]}' <> 'viewer' THEN '{p["role"]}'
                               WHEN in_risky THEN 'host' ELSE 'viewer' END AS role,
               {weight} * CASE WHEN family_share >= 0.5 THEN {p["family_factor"]} ELSE 1 END AS weight,
               printf('Sent %d message%s with {label} language to %d account%s (%d abroad) between %s and %s, '
                      || 'e.g. "%s" (%s).',
                      n_messages, CASE WHEN n_messages = 1 THEN '' ELSE 's' END, n_recipients,
                      CASE WHEN n_recipients = 1 THEN '' ELSE 's' END, n_abroad, {_d("first_ts")}, {_d("last_ts")},
                      snippet, example_id) AS evidence,
               message_ids AS record_ids,
               concat_ws('; ', {words},
                   CASE WHEN family_share >= 0.5 THEN 'family x{p["family_factor"]}' END) AS components
        FROM g WHERE n_messages >= {int(p["min_messages"])}
    """


def sextortion_threats(p: dict[str, Any], pack: Pack) -> str:
    """The account threatened in a chat with sextortion language: a likely victim, never a suspect.

    In a pair of people whose chat holds sextortion language, the threatened one is the one with
    fewer such partners (an extortionist's script reaches many; a victim is reached by one or
    two), or, where both have as many, the one receiving at least `direction_ratio` times the
    threats it sent (both sides' words are in a chat: a victim quotes, pleads, repeats)."""
    cat = literal(str(p["category"]))
    young = f"coalesce(age <= {int(p['victim_max_age'])}, false)"
    weight, words = noisy_or(
        [
            ("true", p["weight_threatened"], "threatened in a chat"),
            (f"n_received >= {int(p['several_messages'])}", p["weight_several"], "several threats"),
            (young, p["weight_young"], "a young account holder"),
        ]
    )
    ratio = float(p["direction_ratio"])
    return f"""
        WITH m AS (
            SELECT ms.message_id, ms.sent_at, ms.snippet, ms.score, ms.sender_account_id,
                   se.entity_id AS s_ent, re.entity_id AS r_ent
            FROM message_signals ms
            JOIN account_entities se ON se.account_id = ms.sender_account_id
            JOIN account_entities re ON re.account_id = ms.recipient_account_id
            WHERE ms.category = {cat} AND se.entity_id <> re.entity_id
        ), sides AS (
            -- each message from both people in it
            SELECT r_ent AS ent, s_ent AS other, message_id, sent_at, snippet, score,
                   sender_account_id AS from_account, true AS received FROM m
            UNION ALL
            SELECT s_ent, r_ent, message_id, sent_at, snippet, score, NULL, false FROM m
        ), partners AS (
            SELECT ent, count(DISTINCT other) AS n_partners FROM sides GROUP BY ent
        ), pairs AS (
            SELECT ent, other, count(*) FILTER (WHERE received) AS n_received,
                   count(*) FILTER (WHERE NOT received) AS n_sent, min(sent_at) AS first_ts,
                   max(sent_at) AS last_ts,
                   arg_max(snippet, (score, message_id)) FILTER (WHERE received) AS snippet,
                   arg_max(message_id, (score, message_id)) FILTER (WHERE received) AS example_id,
                   list(DISTINCT from_account ORDER BY from_account) FILTER (WHERE received) AS from_accounts,
                   list(DISTINCT message_id ORDER BY message_id) AS message_ids
            FROM sides GROUP BY ent, other
        ), threatened AS (
            SELECT pr.* FROM pairs pr
            JOIN partners me ON me.ent = pr.ent JOIN partners them ON them.ent = pr.other
            WHERE pr.n_received > 0
              AND (me.n_partners < them.n_partners
                   OR (me.n_partners = them.n_partners AND pr.n_received >= {ratio} * pr.n_sent))
        ), per AS (
            SELECT ent AS entity_id, sum(n_received) AS n_received,
                   min(first_ts) AS first_ts, max(last_ts) AS last_ts,
                   arg_max(snippet, (n_received, example_id)) AS snippet,
                   arg_max(example_id, (n_received, example_id)) AS example_id,
                   list_sort(list_distinct(flatten(list(from_accounts)))) AS from_accounts,
                   list_sort(list_distinct(flatten(list(message_ids)))) AS message_ids
            FROM threatened GROUP BY ent
        ), aged AS (
            {with_age("per", "first_ts")}
        )
        SELECT entity_id, 'victim' AS role, {weight} AS weight,
               printf('Received %d message%s with sextortion threats from %d account%s (%s) between %s and %s, '
                      || 'e.g. "%s" (%s)%s: a likely victim.',
                      n_received, CASE WHEN n_received = 1 THEN '' ELSE 's' END, len(from_accounts),
                      CASE WHEN len(from_accounts) = 1 THEN '' ELSE 's' END,
                      array_to_string(from_accounts[1:3], ', ') || CASE WHEN len(from_accounts) > 3 THEN ', …' ELSE '' END,
                      {_d("first_ts")}, {_d("last_ts")}, snippet, example_id,
                      CASE WHEN {young} THEN printf(', when the account holder was %d', age) ELSE '' END) AS evidence,
               list_concat(from_accounts, message_ids[1:20]) AS record_ids, {words} AS components
        FROM aged
    """


PLATFORM_DETECTORS: tuple[Detector, ...] = (
    Detector(
        "PLAT_PRIVATE_SESSIONS",
        ("sessions", "transactions"),
        private_sessions,
    ),
    Detector(
        "PLAT_VIEWER_PAYS_HOST",
        ("sessions", "transactions"),
        viewer_pays_host,
    ),
    Detector(
        "PLAT_BANNED_CONTACT",
        ("sessions",),
        banned_contact,
    ),
    Detector(
        "PLAT_BANNED_REUSE",
        ("sessions", "accounts"),
        banned_reuse,
    ),
    Detector(
        "PLAT_NEW_ACCOUNT",
        ("sessions", "accounts"),
        new_account,
    ),
    Detector(
        "PLAT_HOST_MANY_VIEWERS",
        ("sessions",),
        host_many_viewers,
    ),
    Detector(
        "PLAT_VIEWER_MANY_HOSTS",
        ("sessions",),
        viewer_many_hosts,
    ),
    Detector(
        "PLAT_MEDIA_HASH_MATCH",
        ("media",),
        media_match,
    ),
    Detector(
        "PLAT_CHAT_PAYMENT_ARRANGEMENT",
        ("messages",),
        chat,
    ),
    Detector(
        "PLAT_CHAT_GROOMING",
        ("messages",),
        chat,
    ),
    Detector(
        "PLAT_CHAT_SEXTORTION",
        ("messages",),
        chat,
    ),
    Detector(
        "PLAT_SEXTORTION_THREATS",
        ("messages",),
        sextortion_threats,
    ),
    # last: it carries the live platform hits above to the payment side
    Detector(
        "PLAT_SESSION_PAYMENT_LINK",
        ("sessions", "transactions"),
        session_payment_link,
        prepare=build_session_payment_links,
    ),
)
