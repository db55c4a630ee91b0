"""One case written in one export format: the files an authority or a partner accepts.

`export_files` gives (file name, bytes) pairs, for a web download or a folder alike; `export_case`
writes them into a folder. File names are derived from the case id (see `tanglaw.safepath`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from ..errors import TanglawError
from ..safepath import safe_name, write_inside
from .casedata import CaseData

FORMATS = ("cybertip", "goaml", "sar", "stix", "html", "pdf")
#: what a download of each format is, for a web response
MEDIA_TYPES = {
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
    ".html": "text/html; charset=utf-8",
    ".pdf": "application/pdf",
}


def export_files(
    case: CaseData,
    fmt: str,
    *,
    settings_file: Path | None = None,
    goaml_version: str = "5.0.2",
    now: datetime | None = None,
) -> tuple[list[tuple[str, bytes]], list[str]]:
    """The files of one format of an already-loaded case: ([(name, data)], warnings)."""
    from .settings import load_settings

    settings = load_settings(settings_file)
    now = now or datetime.now(UTC)
    stem = safe_name(case.case_id)
    warnings: list[str] = []
    if "reporter" in settings.placeholders and fmt in ("cybertip", "goaml", "sar"):
        warnings.append("the reporter is a placeholder (compliance@example.com); pass --settings FILE")
    if fmt == "cybertip":
        from .cybertip import cybertip_file_details, cybertip_report

        files = [(f"{stem}.cybertip.xml", cybertip_report(case, settings))]
        for media_id, doc in cybertip_file_details(case, settings):
            files.append((f"{stem}.cybertip-file-{safe_name(media_id)}.xml", doc))
        return files, warnings
    if fmt == "goaml":
        from .goaml import goaml_report
        from .sar import sar_narrative

        result = goaml_report(
            case, settings, reason=sar_narrative(case, settings, now=now), version=goaml_version, now=now
        )
        return [(f"{stem}.goaml-{safe_name(goaml_version)}.xml", result.xml)], warnings + result.warnings
    if fmt == "sar":
        from .sar import sar_narrative

        return [(f"{stem}.sar.txt", sar_narrative(case, settings, now=now).encode())], warnings
    if fmt == "stix":
        from .stix import stix_json

        return [(f"{stem}.stix.json", stix_json(case, settings, now=now))], warnings
    if fmt in ("html", "pdf"):
        from .package import package_html, package_model

        model = package_model(case, settings, now=now)
        if fmt == "html":
            return [(f"{stem}.html", package_html(model).encode())], warnings
        from .pdf import package_pdf

        return [(f"{stem}.pdf", package_pdf(model))], warnings
    raise TanglawError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def export_case(
    case: CaseData,
    fmt: str,
    dest: Path,
    *,
    settings_file: Path | None = None,
    goaml_version: str = "5.0.2",
    now: datetime | None = None,
) -> tuple[list[Path], list[str]]:
    """Write one format of an already-loaded case into `dest`; (files, warnings)."""
    files, warnings = export_files(
        case, fmt, settings_file=settings_file, goaml_version=goaml_version, now=now
    )
    return [write_inside(dest, name, data) for name, data in files], warnings
