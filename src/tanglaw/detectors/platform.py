"""Platform typologies: private cross-border live sessions, joined to the payment trail.

Both read `session_pairs` (per host and viewer: private or paid sessions into a high-risk
country, and how many came within hours before a payment between the same two people) and the
live hits of the finance typologies, which run first.
"""

from __future__ import annotations

from typing import Any

from ..pack import Pack
from .base import Detector, noisy_or
from .base import date_text as _d


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
            SELECT sp.h_ent AS entity_id, count(DISTINCT sp.v_ent) AS n_viewers, sum(sp.n_sessions) AS n_sessions,
                   count(DISTINCT sp.v_ent) FILTER (WHERE f.entity_id IS NOT NULL) AS n_flagged,
                   sum(sp.n_near_payment) AS n_near,
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
            SELECT v_ent AS entity_id, count(DISTINCT h_ent) AS n_hosts, sum(n_sessions) AS n_sessions,
                   sum(n_near_payment) AS n_near,
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


PLATFORM_DETECTORS: tuple[Detector, ...] = (
    Detector(
        "PLAT_PRIVATE_SESSIONS",
        "A host in a high-risk country holds private cross-border sessions with flagged payers, or is paid after them.",
        "host",
        ("sessions", "transactions"),
        private_sessions,
    ),
    Detector(
        "PLAT_VIEWER_PAYS_HOST",
        "A viewer abroad holds private sessions with hosts in high-risk countries and pays them within hours.",
        "viewer",
        ("sessions", "transactions"),
        viewer_pays_host,
    ),
)
