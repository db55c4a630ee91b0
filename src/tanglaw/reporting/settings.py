"""Who is reporting: the organisation, its contact person and the FIU's codes for it.

Every regulator format names the reporter (NCMEC's `reporter`, goAML's `rentity_id` and
`reporting_person`, the FinCEN narrative's contact line). Those facts belong to the
organisation that files, not to the data, so they come from a small TOML file:

```toml
[reporter]
organisation = "Example Remit Ltd"
first_name = "Ana"
last_name = "Reyes"
email = "compliance@example.com"
phone = "+63 2 8000 0000"
country = "PH"
platform = "Example Live"           # the ESP's service name for CyberTipline reports

[goaml]
rentity_id = 123                    # assigned by the FIU
rentity_branch = "Head office"
currency_code_local = "PHP"
reporting_user_code = "EXREMIT01"   # instead of reporting_person, when the FIU issued one

[goaml.institutions]                # source -> institution code (5.x) or SWIFT/BIC (2.0)
"bank-a" = "BKAAPHMM"

[goaml.indicators]                  # Tanglaw typology -> the FIU's indicator code
FIN_FACILITATOR_COLLECTOR = "CSAM1"
```

Without a file, every value is a visible placeholder (`example.com`, rentity_id 1) and each
export lists what it had to fill in, so nobody files a placeholder by mistake.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BundleError, Problem

DEFAULT_ORGANISATION = "Example Reporting Organisation"
#: the rentity_id written when none is set (goAML needs a whole number ≥ 1)
PLACEHOLDER_RENTITY_ID = 1


@dataclass(frozen=True)
class ReporterSettings:
    organisation: str = DEFAULT_ORGANISATION
    first_name: str = "Compliance"
    last_name: str = "Officer"
    email: str = "compliance@example.com"
    phone: str = ""
    country: str = ""
    platform: str = ""
    #: None: not set (the placeholder `PLACEHOLDER_RENTITY_ID` is written, with a warning)
    rentity_id: int | None = None
    rentity_branch: str = ""
    currency_code_local: str = "USD"
    reporting_user_code: str = ""
    institutions: dict[str, str] = field(default_factory=dict)
    indicators: dict[str, str] = field(default_factory=dict)

    @property
    def placeholders(self) -> tuple[str, ...]:
        """Names of the settings left at their placeholder value."""
        out = []
        if self.organisation == DEFAULT_ORGANISATION:
            out.append("reporter")
        if self.rentity_id is None:
            out.append("goaml.rentity_id")
        return tuple(out)


_REPORTER_KEYS = ("organisation", "first_name", "last_name", "email", "phone", "country", "platform")
_GOAML_KEYS = ("rentity_id", "rentity_branch", "currency_code_local", "reporting_user_code")


def _table(data: dict[str, Any], key: str, label: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise BundleError([Problem(label, None, key, "must be a table")])
    return value


def load_settings(path: Path | None) -> ReporterSettings:
    """Read reporter settings from TOML; `None` gives the placeholder settings."""
    if path is None:
        return ReporterSettings()
    label = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise BundleError([Problem(label, None, None, f"cannot read the settings file: {e}")]) from e
    except tomllib.TOMLDecodeError as e:
        line = getattr(e, "lineno", None)
        raise BundleError([Problem(label, line, None, f"not valid TOML: {e}")]) from e
    problems: list[Problem] = []
    reporter = _table(data, "reporter", label)
    goaml = _table(data, "goaml", label)
    for section, allowed, values in (("reporter", _REPORTER_KEYS, reporter), ("goaml", _GOAML_KEYS, goaml)):
        for k, v in values.items():
            if k in ("institutions", "indicators") and section == "goaml":
                continue
            if k not in allowed:
                problems.append(Problem(label, None, f"{section}.{k}", "unknown setting"))
            elif k == "rentity_id" and (not isinstance(v, int) or v < 1):
                problems.append(Problem(label, None, "goaml.rentity_id", "must be a whole number ≥ 1"))
            elif k != "rentity_id" and not isinstance(v, str):
                problems.append(Problem(label, None, f"{section}.{k}", "must be text"))
    institutions = _table(goaml, "institutions", label)
    indicators = _table(goaml, "indicators", label)
    for name, table in (("goaml.institutions", institutions), ("goaml.indicators", indicators)):
        for k, v in table.items():
            if not isinstance(v, str) or not v:
                problems.append(Problem(label, None, f"{name}.{k}", "must be non-empty text"))
    if problems:
        raise BundleError(problems)
    kw: dict[str, Any] = {k: reporter[k] for k in _REPORTER_KEYS if k in reporter}
    kw.update({k: goaml[k] for k in _GOAML_KEYS if k in goaml})
    return ReporterSettings(
        **kw,
        institutions={str(k): str(v) for k, v in institutions.items()},
        indicators={str(k): str(v) for k, v in indicators.items()},
    )
