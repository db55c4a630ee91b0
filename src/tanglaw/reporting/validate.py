"""Check exports against the regulators' published schemas (optional; used by tests and `--check`).

The schemas are not shipped with Tanglaw (NCMEC serves its XSD to registered reporters; each
FIU publishes its own goAML XSD), so the caller names the XSD file. `xmlschema` and
`stix2-validator` are optional: `pip install 'tanglaw[reports]'`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import TanglawError

#: XSD file names as kept in the project's shared/external/xsd folder
NCMEC_XSD = "ncmec-cybertipline.xsd"


def _xmlschema() -> Any:
    try:
        import xmlschema
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("schema validation needs xmlschema: pip install 'tanglaw[reports]'") from e
    return xmlschema


def load_schema(xsd: Path) -> Any:
    """An XSD 1.0 or 1.1 schema (goAML 5.x declares `vc:minVersion="1.1"`)."""
    xmlschema = _xmlschema()
    text = xsd.read_text(encoding="utf-8", errors="replace")[:4000]
    cls = xmlschema.XMLSchema11 if 'minVersion="1.1"' in text else xmlschema.XMLSchema10
    return cls(str(xsd))


def xml_errors(data: bytes, xsd: Path | Any, limit: int = 20) -> list[str]:
    """Schema errors of an XML document (empty when valid), one line each."""
    schema = load_schema(xsd) if isinstance(xsd, Path) else xsd
    out = []
    for err in schema.iter_errors(data.decode("utf-8")):
        out.append(f"{err.path or '/'}: {err.reason or err.message}")
        if len(out) >= limit:
            break
    return out


def stix_errors(text: str) -> list[str]:
    """stix2-validator's errors for a bundle, in strict STIX 2.1 mode (empty when valid)."""
    try:
        from stix2validator import ValidationOptions, validate_string
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("STIX validation needs stix2-validator: pip install 'tanglaw[reports]'") from e
    result = validate_string(text, ValidationOptions(version="2.1", strict=True))
    results = result if isinstance(result, list) else [result]
    return [str(e) for r in results for e in r.errors]


def check_or_raise(label: str, errors: list[str]) -> None:
    if errors:
        raise TanglawError(f"{label} does not validate:\n" + "\n".join(errors))
