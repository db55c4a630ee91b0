"""Party records → `er_records`: the keys entity resolution compares.

Names: accents folded, "LAST, First" put back in order, punctuation dropped, abbreviations and
nicknames read through the pack's `names.nicknames` ("ma=maria"), particles and suffixes
(`names.particles`: "dela", "jr") dropped; the remaining full tokens give a given name (the
first), a family name (the last) and a sorted token set (so swapped order and a missing middle
name still compare). Phones: one international form (a trunk `0` or no prefix takes the
country's calling code from `resolve.calling_codes`; `+` and `00` are international), compared
on the last `resolve.phone_digits` digits. Emails are lower-cased, id numbers stripped to letters
and digits. An identifier shared by more than `resolve.max_parties_per_identifier` records is a
hub (an office line, a shared mailbox) and is blanked: it is never evidence.
"""

from __future__ import annotations

from ...engine.core import Engine
from ...engine.sqltext import literal
from ...pack import Pack


def family_tokens_sql(name: str) -> str:
    """SQL for the words of a written name that may be family names, as a list: "LAST, First M."
    puts the family name first; otherwise the first word is the given name and the rest are
    middle (often the mother's family) and family names."""
    return (
        f"CASE WHEN {name} LIKE '%,%' THEN string_split(split_part({name}, ',', 1), ' ') "
        f"ELSE string_split(trim({name}), ' ')[2:] END"
    )


def surname_sql(token: str) -> str:
    """SQL for one family-name word as `entity_names.surnames` keeps it (lower case, letters only)."""
    return f"lower(regexp_replace({token}, '[^[:alpha:]]', '', 'g'))"


def surname_kept_sql(surname: str, pack: Pack) -> str:
    """SQL: whether a surname is one to compare (`names.min_surname_letters` letters or more, so
    that an initial is not one; not a particle such as "dela")."""
    particles = ", ".join(literal(w) for w in pack["names"]["particles"])
    letters = int(pack["names"]["min_surname_letters"])
    return f"(length({surname}) >= {letters} AND {surname} NOT IN ({particles}))"


def surnames_sql(name: str, pack: Pack) -> str:
    """SQL for the surnames of one written name (a payment message's originator, say), read as
    `entity_names.surnames` reads a party's name: a list, empty when there is none."""
    words = f"list_transform({family_tokens_sql(name)}, lambda t: {surname_sql('t')})"
    return f"coalesce(list_filter({words}, lambda s: {surname_kept_sql('s', pack)}), [])"


def pairs_list(items: list[str], what: str) -> list[tuple[str, str]]:
    """`["a=b", ...]` → `[(a, b), ...]` (validated by the pack loader)."""
    out = []
    for item in items:
        k, _, v = item.partition("=")
        if not k.strip() or not v.strip():
            raise ValueError(f"{what}: {item!r} is not KEY=VALUE")
        out.append((k.strip().lower(), v.strip().lower()))
    return out


def _values_sql(pairs: list[tuple[str, str]], key: str, value: str) -> str:
    """A two-column inline table, for joining (an empty list gives an empty table)."""
    if not pairs:
        return f"(SELECT NULL::VARCHAR AS {key}, NULL::VARCHAR AS {value} WHERE false)"
    rows = ", ".join(f"({literal(k)}, {literal(v)})" for k, v in pairs)
    return f"(SELECT * FROM (VALUES {rows}) AS t({key}, {value}))"


def records_sql(pack: Pack, source: str = "parties") -> str:
    """The SELECT that builds `er_records` from a table shaped like the contract's `parties`."""
    cfg, names = pack["resolve"], pack["names"]
    digits = int(cfg["phone_digits"])
    cap = int(cfg["max_parties_per_identifier"])
    nick = _values_sql(pairs_list(list(names["nicknames"]), "names.nicknames"), "short_name", "full_name")
    codes = _values_sql(
        [(k.upper(), v) for k, v in pairs_list(list(cfg["calling_codes"]), "resolve.calling_codes")],
        "country",
        "code",
    )
    particles = ", ".join(literal(w.lower()) for w in names["particles"]) or "''"
    return f"""
    WITH base AS MATERIALIZED (
        SELECT party_id, source, coalesce(lower(kind), 'person') = 'organization' AS is_org,
               CASE WHEN name LIKE '%,%'
                    THEN trim(split_part(name, ',', 2)) || ' ' || trim(split_part(name, ',', 1))
                    ELSE name END AS name0,
               name, birth_date, upper(nullif(trim(country), '')) AS country,
               nullif(lower(trim(city)), '') AS city,
               nullif(trim(regexp_replace(lower(strip_accents(address)), '[^a-z0-9]+', ' ', 'g')), '')
                   AS address,
               trim(phone) AS phone_raw, regexp_replace(phone, '[^0-9]', '', 'g') AS phone_digits,
               nullif(lower(trim(email)), '') AS email0,
               nullif(upper(regexp_replace(id_number, '[^0-9A-Za-z]', '', 'g')), '') AS id0
        FROM {source}
    ), words AS (
        SELECT party_id, unnest(w) AS t, generate_subscripts(w, 1) AS i
        FROM (SELECT party_id, string_split(regexp_replace(
                  regexp_replace(lower(strip_accents(name0)), '[''`’]', '', 'g'), '[^a-z]+', ' ', 'g'), ' ') AS w
              FROM base WHERE name0 IS NOT NULL)
    ), read_words AS (
        SELECT w.party_id, list(coalesce(n.full_name, w.t) ORDER BY w.i) AS toks
        FROM words w LEFT JOIN {nick} n ON n.short_name = w.t
        WHERE w.t <> '' AND coalesce(n.full_name, w.t) NOT IN ({particles})
        GROUP BY w.party_id
    ), tok AS (
        SELECT b.*, coalesce(r.toks, []) AS toks, c.code AS cc
        FROM base b LEFT JOIN read_words r USING (party_id) LEFT JOIN {codes} c ON c.country = b.country
    ), keyed AS (
        SELECT *,
               list_filter(toks, lambda t: length(t) > 1) AS full_toks,
               CASE WHEN phone_raw LIKE '+%' THEN phone_digits
                    WHEN phone_digits LIKE '00%' THEN substr(phone_digits, 3)
                    WHEN cc IS NULL THEN phone_digits
                    WHEN phone_digits LIKE '0%' THEN cc || substr(phone_digits, 2)
                    WHEN starts_with(phone_digits, cc) AND length(phone_digits) >= length(cc) + 9
                        THEN phone_digits
                    ELSE cc || phone_digits END AS e164
        FROM tok
    ), rec AS MATERIALIZED (
        SELECT party_id, source, is_org, name, birth_date, country, city, address,
               CASE WHEN length(full_toks) > 0 THEN full_toks END AS name_tokens,
               CASE WHEN length(full_toks) > 0 THEN array_to_string(list_sort(list_distinct(full_toks)), ' ')
                    END AS name_set,
               CASE WHEN length(toks[1]) > 1 THEN toks[1] END AS given,
               CASE WHEN length(toks) > 1 AND length(toks[-1]) > 1 THEN toks[-1] END AS family,
               CASE WHEN length(toks) > 1 THEN left(toks[-1], 1) END AS family_initial,
               CASE WHEN length(toks) > 0 THEN left(toks[1], 1) END AS given_initial,
               CASE WHEN length(e164) >= 7 THEN right(e164, {digits}) END AS phone0,
               CASE WHEN email0 LIKE '%_@_%' THEN email0 END AS email0,
               CASE WHEN length(id0) >= 4 THEN id0 END AS id0
        FROM keyed
    ), shared_phone AS (
        SELECT phone0, count(*) AS n FROM rec WHERE phone0 IS NOT NULL GROUP BY phone0
    ), shared_email AS (
        SELECT email0, count(*) AS n FROM rec WHERE email0 IS NOT NULL GROUP BY email0
    ), shared_id AS (
        SELECT id0, count(*) AS n FROM rec WHERE id0 IS NOT NULL GROUP BY id0
    )
    SELECT r.party_id, r.source, r.is_org, r.name, r.name_tokens, r.name_set, r.given, r.family,
           r.given_initial, r.family_initial, r.birth_date, r.country, r.city, r.address,
           CASE WHEN sp.n <= {cap} THEN r.phone0 END AS phone,
           CASE WHEN se.n <= {cap} THEN r.email0 END AS email,
           CASE WHEN si.n <= {cap} THEN r.id0 END AS id_number,
           coalesce(sp.n > {cap}, false) AS phone_is_hub,
           coalesce(se.n > {cap}, false) AS email_is_hub,
           coalesce(si.n > {cap}, false) AS id_is_hub
    FROM rec r
    LEFT JOIN shared_phone sp ON sp.phone0 = r.phone0
    LEFT JOIN shared_email se ON se.email0 = r.email0
    LEFT JOIN shared_id si ON si.id0 = r.id0
    """


def build_records(engine: Engine, pack: Pack, *, stage: str, source: str = "parties") -> None:
    """Write `er_records` (one row per party record) into the workspace."""
    engine.execute(f"CREATE TABLE er_records AS {records_sql(pack, source)}", stage=stage)
