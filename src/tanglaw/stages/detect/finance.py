"""Finance typologies: consumer remitter, facilitator collector, shared beneficiary, payer beneficiary.

Each reads the feature tables of `tanglaw.stages.detect.features` (and, for the graph typologies, the
hits of the earlier ones) and looks across all of a person's accounts and sources at once.
"""

from __future__ import annotations

from typing import Any

from ...engine.sqltext import literal_list
from ...pack import Pack
from .base import Detector, noisy_or
from .base import date_text as _d
from .base import usd_text as _usd
from .features import LOOKALIKE_RECEIVERS, any_word_regex
from .features import mcc_in_sql as _mcc_in


def _countries(col: str) -> str:
    return f"array_to_string({col}, ', ')"


def consumer_remitter(p: dict[str, Any], pack: Pack) -> str:
    months = "greatest(span_days / 30.4, 1.0)"
    weight, words = noisy_or(
        [
            ("true", p["weight_base"], f"{p['min_payments']}+ corridor payments"),
            ("n_unrelated = 2", p["weight_two_beneficiaries"], "2 unrelated beneficiaries"),
            ("n_unrelated >= 3", p["weight_three_beneficiaries"], "3+ unrelated beneficiaries"),
            (f"night_share >= {p['night_share']}", p["weight_night"], "night-time"),
            (f"median_usd <= {p['small_median_usd']}", p["weight_small"], "small amounts"),
            (f"n_payments / {months} >= {p['payments_per_month']}", p["weight_frequent"], "frequent"),
            (
                f"n_payments >= 6 AND greatest(amount_growth, pace_growth) >= {p['escalation_ratio']}",
                p["weight_escalation"],
                "escalation",
            ),
            (f"keyword_share >= {p['keyword_share']}", p["weight_keywords"], "listed references"),
            (f"round_share >= {p['round_share']}", p["weight_round"], "round amounts"),
        ]
    )
    family = f"family_share >= {p['family_share']}"
    steady = (
        f"span_days >= {p['steady_min_span_days']} AND coalesce(gap_cv, 9) <= {p['steady_max_gap_cv']} "
        "AND median_gap_days BETWEEN 20 AND 40"
    )
    large = f"median_usd > {p['large_median_usd']}"
    romance = f"pretext_share >= {p['romance_share']}"
    daytime = f"night_share < {p['daytime_night_share']}"
    # payments about once a month or rarer over months: the rhythm of support, not of sessions
    rare = (
        f"span_days >= {float(p['rare_min_span_days'])} "
        f"AND n_payments / {months} < {float(p['rare_payments_per_month'])}"
    )
    tiny = f"median_usd < {p['below_band_usd']}"
    flat = (
        f"((span_days >= {p['long_history_days']} "
        f"AND greatest(pace_growth, amount_growth) < {p['long_history_max_growth']}) "
        f"OR span_days >= {p['years_days']})"
    )
    a = pack["lookalikes"]["adult_work"]
    adult = (
        f"(paid_session_share >= {float(a['paid_session_share'])} "
        f"AND n_private_sessions >= {int(a['min_private_sessions'])})"
    )
    met = "coalesce(m.met_there, false)"
    # how he met them: in person there first, or amid a dense run of his payments
    visit = f"printf('after he had been in %s in person (from %s)', {_countries('own.to_countries')}, {_d('m.first_visit')})"
    dense = (
        f"'amid {int(p['dense_start_payments'])} or more of his payments abroad within "
        f"{float(p['dense_start_hours']):.0f} hours'"
    )
    return f"""
        WITH own AS (
        SELECT entity_id, 'payer' AS role, to_countries,
               {weight} * (CASE WHEN {family} THEN {p["family_factor"]} ELSE 1 END)
                        * (CASE WHEN {steady} THEN {p["steady_factor"]} ELSE 1 END)
                        * (CASE WHEN {large} THEN {p["large_factor"]} ELSE 1 END)
                        * (CASE WHEN {romance} THEN {p["romance_factor"]} ELSE 1 END)
                        * (CASE WHEN {daytime} THEN {p["daytime_factor"]} ELSE 1 END)
                        * (CASE WHEN {rare} THEN {p["rare_factor"]} ELSE 1 END)
                        * (CASE WHEN {tiny} THEN {p["below_band_factor"]} ELSE 1 END)
                        * (CASE WHEN {flat} THEN {p["long_history_factor"]} ELSE 1 END)
                        * (CASE WHEN {adult} THEN {float(a["factor"])} ELSE 1 END) AS weight,
               printf('Sent %d small payments (%s) from %s to %d beneficiar%s in %s between %s and %s; '
                      || '%d%% at night in the sender''s time zone; median US$%.0f; %.1f a month',
                      n_payments, {_usd("total_usd")}, {_countries("from_countries")}, n_beneficiaries,
                      CASE WHEN n_beneficiaries = 1 THEN 'y' ELSE 'ies' END, {_countries("to_countries")},
                      {_d("first_ts")}, {_d("last_ts")}, round(night_share * 100)::INTEGER, median_usd,
                      n_payments / {months})
               || CASE WHEN n_payments >= 6 AND greatest(amount_growth, pace_growth) >= {p["escalation_ratio"]}
                       THEN printf('; amounts x%.1f and pace x%.1f from the first to the last part of the period',
                                   amount_growth, pace_growth) ELSE '' END
               || CASE WHEN keyword_share > 0
                       THEN printf('; %d%% with references like "%s"', round(keyword_share * 100)::INTEGER,
                                   example_reference) ELSE '' END
               || CASE WHEN {romance} THEN printf('; %d%% with a romance scam''s pretexts like "%s"',
                                   round(pretext_share * 100)::INTEGER, example_pretext) ELSE '' END
               || CASE WHEN {family} THEN printf('; %d%% to beneficiaries sharing the payer''s surname',
                                   round(family_share * 100)::INTEGER) ELSE '' END
               || CASE WHEN {steady} THEN printf('; steady support: a payment every %.0f days for %.0f days',
                                   median_gap_days, span_days) ELSE '' END
               || CASE WHEN n_in_country > 0 THEN printf('; %d paid while the sender was in the receiving country '
                                   || '(timed there)', n_in_country) ELSE '' END
               || CASE WHEN {flat} THEN printf('; payments over %.0f days', span_days) ELSE '' END
               || CASE WHEN {adult} THEN printf('; pays for webcam shows on the platform (%d%% of its %d private '
                                   || 'sessions paid there)', round(paid_session_share * 100)::INTEGER,
                                   n_private_sessions) ELSE '' END AS evidence,
               txn_ids AS record_ids,
               {words}
               || CASE WHEN {family} THEN '; family tie x{p["family_factor"]}' ELSE '' END
               || CASE WHEN {steady} THEN '; steady support x{p["steady_factor"]}' ELSE '' END
               || CASE WHEN {large} THEN '; large amounts x{p["large_factor"]}' ELSE '' END
               || CASE WHEN {romance} THEN '; a romance scam''s pretexts x{p["romance_factor"]}' ELSE '' END
               || CASE WHEN {daytime} THEN '; not concentrated at night x{p["daytime_factor"]}' ELSE '' END
               || CASE WHEN {rare} THEN '; once a month or rarer x{p["rare_factor"]}' ELSE '' END
               || CASE WHEN {tiny} THEN '; below the usual amounts x{p["below_band_factor"]}' ELSE '' END
               || CASE WHEN {flat} THEN '; long steady history x{p["long_history_factor"]}' ELSE '' END
               || CASE WHEN {adult} THEN '; adult webcam customer x{float(a["factor"])}' ELSE '' END AS components
        FROM payer_features WHERE n_payments >= {int(p["min_payments"])}
        ), pairs AS (
            -- each unrelated beneficiary he pays (shops and other look-alikes aside, as in his
            -- features) and when he first paid it
            SELECT s_ent, r_ent, any_value(r_country) AS r_country, min(ts) AS first_paid
            FROM corridor_payments WHERE NOT family AND r_ent NOT IN {LOOKALIKE_RECEIVERS} GROUP BY s_ent, r_ent
        ), dense AS (
            -- the beneficiaries he began paying amid a dense run of his payments abroad (several
            -- within hours of the first to it, to anyone): a visitor paying the people he is with
            SELECT pr.s_ent, pr.r_ent FROM pairs pr
            JOIN corridor_payments c ON c.s_ent = pr.s_ent AND c.ts >= pr.first_paid
                 AND epoch(c.ts - pr.first_paid) <= {float(p["dense_start_hours"])} * 3600
            WHERE {int(p["dense_start_payments"])} > 0
            GROUP BY pr.s_ent, pr.r_ent HAVING count(*) >= {int(p["dense_start_payments"])}
        ), paired AS (
            -- each pair, and whether he met that beneficiary: first paid after he had been in its
            -- country in person, or began paying it densely
            SELECT pr.*, v.first_visit, v.first_visit <= pr.first_paid AS visited,
                   coalesce(v.first_visit <= pr.first_paid, false) OR d.r_ent IS NOT NULL AS met_pair
            FROM pairs pr
            LEFT JOIN dense d ON d.s_ent = pr.s_ent AND d.r_ent = pr.r_ent
            LEFT JOIN first_visits v ON v.entity_id = pr.s_ent AND v.country = pr.r_country
        ), others AS (
            -- the other payers (a payer on his own evidence) of his beneficiaries: any who did not
            -- meet them there back him (a household that others pay); those who met them there too
            -- back nothing (two visitors paying the guide they both met) and are only named
            SELECT pr.s_ent, bool_or(NOT o.met_pair) AS backed,
                   count(DISTINCT o.s_ent) FILTER (WHERE o.met_pair) AS n_fellow
            FROM pairs pr
            JOIN paired o ON o.r_ent = pr.r_ent AND o.s_ent <> pr.s_ent
            JOIN own ON own.entity_id = o.s_ent AND own.weight >= {float(p["met_backing_weight"])}
            GROUP BY pr.s_ent
        ), met AS (
            -- how many of them he met there; he met them there when most, and no other payer pays
            -- any of them
            SELECT pd.s_ent, count(*) FILTER (WHERE pd.met_pair) AS n_met,
                   count(*) FILTER (WHERE pd.visited) AS n_visited, count(*) AS n_payees,
                   min(pd.first_visit) FILTER (WHERE pd.visited) AS first_visit,
                   n_met >= {float(p["met_share"])} * n_payees AND NOT coalesce(any_value(ot.backed), false)
                       AS met_there,
                   coalesce(any_value(ot.n_fellow), 0) AS n_fellow
            FROM paired pd LEFT JOIN others ot ON ot.s_ent = pd.s_ent GROUP BY pd.s_ent
        )
        SELECT own.entity_id, own.role,
               own.weight * (CASE WHEN {met} THEN {float(p["met_factor"])} ELSE 1 END) AS weight,
               own.evidence
               || CASE WHEN {met}
                       THEN printf('; %d of %d beneficiar%s first paid %s, and no other payer pays them%s',
                                   m.n_met, m.n_payees, CASE WHEN m.n_payees = 1 THEN 'y' ELSE 'ies' END,
                                   CASE WHEN m.n_visited = m.n_met THEN {visit}
                                        WHEN m.n_visited = 0 THEN {dense} || ', as a visitor pays people he is with'
                                        ELSE {visit} || ' or ' || {dense} END,
                                   CASE WHEN m.n_fellow > 0
                                        THEN printf(' but %d other%s who met them there too', m.n_fellow,
                                                    CASE WHEN m.n_fellow = 1 THEN '' ELSE 's' END)
                                        ELSE '' END)
                       ELSE '' END || '.' AS evidence,
               own.record_ids,
               own.components || CASE WHEN {met} THEN '; met them there, no other payer pays them x{float(p["met_factor"])}'
                                      ELSE '' END AS components
        FROM own LEFT JOIN met m ON m.s_ent = own.entity_id
    """


def facilitator_collector(p: dict[str, Any], pack: Pack) -> str:
    weight, words = noisy_or(
        [
            ("true", p["weight_base"], f"{p['min_senders']}+ unrelated foreign senders"),
            (f"n_unrelated >= {p['many_senders']}", p["weight_many"], f"{p['many_senders']}+ senders"),
            ("n_sender_countries >= 2", p["weight_countries"], "several sending countries"),
            (f"cash_out_share >= {p['cash_out_share']}", p["weight_cash_out"], "quick cash-out"),
            (f"night_share >= {p['night_share']}", p["weight_night"], "sent at night"),
            (f"median_usd <= {p['small_median_usd']}", p["weight_small"], "small amounts"),
            (
                f"n_payments / greatest(epoch(last_ts - first_ts) / 86400 / 30.4, 1.0) >= {p['payments_per_month']}",
                p["weight_frequent"],
                "frequent",
            ),
        ]
    )
    family = f"family_share >= {p['family_share']}"
    large = f"median_usd > {p['large_median_usd']}"
    seller = float(pack["lookalikes"]["seller"]["factor"])
    return f"""
        SELECT entity_id, 'facilitator' AS role,
               {weight} * (CASE WHEN {family} THEN {p["family_factor"]} ELSE 1 END)
                        * (CASE WHEN {large} THEN {p["large_factor"]} ELSE 1 END)
                        * (CASE WHEN coalesce(lookalike, false) THEN {seller} ELSE 1 END) AS weight,
               printf('Received %d small payments (%s) from %d unrelated senders in %s between %s and %s; '
                      || 'median US$%.0f; %d%% sent at night in the senders'' time zones; '
                      || '%d%% followed by a payment out within %d hours',
                      n_payments, {_usd("total_usd")}, n_unrelated, {_countries("from_countries")},
                      {_d("first_ts")}, {_d("last_ts")}, median_usd, round(night_share * 100)::INTEGER,
                      round(cash_out_share * 100)::INTEGER, {int(p["cash_out_hours"])})
               || '.' AS evidence,
               txn_ids AS record_ids,
               {words} || CASE WHEN {family} THEN '; family tie x{p["family_factor"]}' ELSE '' END
               || CASE WHEN {large} THEN '; large amounts x{p["large_factor"]}' ELSE '' END
               || CASE WHEN coalesce(lookalike, false) THEN '; ' || kind || ' x{seller}' ELSE '' END AS components
        FROM receiver_features
        LEFT JOIN (SELECT entity_id, lookalike, lookalike_kind AS kind FROM receiver_profiles) USING (entity_id)
        WHERE n_unrelated >= {int(p["min_senders"])} AND n_payments >= {int(p["min_payments"])}
    """


def _strong_pairs(min_weight: float, pack: Pack, *, frequent: bool = False) -> str:
    """Corridor payments from payers whose remitter weight reaches `min_weight`, per payer and
    receiver: unrelated payers only, and no purchases from a shop. With `frequent`, also a payer
    who shows the pattern in part (`FIN_SHARED_BENEFICIARY.frequent_payer_weight` or more) and
    pays this receiver often (`frequent_min_payments` payments or more, and
    `frequent_payments_per_month` a month or more over their span); `partial` says which."""
    sb = pack.typology("FIN_SHARED_BENEFICIARY")
    part = float(sb["frequent_payer_weight"]) if frequent else 0.0
    lowest = min(part, float(min_weight)) if part > 0 else float(min_weight)
    # a partial payer's pair stays only when it pays often (whole payers always do)
    often = (
        f"""HAVING any_value(h.weight) >= {float(min_weight)}
                OR (count(*) >= {int(sb["frequent_min_payments"])}
                    AND count(*) / greatest(epoch(max(c.ts) - min(c.ts)) / 86400 / 30.4, 1.0)
                        >= {float(sb["frequent_payments_per_month"])})"""
        if part > 0
        else ""
    )
    return f"""
        SELECT c.s_ent, c.r_ent, count(*) AS n, list(c.txn_id ORDER BY c.ts, c.txn_id) AS ids,
               any_value(h.weight) AS payer_weight, any_value(h.weight) < {float(min_weight)} AS partial,
               count(*) FILTER (WHERE c.night) AS n_night, median(c.amount_usd) AS median_usd
        FROM corridor_payments c
        JOIN hits h ON h.entity_id = c.s_ent AND h.code = 'FIN_CONSUMER_REMITTER' AND h.weight >= {lowest}
        WHERE NOT c.family
          AND c.r_ent NOT IN {LOOKALIKE_RECEIVERS}
        GROUP BY c.s_ent, c.r_ent
        {often}
    """


def _frequent_quorum(pairs: str, pack: Pack) -> str:
    """SQL over a relation `pairs` (`_strong_pairs` rows with a `unit`): its rows, less the payers
    who show the pattern only in part in a unit that fewer than
    `FIN_SHARED_BENEFICIARY.frequent_min_payers` payers pay (counting all of them): two such
    payers confirm nothing that two payers on their whole evidence would not."""
    quorum = int(pack.typology("FIN_SHARED_BENEFICIARY")["frequent_min_payers"])
    return f"""
        SELECT * FROM {pairs} WHERE NOT partial
            OR unit IN (SELECT unit FROM {pairs} GROUP BY unit HAVING count(DISTINCT s_ent) >= {quorum})
    """


#: SQL: the units two-sided evidence is counted over, per receiver: the receiver alone, and, when
#: it is one of several collectors of a household (`receiver_households`), the household as a
#: whole (`unit` 'H:' and the household's id), each with its collectors, the ties that joined them
#: in words and its unrelated senders. Each hit keeps the unit whose evidence weighs most, so
#: joining a household never costs a collector or its payers what they had alone (the other
#: collectors' weaker senders dilute the household's share of payers: counted over the household
#: only, E seed 2 lost 7 of its 23 payers with few payments found).
RECEIVER_UNITS = """
    SELECT rh.entity_id AS r_ent, rh.entity_id AS unit, 1 AS n_collectors, '' AS ties_words, rp.n_unrelated
    FROM receiver_households rh JOIN receiver_profiles rp USING (entity_id)
    UNION ALL
    SELECT entity_id, 'H:' || household_id, n_collectors, ties_words, n_unrelated FROM receiver_households
    WHERE n_collectors > 1
"""
#: SQL over a relation `units` (`RECEIVER_UNITS`): one row per unit
UNIT_FACTS = "(SELECT DISTINCT unit, n_collectors, ties_words, n_unrelated FROM units)"


def _specificity(full: Any, n: str = "n_payers") -> str:
    """SQL: the share of a receiver's unrelated senders (`n_unrelated`) that `n` counts (its
    payers with the payer pattern, its likely victims), as a factor that is 1 at the share `full`
    and shrinks in proportion below it; 1 when `full` is 0 (off)."""
    if float(full) <= 0:
        return "1.0"
    return f"least(1.0, {n} / greatest(n_unrelated, 1) / {float(full)})"


def shared_beneficiary(p: dict[str, Any], pack: Pack) -> str:
    """Payer → receiver: the payers of a receiver, or of its household (its collectors together),
    who are payers on their own evidence make the receiver, or each collector of the household, a
    facilitator, in proportion to how many of the unrelated senders they are."""
    base = f"CASE WHEN n_payers >= 3 THEN {p['weight_three']} ELSE {p['weight_two']} END"
    return f"""
        WITH units AS ({RECEIVER_UNITS}
        ), all_pairs AS (
            SELECT sp.*, u.unit FROM ({_strong_pairs(p["min_payer_weight"], pack, frequent=True)}) sp JOIN units u ON u.r_ent = sp.r_ent
        ), pairs AS ({_frequent_quorum("all_pairs", pack)}
        ), recv AS (
            SELECT unit, count(DISTINCT s_ent) AS n_payers, count(DISTINCT s_ent) FILTER (WHERE partial) AS n_partial,
                   sum(n) AS n_pay, sum(n_night) AS n_night, list_sort(flatten(list(ids))) AS ids
            FROM pairs GROUP BY unit HAVING count(DISTINCT s_ent) >= {int(p["min_payers"])}
        ), x AS (
            SELECT r.*, f.n_unrelated, f.n_collectors, f.ties_words,
                   {base} * {_specificity(p["full_specificity"])} AS w
            FROM recv r JOIN {UNIT_FACTS} f USING (unit)
        ), scored AS (
            -- each collector of the unit: the receiver, or every collector of the household (one
            -- its payers do not pay collects for the household all the same)
            SELECT u.r_ent, x.* FROM x JOIN units u USING (unit)
        )
        SELECT r_ent AS entity_id, 'facilitator' AS role, w AS weight,
               CASE WHEN n_collectors > 1 THEN
                   printf('Its household (%d collectors joined by %s) is paid by %d unrelated senders, ',
                          n_collectors, ties_words, n_unrelated)
               ELSE printf('Paid by %d unrelated senders, ', n_unrelated) END
               || printf('%d of whom show the payer pattern on their own evidence', n_payers)
               || CASE WHEN n_partial > 0
                       THEN printf(', %d of them in part but paying it '
                                   || '{float(p["frequent_payments_per_month"]):g} times a month or more', n_partial)
                       ELSE '' END
               || printf(' (%d payments from them, %d at night in their time zones).', n_pay, n_night) AS evidence,
               ids AS record_ids,
               printf('%d payers with the payer pattern%s %.2f; %d%% of its %sunrelated senders x%.2f', n_payers,
                      CASE WHEN n_partial > 0 THEN printf(' (%d in part, paying often)', n_partial) ELSE '' END, {base},
                      round(100.0 * n_payers / greatest(n_unrelated, 1))::INTEGER,
                      CASE WHEN n_collectors > 1 THEN 'household''s ' ELSE '' END, {_specificity(p["full_specificity"])}) AS components
        -- one hit per collector: alone or as its household, whichever weighs more (ties: alone)
        FROM scored QUALIFY row_number() OVER (PARTITION BY r_ent ORDER BY round(w, 9) DESC, unit) = 1
    """


def payer_beneficiary(p: dict[str, Any], pack: Pack) -> str:
    family = float(pack.typology("FIN_FACILITATOR_COLLECTOR")["family_share"])
    r = pack.typology("FIN_CONSUMER_REMITTER")
    lone = float(pack["scoring"]["lone_payer_threshold"])
    return f"""
        WITH pairs AS ({_strong_pairs(p["min_payer_weight"], pack)}),
        best AS (
            -- the payments to this receiver must themselves show the pattern: mostly at night,
            -- in the band of session payments (not a relative's monthly support or load top-ups)
            SELECT r_ent, max(payer_weight) AS w, sum(n) AS n_pay, count(*) AS n_payers,
                   arg_max(s_ent, payer_weight) AS top_payer, list_sort(flatten(list(ids))) AS ids
            FROM pairs WHERE n >= {int(p["min_payments"])} AND n_night >= {float(r["night_share"])} * n
              AND median_usd BETWEEN {float(r["below_band_usd"])} AND {float(r["small_median_usd"])}
            GROUP BY r_ent
        ), confirmed AS (
            -- one payer makes a household only when it is no lone sender: another of its
            -- beneficiaries is paid by other payers too (a traveller's friends, a migrant's
            -- relatives and a partner are paid by nobody else who looks like a payer)
            SELECT b.r_ent, count(DISTINCT c.s_ent) AS n_co, count(DISTINCT m.r_ent) AS n_co_ben
            FROM best b
            JOIN corridor_payments m ON m.s_ent = b.top_payer AND NOT m.family AND m.r_ent <> b.r_ent
                 AND m.r_ent NOT IN {LOOKALIKE_RECEIVERS}
            JOIN corridor_payments c ON c.r_ent = m.r_ent AND c.s_ent <> b.top_payer AND NOT c.family
            JOIN hits h ON h.entity_id = c.s_ent AND h.code = 'FIN_CONSUMER_REMITTER'
                 AND h.weight >= {float(p["confirm_min_weight"])}
            WHERE b.n_payers = 1
            GROUP BY b.r_ent
        )
        SELECT r_ent AS entity_id, 'facilitator' AS role, {p["payer_weight_share"]} * w AS weight,
               printf('Received %d payments from %d payer%s with a strong payer pattern (weight up to %.2f)%s.',
                      n_pay, n_payers, CASE WHEN n_payers = 1 THEN '' ELSE 's' END, w,
                      CASE WHEN n_payers = 1 AND coalesce(n_co, 0) > 0
                           THEN printf(', who also pays %d beneficiar%s that %d other payer%s pay%s', n_co_ben,
                                       CASE WHEN n_co_ben = 1 THEN 'y' ELSE 'ies' END, n_co,
                                       CASE WHEN n_co = 1 THEN '' ELSE 's' END,
                                       CASE WHEN n_co = 1 THEN 's' ELSE '' END)
                           ELSE '' END) AS evidence,
               ids AS record_ids,
               printf('paid by a strong payer %.2f', {p["payer_weight_share"]} * w) AS components
        FROM best LEFT JOIN confirmed USING (r_ent)
        -- a relative supported by the family (most of its money from people sharing its surname)
        WHERE r_ent NOT IN (SELECT entity_id FROM receiver_features WHERE family_share >= {family})
          -- one payer alone: confirmed by other payers, or strong enough to be a case alone
          AND (n_payers >= 2 OR coalesce(n_co, 0) > 0 OR w >= {lone})
    """


def _large_support(pack: Pack) -> tuple[str, float]:
    """SQL over `median_usd`: payments far above the band of session payments, a relative's
    support rather than a show (`FIN_CONSUMER_REMITTER.large_median_usd`), and the factor that
    weighs them (`large_factor`), for the weights a household carries to its payers."""
    r = pack.typology("FIN_CONSUMER_REMITTER")
    return f"median_usd > {float(r['large_median_usd'])}", float(r["large_factor"])


def household_payer(p: dict[str, Any], pack: Pack) -> str:
    """Receiver → payer: a payer gains weight from the household it pays (a receiver, or its
    collectors together, whichever weighs more), in proportion to the household's evidence from
    OTHER payers and to how specific the household is to payers."""
    sb = pack.typology("FIN_SHARED_BENEFICIARY")
    strong = float(sb["min_payer_weight"])
    large, large_factor = _large_support(pack)
    return f"""
        WITH units AS ({RECEIVER_UNITS}
        ), pay AS (
            SELECT c.s_ent, u.unit, c.txn_id, c.ts, c.night, c.amount_usd
            FROM corridor_payments c JOIN units u ON u.r_ent = c.r_ent
            WHERE NOT c.family AND c.r_ent NOT IN {LOOKALIKE_RECEIVERS}
        ), all_pairs AS (
            SELECT u.unit, sp.s_ent, sp.partial, sp.payer_weight FROM ({_strong_pairs(strong, pack, frequent=True)}) sp
            JOIN units u ON u.r_ent = sp.r_ent
        ), strong_payers AS (
            SELECT unit, s_ent, max(payer_weight) AS own_w FROM ({_frequent_quorum("all_pairs", pack)})
            GROUP BY unit, s_ent
        ), households AS (
            SELECT unit, count(*) AS n_payers FROM strong_payers GROUP BY unit
        ), pairs AS (
            SELECT s_ent, unit, count(*) AS n, count(*) FILTER (WHERE night) AS n_night,
                   min(ts) AS first_ts, max(ts) AS last_ts, list(txn_id ORDER BY ts, txn_id) AS ids,
                   median(amount_usd) AS median_usd
            FROM pay GROUP BY s_ent, unit HAVING count(*) >= {int(p["min_payments"])}
        ), carried AS (
            -- the household's strength from the payers other than this one (damped), and how
            -- specific it is: the share of its unrelated senders who are payers on their own
            SELECT pr.s_ent, pr.unit, pr.n, pr.n_night, pr.first_ts, pr.last_ts, pr.ids, pr.median_usd,
                   count(sp.s_ent) AS n_others, count(sp.s_ent) FILTER (WHERE sp.own_w < {strong}) AS n_partial,
                   hs.n_unrelated, hs.n_collectors, hs.ties_words, h.n_payers,
                   1 - product(1 - {float(p["per_payer_share"])} * sp.own_w) AS strength
            FROM pairs pr
            JOIN households h ON h.unit = pr.unit
            JOIN {UNIT_FACTS} hs ON hs.unit = pr.unit
            JOIN strong_payers sp ON sp.unit = pr.unit AND sp.s_ent <> pr.s_ent
            GROUP BY ALL HAVING count(sp.s_ent) >= {int(p["min_other_payers"])}
        ), scored AS (
            -- payments far above the band of session payments are a relative's support, not a show
            SELECT *, {float(p["carry_share"])} * strength * {_specificity(sb["full_specificity"])}
                      * CASE WHEN {large} THEN {large_factor} ELSE 1 END AS w FROM carried
        )
        -- one hit per payer, on the household that carries most (ties, to 9 decimals: the first
        -- unit, a receiver alone before a household; a product over payers in no fixed order
        -- differs in its last bits)
        SELECT s_ent AS entity_id, 'payer' AS role, w AS weight,
               CASE WHEN n_collectors > 1
                    THEN printf('Pays a household (%d collectors joined by %s) ', n_collectors, ties_words)
                    ELSE 'Pays a household ' END
               || printf('that %d other payers pay on their own evidence', n_others)
               || CASE WHEN n_partial > 0 THEN printf(', %d of them in part but paying it often', n_partial) ELSE '' END
               || printf(' (%d%% of its %d '
                      || 'unrelated senders): %d payment%s to it between %s and %s, %d at night.',
                      round(100.0 * n_payers / greatest(n_unrelated, 1))::INTEGER, n_unrelated,
                      n, CASE WHEN n = 1 THEN '' ELSE 's' END, {_d("first_ts")}, {_d("last_ts")}, n_night) AS evidence,
               ids AS record_ids,
               printf('household paid by %d other payers %.2f x specificity %.2f x carry {float(p["carry_share"])}',
                      n_others, strength, {_specificity(sb["full_specificity"])}) AS components
        FROM scored QUALIFY row_number() OVER (PARTITION BY s_ent ORDER BY round(w, 9) DESC, unit) = 1
    """


def payers_of_households(p: dict[str, Any], pack: Pack) -> str:
    """Payer → receiver, the second step: a receiver is a facilitator when several of its
    unrelated senders are payers, counting both those with the payer pattern on their own and
    those found through ANOTHER household they pay (`FIN_HOUSEHOLD_PAYER` earned elsewhere). One
    step only: a payer found through this receiver carries nothing back to it
    (`FIN_HOUSEHOLD_PAYER` reads own evidence only); its other senders gain a damped share of it
    once (`FIN_FOUND_HOUSEHOLD_PAYER`, the third step), and nothing carries further."""
    sb = pack.typology("FIN_SHARED_BENEFICIARY")
    family = float(pack.typology("FIN_FACILITATOR_COLLECTOR")["family_share"])
    base = f"CASE WHEN n_payers >= 3 THEN {p['weight_three']} ELSE {p['weight_two']} END"
    return f"""
        WITH own AS (
            SELECT DISTINCT s_ent, r_ent FROM ({_strong_pairs(sb["min_payer_weight"], pack)})
        ), found AS (
            -- each payer found through a household, and that household (the one its hit cites)
            SELECT DISTINCT h.entity_id AS s_ent, rh.household_id AS via, h.weight
            FROM hits h, unnest(h.record_ids) AS t(txn_id)
            JOIN corridor_payments c ON c.txn_id = t.txn_id
            JOIN receiver_households rh ON rh.entity_id = c.r_ent
            WHERE h.code = 'FIN_HOUSEHOLD_PAYER' AND h.weight >= {float(p["household_min_payer_weight"])}
        ), pay AS (
            SELECT c.s_ent, c.r_ent, any_value(rh.household_id) AS hh, count(*) AS n,
                   list(c.txn_id ORDER BY c.ts, c.txn_id) AS ids
            FROM corridor_payments c JOIN receiver_households rh ON rh.entity_id = c.r_ent
            WHERE NOT c.family AND c.r_ent NOT IN {LOOKALIKE_RECEIVERS}
            GROUP BY c.s_ent, c.r_ent
        ), counted AS (
            -- another household: not one of this receiver's own household's collectors
            SELECT y.r_ent, y.s_ent, y.n, y.ids, o.s_ent IS NOT NULL AS is_own, min(f.via) AS via
            FROM pay y
            LEFT JOIN own o ON o.s_ent = y.s_ent AND o.r_ent = y.r_ent
            LEFT JOIN found f ON f.s_ent = y.s_ent AND f.via <> y.hh
            WHERE o.s_ent IS NOT NULL OR f.s_ent IS NOT NULL
            GROUP BY ALL
        ), recv AS (
            SELECT r_ent, count(*) AS n_payers, count(*) FILTER (WHERE is_own) AS n_own,
                   count(*) FILTER (WHERE NOT is_own) AS n_found, sum(n) AS n_pay,
                   min(via) FILTER (WHERE NOT is_own) AS example_via,
                   list_sort(flatten(list(ids))) AS ids
            FROM counted GROUP BY r_ent
            -- where the payers on their own are enough, FIN_SHARED_BENEFICIARY says it already
            HAVING count(*) >= {int(p["min_payers"])} AND count(*) FILTER (WHERE is_own) < {int(sb["min_payers"])}
        ), x AS (
            SELECT r.*, rp.n_unrelated FROM recv r JOIN receiver_profiles rp ON rp.entity_id = r.r_ent
            -- a relative supported by the family (most of its money from people sharing its surname)
            WHERE r.r_ent NOT IN (SELECT entity_id FROM receiver_features WHERE family_share >= {family})
        )
        SELECT r_ent AS entity_id, 'facilitator' AS role, {base} * {_specificity(sb["full_specificity"])} AS weight,
               printf('Paid by %d unrelated senders, %d of whom pay other households that payers on their '
                      || 'own evidence pay (e.g. %s)%s: %d payments from them.',
                      n_unrelated, n_found, example_via,
                      CASE WHEN n_own > 0 THEN printf(', and %d of whom show the payer pattern on their own', n_own)
                           ELSE '' END, n_pay) AS evidence,
               ids AS record_ids,
               printf('%d payers of other households and %d on their own %.2f; %d%% of its unrelated senders x%.2f',
                      n_found, n_own, {base}, round(100.0 * n_payers / greatest(n_unrelated, 1))::INTEGER,
                      {_specificity(sb["full_specificity"])}) AS components
        FROM x
    """


#: the words of a victim's components when nothing but the sender's youth and timing says so
#: (`FIN_SEXTORTION_VICTIM.minor_off_corridor_factor`): read by the score (no P1 on it alone)
YOUTH_ONLY = "youth and timing only"


def found_household_payer(p: dict[str, Any], pack: Pack) -> str:
    """Receiver → payer, the third step: the other senders of a household found through the payers
    of other households (`FIN_PAYERS_OF_HOUSEHOLDS`) gain a share of its weight, as a household's
    payers do from `FIN_HOUSEHOLD_PAYER`. Damped (`carry_share` of a weight already damped) and
    once: it reads only live hits of the second step, and nothing reads its own."""
    large, large_factor = _large_support(pack)
    return f"""
        WITH found AS (
            SELECT entity_id AS r_ent, weight AS hw, record_ids FROM hits WHERE code = 'FIN_PAYERS_OF_HOUSEHOLDS'
        ), counted AS (
            -- the payers whose payments made it a household: already payers, nothing to carry
            SELECT DISTINCT c.s_ent, c.r_ent
            FROM found f, unnest(f.record_ids) AS t(txn_id) JOIN corridor_payments c ON c.txn_id = t.txn_id
        ), pairs AS (
            SELECT c.s_ent, c.r_ent, any_value(f.hw) AS hw, count(*) AS n,
                   count(*) FILTER (WHERE c.night) AS n_night, min(c.ts) AS first_ts, max(c.ts) AS last_ts,
                   list(c.txn_id ORDER BY c.ts, c.txn_id) AS ids, median(c.amount_usd) AS median_usd
            FROM corridor_payments c JOIN found f ON f.r_ent = c.r_ent
            WHERE NOT c.family
              AND NOT EXISTS (SELECT 1 FROM counted k WHERE k.s_ent = c.s_ent AND k.r_ent = c.r_ent)
            GROUP BY c.s_ent, c.r_ent HAVING count(*) >= {int(p["min_payments"])}
        ), scored AS (
            -- payments far above the band of session payments are a relative's support, not a show
            SELECT *, {float(p["carry_share"])} * hw
                      * CASE WHEN {large} THEN {large_factor} ELSE 1 END AS w FROM pairs
        )
        SELECT s_ent AS entity_id, 'payer' AS role, w AS weight,
               printf('Pays a beneficiary found as a household through the payers of other households '
                      || '(weight %.2f): %d payment%s to it between %s and %s, %d at night.',
                      hw, n, CASE WHEN n = 1 THEN '' ELSE 's' END, {_d("first_ts")}, {_d("last_ts")}, n_night)
                   AS evidence,
               ids AS record_ids,
               printf('household found through payers of other households %.2f x carry {float(p["carry_share"])}', hw)
                   || CASE WHEN {large} THEN '; large amounts x{large_factor}' ELSE '' END AS components
        FROM scored QUALIFY row_number() OVER (PARTITION BY s_ent ORDER BY round(w, 9) DESC, r_ent) = 1
    """


def sextortion_victim(p: dict[str, Any], pack: Pack) -> str:
    countries = literal_list(pack["lists"]["sextortion_receiving"])
    minor = f"sender_age < {int(p['minor_age'])}"
    corridor = f"len(list_intersect(burst_countries, [{countries}])) > 0"
    rising = f"coalesce(burst_growth, 1) >= {float(p['escalation_ratio'])}"
    weight, words = noisy_or(
        [
            ("NOT domestic", p["weight_base"], "burst to a new foreign beneficiary"),
            ("domestic", p["weight_base"], "burst to a new beneficiary at home"),
            (
                "collector_senders > 0 AND NOT collector_episode",
                p["weight_collector"],
                "a beneficiary others paid in rising bursts too",
            ),
            (
                "collector_senders > 0 AND collector_episode",
                p["weight_collector"],
                "a beneficiary others each paid in one episode too",
            ),
            (
                f"burst_payments >= {int(p['three_payments'])}",
                p["weight_three"],
                f"{int(p['three_payments'])}+ payments",
            ),
            (f"burst_span_hours <= {float(p['fast_hours'])}", p["weight_fast"], "within hours"),
            (f"sender_age <= {int(p['young_age'])}", p["weight_young"], "young sender"),
            (minor, p["weight_minor"], "minor sender"),
            (f"account_age_days <= {float(p['new_account_days'])}", p["weight_new_account"], "new account"),
            (corridor, p["weight_country"], "sextortion corridor"),
            (rising, p["weight_escalation"], "rising amounts"),
        ]
    )
    # two payments of the same size to one new beneficiary by an adult: no escalation, no second
    # payee, no third demand (FATF 2025: several rapid payments, rising, then an abrupt stop)
    adult = f"NOT coalesce({minor}, false)"
    # (a payment to a collector that others paid in rising bursts is no bare pair: the others show
    # the pattern)
    bare = (
        f"burst_payments < {int(p['three_payments'])} AND burst_receivers < 2 AND NOT {rising} AND {adult}"
        " AND collector_senders = 0"
    )
    # an adult's burst to countries no sextortion alert names: purchases or friends abroad
    off = f"NOT ({corridor}) AND {adult}"
    # an adult who had been in a burst's country in person before it: paying people met there
    # (sextortion is done remotely, online); a sender paying many new payees in bursts over
    # time: a trader or a business settling with its counterparties (a victim pays and stops)
    visited = f"visited AND {adult}"
    many = f"sender_burst_payees >= {int(p['many_payees'])}"
    # every payment of the burst under the price of a game item or a top-up, to no beneficiary
    # others paid so: a purchase, not a demand
    petty = f"burst_max_usd < {float(p['petty_usd'])} AND collector_senders = 0"
    # a minor's two payments abroad to countries no alert names, to a beneficiary nobody else paid
    # so: nothing but the sender's youth and timing (a game item, a friend abroad). At home it
    # keeps its weight: extortionists collect through money mules in the victim's own country
    purchase = (
        f"coalesce({minor}, false) AND NOT domestic AND NOT ({corridor}) AND collector_senders = 0 "
        f"AND burst_payments < {int(p['three_payments'])}"
    )
    # at least half the burst's payments name an everyday shared cost ("pizza", "tickets", "my
    # half", `lists.shared_cost_words`): friends settling up; a payment under threat names no such
    # thing
    shared = f"burst_shared_cost_payments >= {float(p['shared_cost_share'])} * burst_payments"
    # a victim may pay several extortionists: one hit per victim, on its strongest burst
    return f"""
        WITH b AS (
            SELECT *, {weight} * (CASE WHEN family THEN {p["family_factor"]} ELSE 1 END)
                               * (CASE WHEN {bare} THEN {p["bare_pair_factor"]} ELSE 1 END)
                               * (CASE WHEN {off} THEN {p["off_corridor_factor"]} ELSE 1 END)
                               * (CASE WHEN {visited} THEN {p["visited_factor"]} ELSE 1 END)
                               * (CASE WHEN {many} THEN {p["many_payees_factor"]} ELSE 1 END)
                               * (CASE WHEN {petty} THEN {p["petty_factor"]} ELSE 1 END)
                               * (CASE WHEN {purchase} THEN {p["minor_off_corridor_factor"]} ELSE 1 END)
                               * (CASE WHEN {shared} THEN {p["shared_cost_factor"]} ELSE 1 END) AS w,
                   {words} || CASE WHEN family THEN '; family tie x{p["family_factor"]}' ELSE '' END
                   || CASE WHEN {bare} THEN '; two like payments to one payee x{p["bare_pair_factor"]}' ELSE '' END
                   || CASE WHEN {off} THEN '; an adult paying outside the alerts'' countries x{p["off_corridor_factor"]}'
                           ELSE '' END
                   || CASE WHEN {visited} THEN '; had been in the country in person before x{p["visited_factor"]}'
                           ELSE '' END
                   || CASE WHEN {many} THEN printf('; paid %d new payees in bursts x{p["many_payees_factor"]}',
                                                   sender_burst_payees) ELSE '' END
                   || CASE WHEN {petty} THEN printf('; every payment under US$%.0f x{p["petty_factor"]}',
                                                    {float(p["petty_usd"])}) ELSE '' END
                   || CASE WHEN {purchase} THEN '; {YOUTH_ONLY}: a minor''s two payments abroad outside the '
                                                || 'alerts'' countries, to no one others paid so x{p["minor_off_corridor_factor"]}'
                           ELSE '' END
                   || CASE WHEN {shared} THEN printf('; %d of its %d payments name an everyday shared cost '
                                                     || 'x{p["shared_cost_factor"]}',
                                                     burst_shared_cost_payments, burst_payments)
                           ELSE '' END AS why
            FROM payment_bursts
        ), victims AS (
            SELECT s_ent AS entity_id, 'victim' AS role, w AS weight,
                   CASE WHEN burst_payments = 1  -- one payment, to a collector
                        THEN printf('Sent 1 payment (%s) to %s in %s on %s', {_usd("burst_total_usd")},
                                    CASE WHEN via_merchant THEN 'a new gift-card seller' ELSE 'a new beneficiary' END,
                                    array_to_string(burst_countries, ', '), {_d("burst_first_ts")})
                        ELSE printf('Sent %d payments (%s, none above US$%.0f) to %s in %s within %.0f hours'
                                  || ' between %s and %s', burst_payments, {_usd("burst_total_usd")}, burst_max_usd,
                                  CASE WHEN burst_receivers > 1 THEN printf('%d new beneficiaries', burst_receivers)
                                       WHEN via_merchant THEN 'a new gift-card seller' ELSE 'a new beneficiary' END,
                                  array_to_string(burst_countries, ', '), burst_span_hours,
                                  {_d("burst_first_ts")}, {_d("burst_last_ts")}) END
                           || CASE WHEN collector_senders > 0
                                   THEN printf('; %d other%s %s and stopped', collector_senders,
                                               CASE WHEN collector_senders = 1 THEN '' ELSE 's' END,
                                               CASE WHEN collector_episode
                                                    THEN 'each paid the same beneficiary from abroad in one episode'
                                                    ELSE 'paid the same beneficiary in bursts' END)
                                   ELSE '' END
                           || CASE WHEN sender_age IS NOT NULL THEN printf('; the sender was %d', sender_age) ELSE '' END
                           || CASE WHEN {rising} THEN printf('; amounts rose x%.1f', burst_growth) ELSE '' END
                           || '.' AS evidence,
                   burst_txn_ids AS record_ids, why AS components
            -- the strongest burst (ties: the earliest, then the first receiver id)
            FROM b QUALIFY row_number() OVER (PARTITION BY s_ent ORDER BY round(w, 9) DESC, burst_first_ts, r_ent) = 1
        ), paid AS (
            -- per beneficiary, its likely victims, and how many unrelated senders abroad pay it
            -- (`receiver_profiles`, a beneficiary in the corridors' countries; elsewhere, none counted)
            SELECT r_ent, count(*) AS n_victims, count(DISTINCT s_ent) AS n_senders_victims,
                   1 - product(1 - {p["receiver_weight_share"]} * w) AS w_victims,
                   sum(total_usd) AS usd, list_sort(flatten(list(txn_ids))) AS ids,
                   coalesce(any_value(rp.n_unrelated), 0) AS n_unrelated
            FROM b LEFT JOIN receiver_profiles rp ON rp.entity_id = b.r_ent
            WHERE w >= {pack["scoring"]["victim_threshold"]} AND NOT via_merchant GROUP BY r_ent
        ), receivers AS (
            -- in proportion to how many of its unrelated senders they are: one likely victim among
            -- a shop's twenty buyers is weak evidence that it collects for an extortionist
            SELECT r_ent AS entity_id, 'facilitator' AS role, w_victims * spec AS weight,
                   printf('Received a burst of small payments from %d likely sextortion victim%s (%s)%s.',
                          n_victims, CASE WHEN n_victims = 1 THEN '' ELSE 's' END, {_usd("usd")},
                          CASE WHEN spec < 1 THEN printf(', %d of its %d unrelated senders abroad', n_senders_victims,
                                                         n_unrelated) ELSE '' END) AS evidence,
                   ids AS record_ids,
                   printf('paid by likely victims %.2f', w_victims)
                   || CASE WHEN spec < 1 THEN printf('; %d%% of its unrelated senders x%.2f',
                                                      round(100.0 * n_senders_victims / n_unrelated)::INTEGER, spec)
                           ELSE '' END AS components
            FROM (SELECT *, {_specificity(p["receiver_full_specificity"], "n_senders_victims")} AS spec FROM paid)
        )
        SELECT * FROM victims UNION ALL SELECT * FROM receivers
    """


def travel_side_purchases(p: dict[str, Any], pack: Pack) -> str:
    risky = literal_list(pack["lists"]["high_risk_receiving"])
    words = any_word_regex(p["side_purchase_words"])
    # a kind of purchase a pack weighs 0 is not looked for: no hit, no words
    on = {k: "true" if float(p[f"weight_{k}"]) > 0 else "false" for k in ("travel", "atm", "side")}
    travel = f"{on['travel']} AND {_mcc_in(p['travel_mcc_ranges'])} AND r_country IN ({risky})"
    atm = f"{on['atm']} AND {_mcc_in(p['atm_mcc_ranges'])} AND r_country IN ({risky})"
    side = f"{on['side']} AND regexp_matches(lower(coalesce(merchant_name, '')), '{words}')"
    return f"""
        WITH payers AS (
            SELECT entity_id FROM hits WHERE code = 'FIN_CONSUMER_REMITTER' AND weight >= {p["min_payer_weight"]}
        ), buys AS (
            SELECT ae.entity_id, p.txn_id, p.ts, p.amount_usd, p.r_country,
                   {travel} AS is_travel, {atm} AS is_atm, {side} AS is_side
            FROM payments p JOIN account_entities ae ON ae.account_id = p.s_acc
            JOIN payers USING (entity_id)
            WHERE p.is_purchase OR p.merchant_category IS NOT NULL
        ), per AS (
            SELECT entity_id,
                   count(*) FILTER (WHERE is_travel) AS n_travel, count(*) FILTER (WHERE is_atm) AS n_atm,
                   count(*) FILTER (WHERE is_side) AS n_side,
                   sum(amount_usd) FILTER (WHERE is_travel OR is_atm OR is_side) AS usd,
                   list(DISTINCT r_country ORDER BY r_country) FILTER (WHERE is_travel OR is_atm) AS where_,
                   min(ts) FILTER (WHERE is_travel OR is_atm OR is_side) AS first_ts,
                   max(ts) FILTER (WHERE is_travel OR is_atm OR is_side) AS last_ts,
                   list(txn_id ORDER BY ts, txn_id) FILTER (WHERE is_travel OR is_atm OR is_side) AS ids
            FROM buys GROUP BY entity_id
        )
        SELECT entity_id, 'payer' AS role,
               1 - (1 - CASE WHEN n_travel > 0 THEN {p["weight_travel"]} ELSE 0 END)
                 * (1 - CASE WHEN n_atm > 0 THEN {p["weight_atm"]} ELSE 0 END)
                 * (1 - CASE WHEN n_side > 0 THEN {p["weight_side"]} ELSE 0 END) AS weight,
               concat_ws('; ',
                   CASE WHEN n_travel > 0 THEN printf('%d flight or lodging purchase%s in %s', n_travel,
                        CASE WHEN n_travel = 1 THEN '' ELSE 's' END, array_to_string(where_, ', ')) END,
                   CASE WHEN n_atm > 0 THEN printf('%d cash withdrawal%s in %s', n_atm,
                        CASE WHEN n_atm = 1 THEN '' ELSE 's' END, array_to_string(where_, ', ')) END,
                   CASE WHEN n_side > 0 THEN printf('%d purchase%s of VPN, video-chat or live-stream services',
                        n_side, CASE WHEN n_side = 1 THEN '' ELSE 's' END) END)
               || printf(' (%s) between %s and %s, by a payer with the remitter pattern.',
                         {_usd("usd")}, {_d("first_ts")}, {_d("last_ts")}) AS evidence,
               ids AS record_ids,
               concat_ws('; ', CASE WHEN n_travel > 0 THEN 'travel {p["weight_travel"]}' END,
                         CASE WHEN n_atm > 0 THEN 'cash abroad {p["weight_atm"]}' END,
                         CASE WHEN n_side > 0 THEN 'side purchases {p["weight_side"]}' END) AS components
        FROM per WHERE n_travel + n_atm + n_side > 0
    """


def crypto_buyer(p: dict[str, Any], pack: Pack) -> str:
    return f"""
        WITH tiers AS (
            SELECT s_ent, round(amount_usd) AS tier, count(*) AS k FROM crypto_payments GROUP BY 1, 2
        ), b AS (
            SELECT c.s_ent AS entity_id, count(*) AS n, sum(c.amount_usd) AS usd,
                   count(*) FILTER (WHERE c.exposed) AS n_exposed, bool_or(c.direct) AS direct,
                   avg(c.night::INTEGER) AS night_share,
                   avg((t.k >= {int(p["tier_repeats"])})::INTEGER) AS tier_share,
                   min(c.ts) AS first_ts, max(c.ts) AS last_ts,
                   list(c.txn_id ORDER BY c.ts, c.txn_id) AS ids
            FROM crypto_payments c JOIN tiers t ON t.s_ent = c.s_ent AND t.tier = round(c.amount_usd)
            WHERE c.amount_usd <= {float(p["max_amount_usd"])}
            GROUP BY c.s_ent
        ), buyers AS (
            SELECT entity_id, 'buyer' AS role,
                   1 - (1 - {p["weight_exposed"]}) * (1 - CASE WHEN direct THEN {p["weight_direct"]} ELSE 0 END)
                     * (1 - CASE WHEN tier_share >= {p["tier_share"]} THEN {p["weight_tiers"]} ELSE 0 END)
                     * (1 - CASE WHEN night_share >= 0.5 THEN {p["weight_night"]} ELSE 0 END) AS weight,
                   printf('Made %d crypto payments (%s) between %s and %s, %d to addresses exposed to a known '
                          || 'vendor%s; %d%% at repeated price tiers; %d%% at night in the sender''s time zone.',
                          n, {_usd("usd")}, {_d("first_ts")}, {_d("last_ts")}, n_exposed,
                          CASE WHEN direct THEN ' (some paid directly)' ELSE '' END,
                          round(tier_share * 100)::INTEGER, round(night_share * 100)::INTEGER) AS evidence,
                   ids AS record_ids,
                   concat_ws('; ', 'exposed to a vendor {p["weight_exposed"]}',
                             CASE WHEN direct THEN 'pays the vendor directly {p["weight_direct"]}' END,
                             CASE WHEN tier_share >= {p["tier_share"]} THEN 'price tiers {p["weight_tiers"]}' END,
                             CASE WHEN night_share >= 0.5 THEN 'night-time {p["weight_night"]}' END) AS components
            FROM b WHERE n >= {int(p["min_payments"])} AND n_exposed > 0
        ), sellers AS (
            SELECT c.r_ent AS entity_id, 'seller' AS role, {p["weight_seller"]} AS weight,
                   printf('A listed or banned address, paid %d times in crypto by %d buyer%s.', count(*),
                          count(DISTINCT c.s_ent), CASE WHEN count(DISTINCT c.s_ent) = 1 THEN '' ELSE 's' END)
                       AS evidence,
                   list(c.txn_id ORDER BY c.ts, c.txn_id) AS record_ids,
                   'known vendor {p["weight_seller"]}' AS components
            FROM crypto_payments c JOIN buyers b ON b.entity_id = c.s_ent
            WHERE c.direct GROUP BY c.r_ent
        )
        SELECT * FROM buyers UNION ALL SELECT * FROM sellers
    """


FINANCE_DETECTORS: tuple[Detector, ...] = (
    Detector(
        "FIN_CONSUMER_REMITTER",
        ("transactions",),
        consumer_remitter,
    ),
    Detector(
        "FIN_FACILITATOR_COLLECTOR",
        ("transactions",),
        facilitator_collector,
    ),
    Detector(
        "FIN_SHARED_BENEFICIARY",
        ("transactions",),
        shared_beneficiary,
    ),
    Detector(
        "FIN_PAYER_BENEFICIARY",
        ("transactions",),
        payer_beneficiary,
    ),
    Detector(
        "FIN_HOUSEHOLD_PAYER",
        ("transactions",),
        household_payer,
    ),
    Detector(
        "FIN_PAYERS_OF_HOUSEHOLDS",
        ("transactions",),
        payers_of_households,
    ),
    Detector(
        "FIN_FOUND_HOUSEHOLD_PAYER",
        ("transactions",),
        found_household_payer,
    ),
    Detector(
        "FIN_SEXTORTION_VICTIM",
        ("transactions", "parties"),
        sextortion_victim,
    ),
    Detector(
        "FIN_TRAVEL_SIDE_PURCHASES",
        ("transactions",),
        travel_side_purchases,
    ),
    Detector(
        "FIN_CRYPTO_BUYER",
        ("transactions", "accounts"),
        crypto_buyer,
    ),
)
