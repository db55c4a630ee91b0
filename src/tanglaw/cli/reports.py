"""Command line for reports out (exports) and signals in and out (sharing), as a Typer sub-app.

The main CLI registers these with `register(app)`, which adds `tanglaw export` and the
`tanglaw share …` group; `app` is the same commands as a stand-alone Typer app. The functions
`export_command`, `share_export_command` and `share_match_command` do the work and return the
files written, for callers that are not a command line.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Annotated

import typer

from ..engine.workspace import open_workspace
from ..errors import TanglawError
from ..reporting.case_export import FORMATS, export_case
from ..reporting.casedata import CaseData, load_case
from ..safepath import inside, safe_name
from .console import err, out


def _case(out_dir: Path, case_id: str) -> CaseData:
    """The case `case_id` (any letter case: `tgl-000001` is TGL-000001); `CaseNotFound` if unknown."""
    engine = open_workspace(out_dir)
    try:
        found = engine.rows(
            "SELECT case_id FROM case_table WHERE upper(case_id) = upper(?) ORDER BY case_id LIMIT 1",
            [case_id.strip()],
            stage="reporting",
        )
        return load_case(engine, found[0][0] if found else case_id)
    finally:
        engine.close()


def export_command(
    case_id: str,
    fmt: str,
    out_dir: Path,
    dest: Path | None = None,
    *,
    settings_file: Path | None = None,
    goaml_version: str = "5.0.2",
) -> list[Path]:
    """Export case `case_id` of the run in `out_dir` as `fmt` into the folder `dest`
    (default `out_dir/exports`); returns the files written."""
    if fmt not in FORMATS:
        raise TanglawError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    files, _warnings = export_case(
        _case(out_dir, case_id),
        fmt,
        dest or out_dir / "exports",
        settings_file=settings_file,
        goaml_version=goaml_version,
    )
    return files


def share_export_command(case_id: str, out_dir: Path, key_file: Path, dest: Path | None = None) -> list[Path]:
    """Write `<case>.signals.json` (to send) and `<case>.signals-private.csv` (to keep)."""
    from ..reporting.settings import load_settings
    from ..reporting.sharing import export_signals, load_key

    key = load_key(key_file)
    folder = dest or out_dir / "exports"
    case = _case(out_dir, case_id)
    folder.mkdir(parents=True, exist_ok=True)
    stem = safe_name(case.case_id)
    result = export_signals(
        case,
        key,
        load_settings(None).organisation,
        inside(folder, f"{stem}.signals.json"),
        inside(folder, f"{stem}.signals-private.csv"),
    )
    return [result.shared_file, result.private_file]


def share_match_command(partner_file: Path, out_dir: Path, key_file: Path, dest: Path | None = None) -> Path:
    """Match a partner's signal file against the run's workspace; write the matches as CSV."""
    from ..reporting.sharing import (
        load_key,
        match_signals,
        read_partner_file,
        workspace_identifiers,
        write_matches,
    )

    key = load_key(key_file)
    partner = read_partner_file(partner_file)
    from ..reporting.match_indicators import add_match_indicators

    engine = open_workspace(out_dir)
    try:
        rows = match_signals(partner, key, workspace_identifiers(engine))
    finally:
        engine.close()
    path = write_matches(rows, dest or inside(out_dir, f"matches-{safe_name(partner_file.stem)}.csv"))
    add_match_indicators(out_dir, rows)
    return path


# ---- the command line -----------------------------------------------------------------------------


OutOption = Annotated[
    Path, typer.Option("--out", help="The output folder of `tanglaw run` (holds the workspace).")
]


def export(
    case_id: Annotated[str, typer.Argument(help="A case id from cases.csv, e.g. TGL-000001.")],
    out_dir: OutOption,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="cybertip, goaml, sar, stix, html or pdf.")
    ] = "html",
    dest: Annotated[
        Path | None, typer.Option("--dest", help="Folder for the files (default OUT/exports).")
    ] = None,
    settings_file: Annotated[
        Path | None,
        typer.Option("--settings", help="Reporter settings (TOML): organisation, contact, FIU codes."),
    ] = None,
    goaml_schema: Annotated[
        str, typer.Option("--goaml-schema", help="goAML schema profile: 5.0.2 or 2.0.")
    ] = "5.0.2",
    check: Annotated[
        Path | None,
        typer.Option(
            "--check", help="Validate XML against this XSD (or STIX with stix2-validator) before finishing."
        ),
    ] = None,
) -> None:
    """Export one case for an authority or a partner: CyberTipline XML, goAML STR, SAR narrative,
    STIX 2.1 bundle, or a case package to read and print (HTML, PDF).

    Exit code 0 on success, 2 for input a person must fix, 1 for a fault.
    """
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        err.print(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    files, warnings = export_case(
        _case(out_dir, case_id),
        fmt,
        dest or out_dir / "exports",
        settings_file=settings_file,
        goaml_version=goaml_schema,
    )
    if check is not None:
        from ..reporting.validate import check_or_raise, stix_errors, xml_errors

        for f in files:
            if f.suffix == ".xml":
                check_or_raise(f.name, xml_errors(f.read_bytes(), check))
            elif f.suffix == ".json":
                check_or_raise(f.name, stix_errors(f.read_text(encoding="utf-8")))
    for w in dict.fromkeys(warnings):
        err.print(f"note: {w}", markup=False, highlight=False, soft_wrap=True)
    for f in files:
        out.print(str(f), markup=False, highlight=False)


share_app = typer.Typer(
    help="Share identifiers as keyed hashes and match a partner's file.", no_args_is_help=True
)


@share_app.command("keygen")
def share_keygen(
    dest: Annotated[Path, typer.Argument(help="File to write the new key to (keep it secret).")],
) -> None:
    """Make a new 256-bit sharing key; give it to the partner out of band, never with a signal file."""
    from ..reporting.sharing import new_key

    if dest.exists():
        err.print(f"{dest} exists; refusing to overwrite a key")
        raise typer.Exit(2)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(new_key() + "\n")
    out.print(str(dest))


@share_app.command("export")
def share_export(
    case_id: Annotated[str, typer.Argument(help="A case id from cases.csv.")],
    out_dir: OutOption,
    key_file: Annotated[Path, typer.Option("--key", help="The shared key file.")],
    dest: Annotated[
        Path | None, typer.Option("--dest", help="Folder for the files (default OUT/exports).")
    ] = None,
) -> None:
    """Write a case's emails, phones, usernames and payment accounts as keyed hashes to send,
    and the private map from each hash's ref back to the record, to keep."""
    files = share_export_command(case_id, out_dir, key_file, dest)
    out.print(f"send: {files[0]}\nkeep (never send): {files[1]}", markup=False, highlight=False)


@share_app.command("match")
def share_match(
    partner_file: Annotated[Path, typer.Argument(help="A partner's .signals.json file.")],
    out_dir: OutOption,
    key_file: Annotated[Path, typer.Option("--key", help="The key shared with that partner.")],
    dest: Annotated[
        Path | None, typer.Option("--dest", help="CSV to write (default OUT/matches-FILE.csv).")
    ] = None,
) -> None:
    """Match a partner's hashed identifiers against every identifier in the workspace."""
    path = share_match_command(partner_file, out_dir, key_file, dest)
    with open(path, encoding="utf-8", newline="") as fh:
        n = sum(1 for _ in csv.DictReader(fh))
    out.print(f"{n} match(es): {path}", markup=False, highlight=False)


def tips(
    files: Annotated[list[Path], typer.Argument(help="CyberTipline-style XML tip files.")],
    dest: Annotated[Path, typer.Option("--dest", help="reports.csv to write (a bundle table).")],
) -> None:
    """Read XML tips safely (no DTDs, entities or deep nesting) into a bundle's reports.csv."""
    from ..contract import REPORTS
    from ..stages.ingest.tip_xml import read_tip_xml

    rows: list[dict[str, str]] = []
    for f in files:
        rows += read_tip_xml(f)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open(dest, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(REPORTS.column_names))
        w.writeheader()
        w.writerows(rows)
    out.print(f"{len(rows)} report(s): {dest}", markup=False, highlight=False)


#: the top-level commands this module adds to `tanglaw` (the `share` group is `share_app`)
COMMANDS = (export, tips)
