"""Typology packs: the versioned data file that holds every threshold, list and weight.

The built-in pack (`packs/default.toml`) is also the schema: a user's pack may leave keys out
(they keep their default) but may not add unknown keys, change a value's type or give an
impossible value (a weight outside 0–1, a negative count, an hour outside 0–23).
"""

from __future__ import annotations

import copy
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import PackError

DEFAULT_PACK = "default.toml"


def _default_doc() -> dict[str, Any]:
    text = resources.files("tanglaw.packs").joinpath(DEFAULT_PACK).read_text(encoding="utf-8")
    return tomllib.loads(text)


def _type_name(v: Any) -> str:
    return {bool: "true/false", int: "a whole number", float: "a number", str: "text", list: "a list"}.get(
        type(v), type(v).__name__
    )


def _merge(default: dict[str, Any], user: dict[str, Any], where: str, label: str) -> dict[str, Any]:
    out = copy.deepcopy(default)
    for key, value in user.items():
        path = f"{where}.{key}" if where else key
        if not where and key == "candidates":
            out[key] = _check_candidates(value, default.get("typologies", {}), label)
            continue
        if path == "scoring.calibration.coefficients":
            out[key] = _check_coefficients(value, label)
            continue
        if key not in default:
            if where == "typologies":
                raise PackError(f"{label}: [{path}]: unknown typology (known: {', '.join(default)})")
            raise PackError(f"{label}: {path}: unknown key")
        d = default[key]
        if isinstance(d, dict):
            if not isinstance(value, dict):
                raise PackError(f"{label}: {path}: must be a table")
            out[key] = _merge(d, value, path, label)
            continue
        ok = type(value) is type(d) or (isinstance(d, float) and type(value) is int)
        if not ok:
            raise PackError(f"{label}: {path}: {value!r} is not {_type_name(d)}")
        if isinstance(d, list) and not all(isinstance(x, str) for x in value):
            raise PackError(f"{label}: {path}: every item must be text")
        # a blank word would match everything it is tested against (a reference, a ban's reason)
        if isinstance(d, list) and not all(x.strip() for x in value):
            raise PackError(f"{label}: {path}: must be a list of words, and {value!r} holds a blank one")
        out[key] = float(value) if isinstance(d, float) else value
    return out


MODES = ("live", "shadow", "off")
_CANDIDATE_KEYS = {"description": str, "source": str, "role": str, "mode": str, "query": str}
_CODE = re.compile(r"^[A-Z][A-Z0-9_]{2,63}$")


def _check_candidates(value: Any, builtin: dict[str, Any], label: str) -> dict[str, Any]:
    """Candidate typologies: a role, a mode and one read-only SELECT over workspace tables."""
    from .candidates import check_query
    from .contract import ROLES

    if not isinstance(value, dict):
        raise PackError(f"{label}: candidates: must be a table of [candidates.CODE] sections")
    out: dict[str, Any] = {}
    for code, cfg in value.items():
        where = f"{label}: [candidates.{code}]"
        if not _CODE.match(code):
            raise PackError(f"{where}: a code is upper-case letters, digits and _ (e.g. FIN_MY_IDEA)")
        if code in builtin:
            raise PackError(f"{where}: {code} is a built-in typology; pick another code")
        if not isinstance(cfg, dict):
            raise PackError(f"{where}: must be a table")
        for k, v in cfg.items():
            if k not in _CANDIDATE_KEYS:
                raise PackError(f"{where}: {k}: unknown key (known: {', '.join(_CANDIDATE_KEYS)})")
            if not isinstance(v, _CANDIDATE_KEYS[k]):
                raise PackError(f"{where}: {k}: {v!r} is not text")
        for k in ("description", "role", "query"):
            if k not in cfg:
                raise PackError(f"{where}: {k} is missing")
        if cfg["role"] not in ROLES:
            raise PackError(f"{where}: role: {cfg['role']!r} is not one of {', '.join(ROLES)}")
        mode = cfg.get("mode", "shadow")
        if mode not in MODES:
            raise PackError(f"{where}: mode: {mode!r} is not one of {', '.join(MODES)}")
        problem = check_query(cfg["query"])
        if problem:
            raise PackError(f"{where}: query: {problem}")
        out[code] = {
            "description": cfg["description"],
            "source": cfg.get("source", "user candidate"),
            "role": cfg["role"],
            "mode": mode,
            "query": cfg["query"],
        }
    return out


def _check_coefficients(value: Any, label: str) -> dict[str, float]:
    if not isinstance(value, dict):
        raise PackError(f"{label}: scoring.calibration.coefficients: must be a table of CODE = number")
    out = {}
    for code, v in value.items():
        if not _CODE.match(code):
            raise PackError(f"{label}: scoring.calibration.coefficients.{code}: not a typology code")
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0:
            raise PackError(f"{label}: scoring.calibration.coefficients.{code}: {v!r} must be a number >= 0")
        out[code] = float(v)
    return out


def _check_values(doc: dict[str, Any], label: str) -> None:
    def walk(node: dict[str, Any], where: str) -> None:
        for k, v in node.items():
            path = f"{where}.{k}" if where else k
            if isinstance(v, dict):
                walk(v, path)
            elif isinstance(v, bool) or isinstance(v, (str, list)):
                continue
            elif (
                k.startswith("weight_")
                or k.endswith("_factor")
                or k.endswith("_share")
                or k.endswith("_threshold")
                or k.endswith("min_payer_weight")
            ):
                if not 0.0 <= float(v) <= 1.0:
                    raise PackError(f"{label}: {path}: {v!r} must be between 0 and 1")
            elif k.endswith("_hour"):
                if not 0 <= int(v) <= 23:
                    raise PackError(f"{label}: {path}: {v!r} must be an hour from 0 to 23")
            elif float(v) < 0 and k != "intercept":
                raise PackError(f"{label}: {path}: {v!r} must not be negative")

    walk({k: v for k, v in doc.items() if k != "candidates"}, "")
    codes = set(doc["typologies"]) | set(doc.get("candidates", {}))
    for code in doc["scoring"]["calibration"]["coefficients"]:
        if code not in codes:
            raise PackError(f"{label}: scoring.calibration.coefficients.{code}: unknown typology")
    for code, cfg in doc["typologies"].items():
        if cfg.get("mode", "live") not in MODES:
            raise PackError(
                f"{label}: typologies.{code}.mode: {cfg['mode']!r} is not one of {', '.join(MODES)}"
            )
    p = doc["payments"]
    if p["min_amount_usd"] >= p["max_amount_usd"]:
        raise PackError(f"{label}: payments.min_amount_usd must be below payments.max_amount_usd")
    if p["round_unit"] <= 0:
        raise PackError(f"{label}: payments.round_unit must be greater than 0")
    ranges = [
        (f"typologies.{code}.{k}", v)
        for code, cfg in doc["typologies"].items()
        for k, v in cfg.items()
        if k.endswith("_mcc_ranges")
    ]
    for where, v in [*ranges, ("time.in_person_mcc_ranges", doc["time"]["in_person_mcc_ranges"])]:
        for r in v:
            if not isinstance(r, str) or not re.fullmatch(r"\d{4}(-\d{4})?", r):
                raise PackError(f"{label}: {where}: {r!r} is not a code or range like 3000-3350")
    _check_resolve(doc, label)
    bad = [c for c in doc["lists"]["high_risk_receiving"] if len(c) != 2 or not c.isupper()]
    if bad:
        raise PackError(f"{label}: lists.high_risk_receiving: {bad[0]!r} is not an ISO alpha-2 code")
    _check_text(doc, label)


def _check_text(doc: dict[str, Any], label: str) -> None:
    """Media and chat-text settings: PDQ limits, a `module:Class` classifier, symbol tables."""
    from .text.classifier import check_spec
    from .text.normalize import parse_pairs

    m = doc["media"]
    if not 0 <= int(m["threshold"]) <= 256:
        raise PackError(f"{label}: media.threshold: {m['threshold']!r} must be a distance from 0 to 256")
    if not 0 <= int(m["min_quality"]) <= 100:
        raise PackError(f"{label}: media.min_quality: {m['min_quality']!r} must be from 0 to 100")
    t = doc["text"]
    problem = check_spec(t["classifier"])
    if problem:
        raise PackError(f"{label}: text.classifier: {problem}")
    for key in ("min_score", "term_weight"):
        if not 0.0 < float(t[key]) <= 1.0:
            raise PackError(f"{label}: text.{key}: {t[key]!r} must be above 0 and at most 1")
    if int(t["snippet_chars"]) < 10:
        raise PackError(f"{label}: text.snippet_chars: {t['snippet_chars']!r} must be at least 10")
    for key in ("emoji", "leet"):
        try:
            parse_pairs(t[key], f"text.{key}")
        except ValueError as e:
            raise PackError(f"{label}: {e}") from e
    for code, cfg in doc["typologies"].items():
        if "category" in cfg and cfg["category"] not in t["lexicons"]:
            raise PackError(
                f"{label}: typologies.{code}.category: {cfg['category']!r} is not one of "
                + ", ".join(t["lexicons"])
            )


_KEY_VALUE = re.compile(r"^[^=\s]+=[^=\s]+$")


def _check_resolve(doc: dict[str, Any], label: str) -> None:
    r = doc["resolve"]
    if r["method"] not in ("splink", "exact"):
        raise PackError(f"{label}: resolve.method: {r['method']!r} is not one of splink, exact")
    if r["phone_digits"] < 6:
        raise PackError(f"{label}: resolve.phone_digits: {r['phone_digits']!r} must be at least 6")
    for path, items in (
        ("resolve.calling_codes", r["calling_codes"]),
        ("names.nicknames", doc["names"]["nicknames"]),
    ):
        for item in items:
            if not _KEY_VALUE.match(item):
                raise PackError(f"{label}: {path}: {item!r} is not KEY=VALUE (e.g. PH=63, ma=maria)")
    for item in r["calling_codes"]:
        cc, code = item.split("=")
        if len(cc) != 2 or not cc.isupper() or not code.isdigit():
            raise PackError(f"{label}: resolve.calling_codes: {item!r} is not COUNTRY=DIGITS (e.g. PH=63)")


@dataclass(frozen=True)
class Pack:
    """A loaded, checked typology pack."""

    doc: dict[str, Any]
    origin: str

    @property
    def name(self) -> str:
        return str(self.doc["pack"]["name"])

    @property
    def version(self) -> str:
        return str(self.doc["pack"]["version"])

    def path(self, value: str) -> Path:
        """A file the pack names (`media.bank_files`): a relative name is read from the pack's
        own folder, so a pack and its banks can move together; the built-in pack's from the
        folder Tanglaw runs in."""
        given = Path(value)
        if given.is_absolute() or self.origin == "built-in":
            return given
        return Path(self.origin).parent / given

    def typology(self, code: str) -> dict[str, Any]:
        return dict(self.doc["typologies"][code])

    def mode(self, code: str) -> str:
        """`live`, `shadow` or `off` for a built-in typology or a candidate."""
        if code in self.doc["typologies"]:
            return str(self.doc["typologies"][code].get("mode", "live"))
        return str(self.candidates[code]["mode"])

    @property
    def candidates(self) -> dict[str, dict[str, Any]]:
        return dict(self.doc.get("candidates", {}))

    def __getitem__(self, key: str) -> Any:
        return self.doc[key]


def dump_pack(pack: Pack) -> str:
    """The pack as TOML (comments are not kept)."""
    import tomli_w

    return tomli_w.dumps(pack.doc)


def load_pack(path: Path | None = None) -> Pack:
    """Load the built-in pack, or a user's pack laid over it."""
    default = _default_doc()
    if path is None:
        _check_values(default, DEFAULT_PACK)
        return Pack(default, "built-in")
    label = str(path)
    try:
        user = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise PackError(f"{label}: no such file") from e
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise PackError(f"{label}: not valid TOML: {e}") from e
    doc = _merge(default, user, "", label)
    _check_values(doc, label)
    return Pack(doc, label)
