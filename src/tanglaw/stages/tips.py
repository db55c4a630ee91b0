"""Tips: link each tip to the accounts, people and cases it names; score how actionable it is.

A tip that names an account in a case becomes a `TIP_LINKED` indicator of that case (its weight
is the tip's actionability: report quality, kept apart from the case's danger score and
priority). Tips that name the same people are grouped, so a duplicated or viral tip is read once.
"""

from __future__ import annotations

import pyarrow as pa

from ..engine.core import Engine
from ..engine.graph import components_table
from ..pack import Pack

STAGE = "tips"


def _table(engine: Engine, name: str, rows: list[dict[str, object]], columns: tuple[str, ...]) -> None:
    engine.register_arrow(
        name,
        pa.table(
            {
                c: pa.array([None if r.get(c) == "" else r.get(c) for r in rows])
                if rows
                else pa.array([], pa.string())
                for c in columns
            }
        ),
    )


def run(engine: Engine, pack: Pack) -> int:
    from .tip_links import LINK_COLUMNS, link_tips, tip_actionability

    if engine.count("reports") == 0:
        engine.execute(
            """
            CREATE TABLE tip_links (report_id VARCHAR, case_id VARCHAR, account_id VARCHAR, party_id VARCHAR,
                                    entity_id VARCHAR, joined_on VARCHAR, value VARCHAR);
            CREATE TABLE tip_scores (report_id VARCHAR, source VARCHAR, score DOUBLE, missing VARCHAR,
                                     case_ids VARCHAR, group_id VARCHAR, group_size BIGINT);
            """,
            stage=STAGE,
        )
        return 0
    links = link_tips(engine)
    _table(engine, "tip_links", list(links), LINK_COLUMNS)  # type: ignore[arg-type]
    scores = tip_actionability(engine, links)
    _table(engine, "__tips__tip_scores", scores, ("report_id", "source", "score", "missing", "case_ids"))
    # tips naming the same people (or with the same text and identifiers) are one group
    components_table(
        engine,
        "SELECT report_id FROM reports",
        # each tip is joined to the first tip naming the same person, and to the first tip with the
        # same text and identifiers (a duplicate or viral tip): linear, never pairwise
        """SELECT report_id, min(report_id) OVER (PARTITION BY entity_id) FROM tip_links
           UNION
           SELECT report_id, min(report_id) OVER (PARTITION BY description, urls, account_ids, usernames,
                                                   emails, phones, payment_accounts)
           FROM reports WHERE description IS NOT NULL OR urls IS NOT NULL""",
        "__tips__tip_groups",
        stage=STAGE,
    )
    engine.execute(
        """
        CREATE TABLE tip_scores AS
        SELECT s.*, g.component AS group_id, count(*) OVER (PARTITION BY g.component) AS group_size
        FROM __tips__tip_scores s JOIN __tips__tip_groups g ON g.node = s.report_id;
        DROP TABLE __tips__tip_scores; DROP TABLE __tips__tip_groups;
        INSERT INTO indicator_table
        SELECT 'IND-' || upper(substr(md5('TIP|' || l.report_id || '|' || l.case_id), 1, 10)),
               'TIP_LINKED', l.case_id, min(l.account_id), min(l.party_id), round(any_value(s.score), 3),
               printf('Tip %s (%s, received %s) names %s by %s; actionability %.2f%s.', l.report_id,
                      coalesce(any_value(r.incident_type), 'unspecified'), strftime(any_value(r.received_at), '%Y-%m-%d'),
                      string_agg(DISTINCT l.account_id, ', ' ORDER BY l.account_id),
                      string_agg(DISTINCT l.joined_on, ', ' ORDER BY l.joined_on),
                      any_value(s.score),
                      CASE WHEN any_value(s.group_size) > 1
                           THEN printf('; one of %d tips about the same people', any_value(s.group_size)) ELSE '' END),
               l.report_id, 'report quality (not danger) ' || printf('%.2f', any_value(s.score)),
               'other', min(l.entity_id), any_value(c.rank)
        FROM tip_links l JOIN tip_scores s USING (report_id) JOIN reports r USING (report_id)
        JOIN case_table c ON c.case_id = l.case_id
        WHERE l.case_id IS NOT NULL
        GROUP BY l.report_id, l.case_id;
        """,
        stage=STAGE,
    )
    return int(engine.scalar("SELECT count(DISTINCT report_id) FROM tip_links WHERE case_id IS NOT NULL"))
