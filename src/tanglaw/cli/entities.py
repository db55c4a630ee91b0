"""`tanglaw entities …`: the people behind the party records (list, show, train).

`show ID` takes an entity id (`E:…`) or a party id and lists the entity's records and, for each
merge, why in words. `train BUNDLE --out OUT` fits the entity-resolution model on a bundle's
party records and keeps it as `OUT/er-model.json`, which every later run into OUT uses. An id the
workspace does not know is refused with exit code 2 and one line.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from .console import err, out

app = typer.Typer(help="Entities: the people behind party records (list, show, train).", no_args_is_help=True)

OutOpt = Annotated[Path, typer.Option("--out", help="The output folder of `tanglaw run`.")]
DEFAULT_OUT = Path("out")


def _refuse(message: str) -> None:
    err.print(message, markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(2)


@app.command("list")
def list_entities(
    out_dir: OutOpt = DEFAULT_OUT,
    limit: Annotated[int, typer.Option(help="How many entities to list.")] = 20,
) -> None:
    """Entities with the most party records first."""
    from ..engine.workspace import open_workspace

    engine = open_workspace(out_dir)
    rows = engine.rows(
        """
        SELECT pe.entity_id, count(*) AS n, count(DISTINCT p.source) AS sources,
               list(DISTINCT p.name ORDER BY p.name) FILTER (WHERE p.name IS NOT NULL AND p.name <> '')
        FROM party_entities pe JOIN parties p USING (party_id)
        GROUP BY pe.entity_id HAVING count(*) > 1
        ORDER BY n DESC, sources DESC, pe.entity_id LIMIT ?
        """,
        [max(0, limit)],
    )
    t = Table(title="Entities merged from several party records", title_justify="left")
    for col in ("entity_id", "records", "sources", "names"):
        t.add_column(col)
    for eid, n, sources, names in rows:
        shown = list(names or [])
        t.add_row(eid, str(n), str(sources), "; ".join(shown[:4]) + (" …" if len(shown) > 4 else ""))
    out.print(t)


def _records_table(records: list[dict[str, Any]]) -> Table:
    """Four columns that read at 80: record and source; name and birth date; country; contacts."""
    t = Table(show_lines=True)
    t.add_column("record, source", overflow="fold", max_width=24)
    t.add_column("name, birth date", overflow="fold", ratio=2)
    t.add_column("country", no_wrap=True)
    t.add_column("phone, email, id number", overflow="fold", ratio=3)
    for r in records:
        cell = [str(r[k]) for k in ("phone", "email", "id_number") if r.get(k)]
        t.add_row(
            Text(f"{r['party_id']}\n{r['source'] or ''}"),
            Text("\n".join(str(r[k]) for k in ("name", "birth_date") if r.get(k))),
            Text(str(r["country"] or "")),
            Text("\n".join(cell)),
        )
    return t


@app.command("show")
def show(
    ident: Annotated[str, typer.Argument(help="An entity id (E:…) or a party id.")],
    out_dir: OutOpt = DEFAULT_OUT,
) -> None:
    """The records of an entity and, for each merge, why in words."""
    from ..engine.workspace import open_workspace
    from ..pack import load_pack
    from ..stages.resolve.explain import describe, find_entity

    engine = open_workspace(out_dir)
    entity_id = find_entity(engine, ident)
    if entity_id is None:
        _refuse(f"{ident}: no entity or party record with this id in {out_dir}")
        return
    view = describe(engine, entity_id, list(load_pack()["names"]["nicknames"]))
    out.print(f"Entity {view.entity_id}: {len(view.records)} party record(s)", markup=False, highlight=False)
    out.print(_records_table(view.records))
    if view.accounts:
        out.print(
            "Accounts: " + ", ".join(f"{a} ({k or '?'}, {s or '?'})" for a, k, s in view.accounts),
            markup=False,
            highlight=False,
        )
    if not view.edges:
        out.print("No merges: this entity is one record.", markup=False)
    else:
        out.print("Why merged:", markup=False)
    for edge in view.edges:
        out.print(
            f"  {edge.party_a} + {edge.party_b}: {edge.sentence()}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    if view.refused:
        out.print("Not merged (two different people's birth dates):", markup=False)
    for line in view.refused:
        out.print(f"  {line}", markup=False, highlight=False, soft_wrap=True)


@app.command("train")
def train_cmd(
    bundle: Annotated[Path, typer.Argument(help="A bundle folder with a parties table.")],
    out_dir: OutOpt = DEFAULT_OUT,
    truth: Annotated[
        Path | None,
        typer.Option(
            "--truth", help="Optional truth folder (accounts.csv party_id → person_id): m from labels."
        ),
    ] = None,
    pack_path: Annotated[Path | None, typer.Option("--pack", help="A typology pack (TOML).")] = None,
) -> None:
    """Train the entity-resolution model on BUNDLE's party records; keep it as OUT/er-model.json."""
    from ..stages.resolve.model import MODEL_FILE
    from ..stages.resolve.train import train_bundle

    try:
        model = train_bundle(bundle, truth=truth, pack_path=pack_path)
    except ValueError as e:
        _refuse(f"{bundle}: {e}")
        return
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / MODEL_FILE
    fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=".er-model-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(model, fh, indent=1)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    out.print(
        f"Trained on {model['trained_on']} ({model['trained_with']}); written: {target}. "
        "Runs into this folder now use it.",
        markup=False,
        highlight=False,
    )
