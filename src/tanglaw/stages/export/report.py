"""The HTML summary a person reads: top cases, why they rank where they do, and the numbers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from ... import __version__
from ...contract import HOUSEHOLD_ROLES, PAYER_ROLES
from ...engine.core import Engine
from ...engine.sqltext import literal_list
from ...reporting.people import ENTITY_ID, name_people

if TYPE_CHECKING:
    from ...pipeline import RunResult

#: how many cases the report details (all cases are listed in cases.csv)
DETAILED_CASES = 25


def _dicts(engine: Engine, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    t = engine.arrow(sql, params, stage="export")
    return t.to_pylist()


def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("tanglaw", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        undefined=jinja2.StrictUndefined,
    )


def _network_svg(members: list[dict[str, Any]], links: list[dict[str, Any]]) -> str:
    """The case's network as the case package draws it (one layout for every picture)."""
    from ...reporting.network import layout_people, svg

    people = [(m["entity_id"], m["names"].split(" / ")[0], m["role"]) for m in members]
    lay = layout_people(people, {(lk["a"], lk["b"]): int(lk["n"]) for lk in links})
    # the outer ring needs room as the payers grow: about 16 px a person around it
    width = max(640, min(1400, 16 * len(people)))
    return svg(lay, width=width, height=round(width * 0.62))


def _legend() -> list[tuple[str, str]]:
    from ...reporting.network import legend

    return legend(True)


def write_report(engine: Engine, folder: Path, *, result_summary: RunResult | None = None) -> Path:
    life = (
        "SELECT c.*, l.status, l.assignee, l.n_notes FROM case_table c LEFT JOIN case_lifecycle l USING (case_id)"
        if engine.table_exists("case_lifecycle")
        else "SELECT *, NULL AS status, NULL AS assignee, NULL AS n_notes FROM case_table c"
    )
    cases = _dicts(engine, life + " ORDER BY rank")
    detail = []
    for c in cases[:DETAILED_CASES]:
        ents = _dicts(
            engine,
            """SELECT m.entity_id, m.role, round(m.score, 2) AS score,
                      coalesce(array_to_string(n.names, ' / '),
                               'account ' || (SELECT min(account_id) FROM account_entities a
                                              WHERE a.entity_id = m.entity_id)) AS names,
                      (SELECT string_agg(account_id, ', ' ORDER BY account_id) FROM account_entities a
                        WHERE a.entity_id = m.entity_id) AS accounts
               FROM network_members m LEFT JOIN entity_names n USING (entity_id)
               -- as case_members.csv orders them (scores to 3 places, then the id): a noisy-or over
               -- hits in no fixed order differs in its last bits from run to run, and the drawing
               -- follows this order
               WHERE m.network_id = ?
               ORDER BY m.role <> 'facilitator', m.role, round(m.score, 3) DESC, m.entity_id""",
            [c["network_id"]],
        )
        links = _dicts(
            engine,
            """SELECT c.s_ent AS a, c.r_ent AS b, count(*) AS n FROM corridor_payments c
               JOIN network_members ma ON ma.entity_id = c.s_ent AND ma.network_id = ?
               JOIN network_members mb ON mb.entity_id = c.r_ent AND mb.network_id = ?
               GROUP BY 1, 2 ORDER BY 1, 2""",
            [c["network_id"], c["network_id"]],
        )
        inds = _dicts(
            engine,
            """SELECT code, role, entity_id, account_id, weight, evidence, components,
                      len(string_split(record_ids, ';')) AS n_records
               FROM indicator_table WHERE case_id = ? ORDER BY weight DESC, code, entity_id""",
            [c["case_id"]],
        )
        _name_rows(engine, inds, {m["entity_id"]: m for m in ents})
        detail.append({"case": c, "members": ents, "indicators": inds, "svg": _network_svg(ents, links)})
    shadow = _dicts(
        engine,
        """SELECT h.code, count(*) AS hits, round(avg(h.weight), 2) AS mean_weight,
                  count(*) FILTER (WHERE h.entity_id IN (SELECT entity_id FROM network_members)) AS in_cases
           FROM shadow_hits h GROUP BY h.code ORDER BY h.code""",
    )
    info = dict(engine.rows("SELECT key, value FROM run_info WHERE key <> 'note'", stage="export"))
    notes = [r[0] for r in engine.rows("SELECT value FROM run_info WHERE key = 'note'", stage="export")]
    counts = {
        "cases": len(cases),
        "p1": sum(1 for c in cases if c["priority"] == "P1"),
        # people, once each: a payer of three households is a member of three cases
        "payers": _people(engine, PAYER_ROLES),
        "facilitators": _people(engine, HOUSEHOLD_ROLES),
        "victims": _people(engine, ("victim",)),
        "transactions": engine.count("transactions"),
        "parties": engine.count("parties"),
        "accounts": engine.count("all_accounts"),
        "entities": int(engine.scalar("SELECT count(DISTINCT entity_id) FROM account_entities")),
    }
    html = (
        _env()
        .get_template("report.html.j2")
        .render(
            legend=_legend(),
            cases=cases,
            detail=detail,
            info=info,
            shadow=shadow,
            notes=notes,
            counts=counts,
            version=__version__,
            seconds=(result_summary.seconds if result_summary else {}),
        )
    )
    path = folder / "report.html"
    path.write_text(html, encoding="utf-8")
    return path


def _name_rows(engine: Engine, inds: list[dict[str, Any]], members: dict[str, dict[str, Any]]) -> None:
    """Say whom each indicator row is about: the person's best name and accounts (`person`,
    `accounts`), and the evidence sentence with every entity id it cites preceded by a name."""
    cited = {i["entity_id"] for i in inds} | {e for i in inds for e in ENTITY_ID.findall(i["evidence"] or "")}
    cited -= set(members)
    names = {e: m["names"].split(" / ")[0] for e, m in members.items()}
    if cited and engine.table_exists("entity_names"):
        names |= {
            e: n
            for e, n in engine.rows(
                "SELECT entity_id, names[1] FROM entity_names WHERE entity_id IN (SELECT unnest(?::VARCHAR[]))",
                [sorted(cited)],
                stage="export",
            )
            if n
        }
    for i in inds:
        m = members.get(i["entity_id"])
        i["person"] = names.get(i["entity_id"]) or f"account {i['account_id']}"
        accounts = (m["accounts"] or "").split(", ") if m else [i["account_id"] or ""]
        more = f" and {len(accounts) - 2} more" if len(accounts) > 2 else ""
        i["accounts"] = ", ".join(accounts[:2]) + more  # every account is in the members table above
        i["evidence"] = name_people(i["evidence"] or "", names)


def _people(engine: Engine, roles: tuple[str, ...]) -> int:
    """How many people are case members in one of `roles` (each once, however many cases)."""
    return int(
        engine.scalar(
            f"SELECT count(DISTINCT entity_id) FROM network_members WHERE role IN ({literal_list(roles)})"
        )
    )
