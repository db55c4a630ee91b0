"""The Splink model: comparisons, blocking rules, and the shipped default parameters.

A model file is JSON: `{"format": "tanglaw-er-model/1", "matches_per_record": x, "trained_on":
"...", "splink": SPLINK_SETTINGS}`. `matches_per_record` (how many other records of the same
person a record has, on average, in the training data) sets Splink's prior for the data at hand:
the chance that two random records match is `matches_per_record / (records - 1)`, so the same
model suits 40,000 records and 1,000,000 (`records` is never taken below `trained_records`, the
size of the training data: a small bundle is not assumed to be denser in matches). The default model (`default_model.json`, shipped with
the package) was trained once on worlds from Tanglaw's own simulator with
`tanglaw entities train ... --truth`; a normal run reuses it and does not train.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from ...errors import PackError

FORMAT = "tanglaw-er-model/1"
DEFAULT_MODEL = "default_model.json"

#: columns of `er_records` that Splink reads
COLUMNS = (
    "party_id",
    "is_org",
    "name_tokens",
    "name_set",
    "given",
    "family",
    "given_initial",
    "family_initial",
    "birth_date",
    "country",
    "city",
    "address",
    "phone",
    "email",
    "id_number",
)

_SIM = 0.88


def _jw(a: str, b: str) -> str:
    return f"jaro_winkler_similarity({a}, {b}) >= {_SIM}"


def _level(sql: str, label: str, *, null: bool = False) -> dict[str, Any]:
    d: dict[str, Any] = {"sql_condition": sql, "label_for_charts": label}
    if null:
        d["is_null_level"] = True
    return d


def _simple(col: str, what: str) -> dict[str, Any]:
    return {
        "output_column_name": col,
        "comparison_description": what,
        "comparison_levels": [
            _level(f"{col}_l IS NULL OR {col}_r IS NULL", f"{what} missing", null=True),
            _level(f"{col}_l = {col}_r", f"same {what}"),
            _level("ELSE", f"{what}s differ"),
        ],
    }


def comparisons() -> list[dict[str, Any]]:
    """The comparisons, each level labelled with the words `entities show` prints."""
    name = {
        "output_column_name": "name",
        "comparison_description": "name",
        "comparison_levels": [
            _level("name_set_l IS NULL OR name_set_r IS NULL", "name missing", null=True),
            _level("name_set_l = name_set_r", "same name words"),
            _level(
                "len(list_intersect(name_tokens_l, name_tokens_r)) >= 2 AND "
                "(list_has_all(name_tokens_l, name_tokens_r) OR list_has_all(name_tokens_r, name_tokens_l))",
                "one name holds all words of the other (a middle name missing)",
            ),
            _level(
                f"({_jw('given_l', 'given_r')} AND {_jw('family_l', 'family_r')}) OR "
                f"({_jw('given_l', 'family_r')} AND {_jw('family_l', 'given_r')})",
                "given and family names agree closely (a typo or swapped order)",
            ),
            _level(
                "(given_l = given_r AND family_initial_l = family_initial_r AND (family_l IS NULL OR family_r IS NULL))"
                " OR (family_l = family_r AND given_initial_l = given_initial_r AND (given_l IS NULL OR given_r IS NULL))",
                "one name agrees and the other is given as its initial",
            ),
            _level(
                "given_l = given_r AND (family_initial_l IS NULL OR family_initial_r IS NULL)",
                "same given name, family name missing on one side",
            ),
            _level("ELSE", "names differ"),
        ],
    }
    dob = {
        "output_column_name": "birth_date",
        "comparison_description": "birth date",
        "comparison_levels": [
            _level("birth_date_l IS NULL OR birth_date_r IS NULL", "birth date missing", null=True),
            _level("birth_date_l = birth_date_r", "same birth date"),
            _level(
                "(year(birth_date_l) = year(birth_date_r))::INT + (month(birth_date_l) = month(birth_date_r))::INT"
                " + (day(birth_date_l) = day(birth_date_r))::INT = 2 OR "
                "(year(birth_date_l) = year(birth_date_r) AND month(birth_date_l) = day(birth_date_r)"
                " AND day(birth_date_l) = month(birth_date_r))",
                "birth dates differ in one part (year, month or day) or swap day and month",
            ),
            _level("ELSE", "birth dates differ"),
        ],
    }
    email = {
        "output_column_name": "email",
        "comparison_description": "email",
        "comparison_levels": [
            _level("email_l IS NULL OR email_r IS NULL", "email missing", null=True),
            _level("email_l = email_r", "same email"),
            _level(
                "split_part(email_l, '@', 1) = split_part(email_r, '@', 1)",
                "same email name at another domain",
            ),
            _level("ELSE", "emails differ"),
        ],
    }
    # one comparison for address, city and country: they are not independent (a shared address
    # is a shared city), so counting them apart would count one fact two or three times
    location = {
        "output_column_name": "location",
        "comparison_description": "address, city and country",
        "comparison_levels": [
            _level(
                "coalesce(address_l, city_l, country_l) IS NULL OR coalesce(address_r, city_r, country_r) IS NULL",
                "location missing",
                null=True,
            ),
            _level("address_l = address_r", "same address"),
            _level("city_l = city_r AND country_l IS NOT DISTINCT FROM country_r", "same city"),
            _level(
                "country_l = country_r AND (city_l IS NULL OR city_r IS NULL)",
                "same country, city missing on one side",
            ),
            _level("country_l = country_r", "same country, other city"),
            _level("ELSE", "countries differ"),
        ],
    }
    return [
        name,
        dob,
        _simple("phone", "phone"),
        email,
        _simple("id_number", "id number"),
        location,
    ]


def blocking_rules() -> list[str]:
    """Candidate pairs: records that share one of these. Each keeps blocks small at 1M records."""
    same_kind = " AND l.is_org = r.is_org"
    return [
        "l.phone = r.phone" + same_kind,
        "l.email = r.email" + same_kind,
        "l.id_number = r.id_number" + same_kind,
        "l.birth_date = r.birth_date AND l.given = r.given" + same_kind,
        "l.birth_date = r.birth_date AND l.family = r.family" + same_kind,
        "l.birth_date = r.birth_date AND l.country = r.country AND l.city = r.city" + same_kind,
        "l.given = r.given AND l.family = r.family AND l.country = r.country" + same_kind,
        "l.given = r.family AND l.family = r.given" + same_kind,
    ]


def training_blocks() -> list[str]:
    """EM training blocks: birth date and phone, never names (namesakes would look like matches)."""
    return ["l.birth_date = r.birth_date", "l.phone = r.phone"]


def base_settings() -> dict[str, Any]:
    """Splink settings without trained parameters."""
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "party_id",
        "probability_two_random_records_match": 1e-4,
        "blocking_rules_to_generate_predictions": blocking_rules(),
        "comparisons": comparisons(),
        "retain_matching_columns": False,
        "retain_intermediate_calculation_columns": False,
    }


def check_model(doc: Any, label: str) -> dict[str, Any]:
    """A model document as read from JSON, checked enough to be used."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise PackError(f"{label}: not a Tanglaw entity-resolution model (format {FORMAT})")
    s = doc.get("splink")
    if not isinstance(s, dict) or not isinstance(s.get("comparisons"), list):
        raise PackError(f"{label}: the model has no Splink settings")
    mpr = doc.get("matches_per_record")
    if not isinstance(mpr, (int, float)) or isinstance(mpr, bool) or not 0 < mpr < 100:
        raise PackError(f"{label}: matches_per_record must be a number between 0 and 100")
    return doc


def default_model() -> dict[str, Any]:
    text = resources.files("tanglaw.stages.resolve").joinpath(DEFAULT_MODEL).read_text(encoding="utf-8")
    return check_model(json.loads(text), f"built-in {DEFAULT_MODEL}")


def read_model(path: Path) -> dict[str, Any]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise PackError(f"{path}: no such file") from e
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise PackError(f"{path}: not valid JSON: {e}") from e
    return check_model(doc, str(path))


def settings_for(model: dict[str, Any], n_records: int) -> dict[str, Any]:
    """The model's Splink settings with the prior set for `n_records` records."""
    s = json.loads(json.dumps(model["splink"]))
    # a bundle smaller than the training data is not taken to be denser in matches than it was
    n = max(n_records, int(model.get("trained_records", 0)), 2)
    s["probability_two_random_records_match"] = min(0.5, float(model["matches_per_record"]) / (n - 1))
    # keeps each comparison's match weight (`mw_NAME`) in the output, for `entities show`
    s["retain_intermediate_calculation_columns"] = True
    s["blocking_rules_to_generate_predictions"] = [
        {"blocking_rule": r, "sql_dialect": "duckdb"} for r in blocking_rules()
    ]
    return s


#: the trained model kept beside a run's outputs; later runs into the same folder reuse it
MODEL_FILE = "er-model.json"


def model_in_use(out_dir: Path) -> tuple[dict[str, Any], str]:
    """The model a run into `out_dir` uses: `OUT/er-model.json` if there is one, else the default."""
    path = out_dir / MODEL_FILE
    if path.exists():
        return read_model(path), str(path)
    return default_model(), "built-in"
