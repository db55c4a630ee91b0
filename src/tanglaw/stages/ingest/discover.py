"""Find which file of a bundle folder holds which contract table."""

from __future__ import annotations

from pathlib import Path

from ...contract import ACTIVITY_TABLES, FORMATS, TABLES_BY_NAME, XML_TABLES
from ...errors import BundleError, Problem


def _split_name(name: str) -> tuple[str, str] | None:
    """`transactions.csv.gz` -> (`transactions`, `.csv.gz`); None for other files."""
    lower = name.lower()
    for ext in sorted(FORMATS, key=len, reverse=True):
        if lower.endswith(ext):
            return name[: -len(ext)], ext
    return None


def discover_bundle(bundle: Path) -> dict[str, tuple[Path, str]]:
    """Map each contract table present in `bundle` to its file and reader format.

    Files that are not named after a contract table are ignored (they may be documentation or
    extensions). Two files for one table, or a bundle with no activity table, are refused.
    """
    if not bundle.exists():
        raise BundleError([Problem(str(bundle), None, None, "no such folder")])
    if not bundle.is_dir():
        raise BundleError(
            [Problem(str(bundle), None, None, "is not a folder (a bundle is a folder of table files)")]
        )
    found: dict[str, tuple[Path, str]] = {}
    problems: list[Problem] = []
    for path in sorted(bundle.iterdir()):
        if not path.is_file():
            continue
        split = _split_name(path.name)
        if split is None:
            continue
        table, ext = split
        if table not in TABLES_BY_NAME:
            continue
        if FORMATS[ext] == "xml" and table not in XML_TABLES:
            problems.append(
                Problem(
                    path.name,
                    None,
                    None,
                    f"XML is read for {', '.join(XML_TABLES)} only; "
                    f"write {table} as CSV, Parquet or JSON Lines",
                )
            )
            continue
        if table in found:
            problems.append(
                Problem(
                    path.name,
                    None,
                    None,
                    f"a second file for table {table!r} (also {found[table][0].name}); keep one",
                )
            )
            continue
        found[table] = (path, FORMATS[ext])
    if not problems and not any(t in found for t in ACTIVITY_TABLES):
        problems.append(
            Problem(
                str(bundle),
                None,
                None,
                "holds none of the tables a run needs: "
                + ", ".join(ACTIVITY_TABLES)
                + " (as .csv, .csv.gz, .parquet, .jsonl or .jsonl.gz)",
            )
        )
    if problems:
        raise BundleError(problems)
    return found
