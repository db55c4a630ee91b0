"""The HTML summary a person reads: top cases, why they rank where they do, and the numbers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from . import __version__
from .engine import Engine

if TYPE_CHECKING:
    from .pipeline import RunResult

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


def _network_svg(members: list[dict[str, Any]]) -> dict[str, Any]:
    """Place facilitators in the middle and payers on a ring, for a small picture."""
    import math

    facs = [m for m in members if m["role"] != "payer"]
    payers = [m for m in members if m["role"] == "payer"]
    nodes, w, h = [], 360, 220
    for i, m in enumerate(facs):
        x = w / 2 + (i - (len(facs) - 1) / 2) * 40
        nodes.append({"x": x, "y": h / 2, "role": m["role"], "label": m["entity_id"][-8:]})
    for i, m in enumerate(payers):
        a = 2 * math.pi * i / max(len(payers), 1)
        nodes.append(
            {
                "x": w / 2 + 150 * math.cos(a),
                "y": h / 2 + 85 * math.sin(a),
                "role": "payer",
                "label": m["entity_id"][-8:],
            }
        )
    edges = [(p, f) for p in nodes if p["role"] == "payer" for f in nodes if f["role"] != "payer"]
    return {"nodes": nodes, "edges": edges, "w": w, "h": h}


def write_report(engine: Engine, folder: Path, *, result_summary: RunResult | None = None) -> Path:
    cases = _dicts(engine, "SELECT * FROM case_table ORDER BY rank")
    detail = []
    for c in cases[:DETAILED_CASES]:
        ents = _dicts(
            engine,
            """SELECT m.entity_id, m.role, round(m.score, 2) AS score,
                      coalesce(array_to_string(n.names, ' / '), '(no KYC name)') AS names,
                      (SELECT string_agg(account_id, ', ' ORDER BY account_id) FROM account_entities a
                        WHERE a.entity_id = m.entity_id) AS accounts
               FROM network_members m LEFT JOIN entity_names n USING (entity_id)
               WHERE m.network_id = ? ORDER BY m.role DESC, m.score DESC""",
            [c["network_id"]],
        )
        inds = _dicts(
            engine,
            """SELECT code, role, entity_id, weight, evidence, components,
                      len(string_split(record_ids, ';')) AS n_records
               FROM indicator_table WHERE case_id = ? ORDER BY weight DESC""",
            [c["case_id"]],
        )
        detail.append({"case": c, "members": ents, "indicators": inds, "svg": _network_svg(ents)})
    info = dict(engine.rows("SELECT key, value FROM run_info WHERE key <> 'note'", stage="export"))
    notes = [r[0] for r in engine.rows("SELECT value FROM run_info WHERE key = 'note'", stage="export")]
    counts = {
        "cases": len(cases),
        "p1": sum(1 for c in cases if c["priority"] == "P1"),
        "payers": int(engine.scalar("SELECT count(*) FROM network_members WHERE role = 'payer'")),
        "facilitators": int(engine.scalar("SELECT count(*) FROM network_members WHERE role <> 'payer'")),
        "transactions": engine.count("transactions"),
        "parties": engine.count("parties"),
        "accounts": engine.count("all_accounts"),
        "entities": int(engine.scalar("SELECT count(DISTINCT entity_id) FROM account_entities")),
    }
    html = (
        _env()
        .get_template("report.html.j2")
        .render(
            cases=cases,
            detail=detail,
            info=info,
            notes=notes,
            counts=counts,
            version=__version__,
            seconds=(result_summary.seconds if result_summary else {}),
        )
    )
    path = folder / "report.html"
    path.write_text(html, encoding="utf-8")
    return path
