"""Features: the corridor payments the finance typologies look at, summed up per payer and receiver.

A corridor payment is a person-to-person payment (not a purchase, not a cash-out) across a
border into a country of the pack's `high_risk_receiving` list, within the pack's amount band.
"""

from __future__ import annotations

from typing import Any

from ...engine.core import Engine
from ...engine.sqltext import literal
from ...engine.sqltext import literal_list as sql_list
from ...media.signals import build_media_matches
from ...pack import Pack
from ...text.signals import build_message_signals
from ..resolve.normalise import surnames_sql
from .households import build_receiver_households

STAGE = "detect"


def night_sql(pack: Pack, hour: str) -> str:
    """SQL that is true when the local hour `hour` falls in the pack's night window."""
    start, end = int(pack["time"]["night_start_hour"]), int(pack["time"]["night_end_hour"])
    joiner = "OR" if start > end else "AND"
    return f"({hour} >= {start} {joiner} {hour} < {end})"


def mcc_in_sql(ranges: list[str]) -> str:
    """SQL: whether `merchant_category` (ISO 18245) falls in one of the ranges ("7011-7011")."""
    parts = []
    for r in ranges:
        lo, _, hi = r.partition("-")
        parts.append(f"(TRY_CAST(merchant_category AS INTEGER) BETWEEN {int(lo)} AND {int(hi or lo)})")
    return "(" + " OR ".join(parts) + ")" if parts else "false"


_REGEX_SPECIAL = set("\\.^$|?*+()[]{}")


def regex_literal(word: str) -> str:
    """A word from the pack as a regular expression that matches the word itself (`c++ course`
    is text, not a pattern), quoted for a SQL string literal."""
    return literal("".join("\\" + ch if ch in _REGEX_SPECIAL else ch for ch in word))[1:-1]


def any_word_regex(words: list[str]) -> str:
    """The pack's words, lower-cased and each matched as itself, as one alternation (a pattern
    that matches nothing for no words)."""
    return "|".join(regex_literal(w.lower()) for w in words) or "[^\\s\\S]"


def keyword_regex(words: list[str]) -> str:
    return f"(^|[^a-z])({any_word_regex(words)})([^a-z]|$)"


def _mentions(words: list[str], column: str = "reference") -> str:
    """SQL: a payment's reference (`column`) holds one of `words` (whole words, any letter case)."""
    return f"coalesce(regexp_matches(lower({column}), '{keyword_regex(words)}'), false)"


def _order_ref(pack: Pack) -> str:
    """SQL: a payment's reference is an order, invoice or parcel reference, or names the goods
    (`lists.order_reference_words`: "order #1042", "INV-2291", "diamonds"): a purchase."""
    words = _mentions(pack["lists"]["order_reference_words"])
    return f"({words} OR coalesce(regexp_matches(reference, '# *[0-9]{{3,}}'), false))"


def cse_banned_accounts(pack: Pack) -> str:
    """SQL: the ids of the accounts banned for child sexual exploitation. The contract's
    `banned_reason` is set for such bans only, but some sources fill it for every ban: a reason
    that names another cause (`lists.other_ban_words`) and none of `lists.cse_ban_words` is no
    such ban; nor is one that names the holder's own age (`lists.own_age_ban_phrases`: "underage
    user", a child's account). Whole words, any letter case; the words are the pack's, never the
    bundle's."""
    lists = pack["lists"]
    other = keyword_regex(lists["other_ban_words"])
    cse = keyword_regex(lists["cse_ban_words"])
    own_age = keyword_regex(lists["own_age_ban_phrases"])  # no phrases: a pattern matching nothing
    return f"""(SELECT account_id FROM accounts WHERE nullif(trim(banned_reason), '') IS NOT NULL
              AND NOT (regexp_matches(lower(banned_reason), '{other}')
                       AND NOT regexp_matches(lower(banned_reason), '{cse}'))
              AND NOT regexp_matches(lower(banned_reason), '{own_age}'))"""


#: the words counted per receiver: `<kind>_ref` per corridor payment, and per receiver the
#: `<kind>_share` of its payments and the `n_<kind>_senders` (unrelated) who wrote them
WORDED = ("order", "fan", "pretext")
#: the look-alike kind of a romance scam's mule (`lookalikes.romance`)
ROMANCE_KIND = "paid by romance-scam victims"
#: the words of a receiver paid by overseas workers who support families at home (`lookalikes.diaspora`)
DIASPORA_KIND = "paid by overseas workers who support families at home"
#: the words of a receiver its senders met in person (`lookalikes.visitors`)
VISITORS_KIND = "paid by visitors who met it in person"


#: receivers that are shops or performers (`receiver_profiles.lookalike`): payments to them are
#: purchases, never a payer's pattern nor a household's money
LOOKALIKE_RECEIVERS = "(SELECT entity_id FROM receiver_profiles WHERE lookalike)"
#: the look-alike flags of `receiver_profiles`, in the order their words are chosen for its
#: `lookalike_kind` (the first that applies)
LOOKALIKE_KINDS = (
    ("seller_like", "a shop"),
    ("performer_like", "a performer"),
    ("tipped_like", "tipped by fans"),
    ("creator_like", "paid by fans on a platform"),
    ("regulars_like", "paid by regulars"),
    ("young_buyers_like", "buyers mostly under 30"),
    ("relatives_like", "supported by relatives abroad"),
    ("diaspora_like", DIASPORA_KIND),
    ("visitors_like", VISITORS_KIND),
    ("payouts_like", "paid out by an institution"),
    ("romance_like", ROMANCE_KIND),
)
#: the shops and performers whose payments are no sextortion victim's either: a receiver paid
#: mostly by young people stays in (an extortionist's victims are young too) unless they come back
#: to it (a victim pays in one burst and stops), and so do a romance scam's mule (an
#: extortionist's victims may write "loan" too) and a shop known only by its many buyers who buy
#: once or twice (each victim pays an extortionist once or twice too); a receiver whose customers
#: name what they buy is a shop here whatever else it is (a payment under threat names no goods).
#: A receiver paid by overseas workers who support families at home is no extortionist's: a
#: fundraiser's donors each give once too (measured, fourteenth pass: no sextortion victim of E
#: seeds 1-2, G seed 11, J seeds 41-43, L seed 61, M seed 71 or N seed 81 pays one; 37 of N seed
#: 81's diaspora remitters were called victims for a donation to a medical fundraiser)
SHOP_RECEIVERS = (
    "(SELECT entity_id FROM receiver_profiles"
    f" WHERE (({' OR '.join(f for f, _ in LOOKALIKE_KINDS if f not in ('seller_like', 'romance_like'))})"
    " AND NOT young_buyers_like) OR desk_like OR young_shop_like)"
)


#: per entity, the youngest birth date on its party records (one record of a parent's card or an
#: old typo does not make a teenager old): the sender's age for sextortion bursts and young buyers
BIRTH_DATES = """
            SELECT pe.entity_id, max(p.birth_date) AS birth_date
            FROM party_entities pe JOIN parties p USING (party_id) GROUP BY pe.entity_id"""


def age_at(birth_date: str, ts: str) -> str:
    """SQL: a person's age in whole years at `ts`, from `birth_date`; NULL where none is known or
    the birth date is later than `ts` (a record's error, not a child's age)."""
    return (
        f"(CASE WHEN {birth_date} <= CAST({ts} AS DATE) THEN date_diff('year', {birth_date}, CAST({ts} AS DATE))"
        f" - CASE WHEN strftime({birth_date}, '%m%d') > strftime({ts}, '%m%d') THEN 1 ELSE 0 END END)"
    )


def with_age(relation: str, ts: str) -> str:
    """SQL: the rows of `relation` (with an `entity_id`) and the person's `age` at its column `ts`
    (`age_at`, from the entity's records' birth date)."""
    return (
        f"SELECT {relation}.*, {age_at('b.birth_date', f'{relation}.{ts}')} AS age "
        f"FROM {relation} LEFT JOIN ({BIRTH_DATES}) b USING (entity_id)"
    )


def once_per_payment(rows: str, pack: Pack) -> str:
    """SQL: the payments of relation `rows` (with txn_id, source, ts, amount_usd, s_ent, r_ent),
    each once: a payment that a second organisation reports too (another source, between the same
    two people, within `payments.duplicate_window_minutes`, the amount within
    `duplicate_amount_tolerance`) is left out."""
    pay = pack["payments"]
    return f"""
        SELECT * EXCLUDE (prev_ts, prev_usd, prev_source) FROM (
            SELECT *, lag(ts) OVER w AS prev_ts, lag(amount_usd) OVER w AS prev_usd,
                   lag(source) OVER w AS prev_source
            FROM {rows} WINDOW w AS (PARTITION BY s_ent, r_ent ORDER BY ts, txn_id))
        WHERE NOT coalesce(source <> prev_source
                           AND ts - prev_ts <= INTERVAL {float(pay["duplicate_window_minutes"])} MINUTE
                           AND abs(amount_usd / nullif(prev_usd, 0) - 1) <= {float(pay["duplicate_amount_tolerance"])},
                           false)"""


def build_corridor_payments(engine: Engine, pack: Pack) -> None:
    lists, pay = pack["lists"], pack["payments"]
    # every cross-border payment between two people (and gift cards, bought or sent), once:
    # the same payment reported by two organisations is counted once
    in_person = mcc_in_sql(list(pack["time"]["in_person_mcc_ranges"]))
    # each payment a person made in person (a hotel, a meal, a tour, cash) in another country,
    # read once for the days he was there and for his first visit to each country
    engine.execute(
        f"""
        CREATE TEMP TABLE __detect__visits AS
        SELECT ae.entity_id, p.r_country AS country, p.ts
        FROM payments p JOIN account_entities ae ON ae.account_id = p.s_acc
        WHERE p.is_purchase AND p.r_country <> p.s_country AND {in_person}
        """,
        stage=STAGE,
    )
    engine.execute(
        f"""
        CREATE TABLE cross_border_payments AS
        WITH present AS (
            -- the days (one either side) a person paid for a hotel, a meal or a tour in person in
            -- another country: he was there, and his local time was that country's
            SELECT DISTINCT v.entity_id, v.country, CAST(v.ts AS DATE) + d.d AS day
            FROM __detect__visits v CROSS JOIN (VALUES (-1), (0), (1)) AS d(d)
        ), named AS (
            -- the surnames a payment message writes (the travel rule's originator and beneficiary
            -- names), read once per payment as entity resolution reads a party's name
            SELECT p.*, {surnames_sql("p.sender_name", pack)} AS s_written,
                   {surnames_sql("p.receiver_name", pack)} AS r_written
            FROM payments p
        ), x AS (
            SELECT p.txn_id, p.source, p.ts, p.amount, p.currency, p.amount_usd, p.s_acc, p.r_acc, p.channel,
                   p.s_country, p.r_country, p.reference, p.is_purchase,
                   se.entity_id AS s_ent, re.entity_id AS r_ent,
                   -- paid while in the receiving country (a traveller paying a guide or a host):
                   -- the sender's local hour is that country's, not his home's
                   pr.entity_id IS NOT NULL AS in_country,
                   CASE WHEN pr.entity_id IS NOT NULL
                        THEN hour(p.ts + to_minutes(coalesce(rt.offset_min, 0))) ELSE p.s_local_hour END
                       AS s_local_hour,
                   coalesce(rn.is_organization, false) AS r_is_organization,
                   -- a family tie: a surname both sides' records share, or one a message writes for
                   -- one side that the other side's records or message share
                   len(list_intersect(list_concat(coalesce(sn.surnames, []), p.s_written),
                                      list_concat(coalesce(rn.surnames, []), p.r_written))) > 0 AS family,
                   -- beneficiaries who share a surname are one household to send to
                   coalesce(nullif(array_to_string(list_sort(rn.surnames), ' '), ''), re.entity_id) AS r_household
            FROM named p
            JOIN account_entities se ON se.account_id = p.s_acc
            JOIN account_entities re ON re.account_id = p.r_acc
            LEFT JOIN entity_names sn ON sn.entity_id = se.entity_id
            LEFT JOIN entity_names rn ON rn.entity_id = re.entity_id
            LEFT JOIN present pr ON pr.entity_id = se.entity_id AND pr.country = p.r_country
                                AND pr.day = CAST(p.ts AS DATE)
            LEFT JOIN country_offsets rt ON rt.country = p.r_country
            WHERE NOT p.is_business_sender AND p.s_country <> p.r_country AND se.entity_id <> re.entity_id
              AND p.amount_usd > 0 AND (NOT p.is_purchase OR p.channel = 'gift_card')
        )
        {once_per_payment("x", pack)}
        """,
        stage=STAGE,
    )
    # the first time each person paid in person (a hotel, a meal, cash) in another country: from
    # then on, people he pays there may be people he met there
    engine.execute(
        """
        CREATE TABLE first_visits AS
        SELECT entity_id, country, min(ts) AS first_visit FROM __detect__visits GROUP BY entity_id, country;
        DROP TABLE __detect__visits;
        """,
        stage=STAGE,
    )
    # a payer of many people abroad is an institution paying out (a platform's creator payouts, a
    # charity's grants, a payroll), not a person paying for shows: its payments leave the
    # person-to-person table (receiver profiles still count them as payouts, from `payments`)
    engine.execute(
        f"""
        CREATE TABLE mass_payers AS
        SELECT s_ent AS entity_id, count(DISTINCT r_ent) AS n_payees FROM cross_border_payments
        GROUP BY s_ent HAVING count(DISTINCT r_ent) >= {int(pack["lookalikes"]["payouts"]["min_payees"])};
        DELETE FROM cross_border_payments WHERE s_ent IN (SELECT entity_id FROM mass_payers);
        """,
        stage=STAGE,
    )
    engine.execute(
        f"""
        CREATE TABLE corridor_payments AS
        SELECT txn_id, source, ts, amount, currency, amount_usd, s_acc, r_acc, channel, s_country, r_country,
               reference, s_local_hour, s_ent, r_ent, family, r_household, in_country,
               {night_sql(pack, "s_local_hour")} AS night,
               (abs(amount / {float(pay["round_unit"])} - round(amount / {float(pay["round_unit"])}))
                   < 1e-9) AS round_amount,
               {_mentions(lists["reference_keywords"])} AS keyword,
               -- an order, invoice or parcel reference: "order #1042", "INV-2291" (a purchase)
               {_order_ref(pack)} AS order_ref,
               -- a fan's words: "tip", "subscription", "tokens" (a show bought from a performer)
               {_mentions(lists["fan_reference_words"])} AS fan_ref,
               -- a romance scam's pretexts: "visa fee", "customs", "ticket", "loan" (a victim paying
               -- the person he believes he loves)
               {_mentions(lists["romance_pretext_words"])} AS pretext_ref
        FROM cross_border_payments
        WHERE NOT is_purchase AND NOT r_is_organization
          AND r_country IN ({sql_list(lists["high_risk_receiving"])})
          AND amount_usd BETWEEN {float(pay["min_amount_usd"])} AND {float(pay["max_amount_usd"])}
        """,
        stage=STAGE,
    )
    # an account whose holder has no surname on record (a wallet with no party record) paid by
    # mostly the same senders as a named beneficiary is that beneficiary's other account: one
    # household to send to (a performer's wallet beside her cash pickups is no second beneficiary)
    share = float(pack["payments"]["twin_sender_share"])
    engine.execute(
        f"""
        UPDATE corridor_payments SET r_household = t.household FROM (
            WITH s AS (SELECT DISTINCT r_ent, r_household, s_ent FROM corridor_payments WHERE NOT family),
            n AS (SELECT r_ent, count(*) AS n FROM s GROUP BY r_ent),
            shared AS (
                SELECT a.r_ent, b.r_household AS household, count(*) AS n_shared
                FROM s a JOIN s b ON a.s_ent = b.s_ent AND b.r_ent <> a.r_ent AND b.r_household <> b.r_ent
                WHERE a.r_household = a.r_ent GROUP BY ALL
            )
            -- the named household it shares most senders with (ties: the first by name)
            SELECT sh.r_ent, sh.household
            FROM shared sh JOIN n ON n.r_ent = sh.r_ent
            WHERE sh.n_shared >= 2 AND sh.n_shared >= {share} * n.n
            QUALIFY row_number() OVER (PARTITION BY sh.r_ent ORDER BY sh.n_shared DESC, sh.household) = 1
        ) t WHERE corridor_payments.r_ent = t.r_ent
        """,
        stage=STAGE,
    )


def _at_least(n: str, total: str, min_n: Any, share: Any) -> str:
    """SQL over `receiver_profiles`' columns: at least `min_n` of a receiver's senders that `n`
    counts, and at least `share` of `total`; false when `min_n` is 0 (off)."""
    return f"{n} >= {int(min_n)} AND {n} >= {float(share)} * {total}" if int(min_n) else "false"


def _worded(what: str, share: float, senders: int) -> str:
    """SQL over `receiver_profiles`' columns: at least `share` of a receiver's payments carry
    `what`'s words (`<what>_share`), written by at least `senders` unrelated senders
    (`n_<what>_senders`)."""
    return f"{what}_share >= {float(share)} AND n_{what}_senders >= {int(senders)}"


def build_receiver_profiles(engine: Engine, pack: Pack) -> None:
    """Per receiving entity, what its senders look like as a whole: how many buy once, how many
    payments carry order references, how much comes from relatives, and what its own broadcasts
    look like. A seller-like receiver (`lookalikes.seller`) is a shop, a performer-like one
    (`lookalikes.performer`) broadcasts to a broad audience or is tipped by fans (a fan's words on
    its payments), a regulars-like one
    (`lookalikes.regulars`) is paid by regulars who pay no one else, for months, a young-buyers-like
    one (`lookalikes.young_buyers`) mostly by young people (game items, school things), a
    payouts-like one (`lookalikes.payouts`) mostly by institutions that pay many people (creator
    payouts), a relatives-like one (`lookalikes.relatives`) by several senders of its surname and
    most likely their in-laws: payments to any of them are purchases of goods or shows (or a
    family's support), not a payer's pattern (`lookalike`). A desk-like one (`lookalikes.p2p_desk`), paid by many people
    mostly at home, is only kept out of the sextortion bursts (`SHOP_RECEIVERS`)."""
    s = pack["lookalikes"]["seller"]
    a = pack["lookalikes"]["performer"]
    g = pack["lookalikes"]["regulars"]
    y = pack["lookalikes"]["young_buyers"]
    o = pack["lookalikes"]["payouts"]
    paid_out = (
        f"coalesce(inc.n_payouts, 0) >= {int(o['min_payouts'])} "
        f"AND inc.n_payouts >= {float(o['min_share'])} * inc.n_abroad"
    )
    f = pack["lookalikes"]["relatives"]
    # supported by relatives abroad: enough of its senders abroad share its surname (the family
    # tie of `family`) that the others are most likely in-laws
    relatives = _at_least(
        "n_senders - n_unrelated", "n_senders", f["min_family_senders"], f["min_family_share"]
    )
    # paid by overseas workers who support families at home: most of its unrelated senders also send
    # money to relatives in the country (their family's support, `family`), as a store selling
    # phone load, a fundraiser, a savings group, a relative by marriage are
    d = pack["lookalikes"]["diaspora"]
    diaspora = (
        f"n_unrelated >= {int(d['min_senders'])} AND n_supporting >= {float(d['supporting_share'])} * n_unrelated"
        if int(d["min_senders"])
        else "false"
    )
    # met in person by visitors: several of its unrelated senders abroad first paid it after they had
    # been in its country in person (a hotel, a meal, cash there: `first_visits`), as travellers pay
    # a guide, a host or a friend they met
    v = pack["lookalikes"]["visitors"]
    visitors = _at_least("n_met", "n_unrelated", v["min_met"], v["met_share"])
    k = pack["lookalikes"]["p2p_desk"]
    desk = (
        f"coalesce(inc.n_all_senders, 0) >= {int(k['min_senders'])} "
        f"AND inc.n_foreign_senders < {float(k['max_foreign_share'])} * inc.n_all_senders"
    )
    young = (
        f"n_aged >= {int(y['min_aged_senders'])} AND median_sender_age < {float(y['max_median_age'])} "
        f"AND n_older <= {int(y['max_older_senders'])}"
    )
    # a shop for the sextortion typology too: young customers who come back after a burst's
    # window, or customers of any age who name what they buy
    back = (
        f"({young} AND returning_share >= {float(y['min_returning_share'])}) "
        f"OR ({_worded('order', y['order_share'], y['min_order_senders'])})"
    )
    window_days = float(pack.typology("FIN_SEXTORTION_VICTIM")["window_hours"]) / 24
    # regular customers: several unrelated senders who pay no one else and keep paying for months
    regulars = (
        f"n_unrelated >= {int(g['min_senders'])} AND exclusive_share >= {float(g['exclusive_share'])} "
        f"AND sender_span_days >= {float(g['min_span_days'])}"
    )
    # a broad audience, and shows mostly public or paid on the platform (tokens)
    performer = (
        f"h.n_viewers >= {int(a['min_viewers'])} AND (h.private_share <= {float(a['max_private_share'])} "
        f"OR h.paid_share >= {float(a['min_paid_share'])})"
    )
    # a shop: order references on enough of its payments, from several senders (a man's habit of
    # writing "invoice" is no shop's custom), or many buyers who buy once or twice
    seller = (
        f"({_worded('order', s['order_share'], s['min_order_senders'])}) "
        f"OR (n_senders >= {int(s['min_buyers'])} AND one_off_share >= {float(s['one_off_share'])})"
    )
    # tipped by fans: a fan's words on its payments ("tip", "subscription"), from several senders
    tipped = _worded("fan", a["fan_reference_share"], a["min_fan_senders"])
    # a romance scam's mule: its senders write the scam's pretexts (a visa fee, customs, a loan)
    m = pack["lookalikes"]["romance"]
    romance = _worded("pretext", m["pretext_share"], m["min_pretext_senders"])
    worded_columns = ",\n               ".join(
        f"sum(n_{k}) / sum(n) AS {k}_share, count(*) FILTER (WHERE n_{k} > 0 AND NOT family) AS n_{k}_senders"
        for k in WORDED
    )
    engine.execute(
        f"""
        CREATE TABLE receiver_profiles AS
        WITH breadth AS (
            -- how many unrelated beneficiaries each sender pays (the collectors of one household
            -- counted apart: a payer spreading payments over a household's accounts is no regular)
            SELECT s_ent, count(DISTINCT r_ent) AS n_beneficiaries FROM corridor_payments
            WHERE NOT family GROUP BY s_ent
        ), supporters AS (
            -- senders who send money to relatives in the country too (a family tie, `family`)
            SELECT DISTINCT s_ent FROM corridor_payments WHERE family
        ), ages AS ({BIRTH_DATES}
        ), paid_pairs AS (
            SELECT c.r_ent, c.s_ent, count(*) AS n, bool_or(c.family) AS family,
                   {", ".join(f"sum(c.{k}_ref::INTEGER) AS n_{k}" for k in WORDED)},
                   epoch(max(c.ts) - min(c.ts)) / 86400.0 AS span_days,
                   date_diff('day', any_value(a.birth_date), CAST(min(c.ts) AS DATE)) / 365.25 AS sender_age,
                   min(c.ts) AS first_paid, bool_or(c.in_country) AS paid_there, any_value(c.r_country) AS r_country
            FROM corridor_payments c LEFT JOIN ages a ON a.entity_id = c.s_ent GROUP BY c.r_ent, c.s_ent
        ), pairs AS (
            -- he met it in person: first paid it while in its country or after he had been there
            SELECT p.*, p.paid_there OR coalesce(v.first_visit <= p.first_paid, false) AS met
            FROM paid_pairs p LEFT JOIN first_visits v ON v.entity_id = p.s_ent AND v.country = p.r_country
        ), incoming AS (
            -- everyone who pays it, at home and abroad (purchases aside; businesses only as payers
            -- out), its payments from abroad that are payouts: from payers who pay many people
            -- abroad (`mass_payers`) or are organisations and merchants by their kind, and the
            -- people who pay its platform accounts on the platform (a card payment to a platform
            -- user: a tip or a subscription bought from a creator, `lookalikes.performer`)
            SELECT re.entity_id AS r_ent,
                   count(DISTINCT se.entity_id) FILTER (WHERE NOT p.is_purchase AND NOT p.is_business_sender)
                       AS n_all_senders,
                   count(DISTINCT se.entity_id) FILTER (WHERE NOT p.is_purchase AND NOT p.is_business_sender
                                                        AND p.s_country <> p.r_country) AS n_foreign_senders,
                   count(*) FILTER (WHERE NOT p.is_purchase AND p.s_country <> p.r_country AND p.amount_usd > 0)
                       AS n_abroad,
                   count(*) FILTER (WHERE NOT p.is_purchase AND p.s_country <> p.r_country AND p.amount_usd > 0
                                    AND (p.is_business_sender OR m.entity_id IS NOT NULL)) AS n_payouts,
                   count(DISTINCT se.entity_id) FILTER (WHERE p.is_purchase AND se.entity_id <> re.entity_id)
                       AS n_platform_fans
            FROM payments p
            JOIN account_entities re ON re.account_id = p.r_acc
            JOIN account_entities se ON se.account_id = p.s_acc
            LEFT JOIN mass_payers m ON m.entity_id = se.entity_id
            WHERE (NOT p.is_purchase OR p.r_kind = 'platform') AND re.entity_id IN (SELECT r_ent FROM pairs)
            GROUP BY re.entity_id
        ), hosting AS (
            SELECT he.entity_id AS r_ent, count(DISTINCT s.viewer_account_id) AS n_viewers,
                   avg(coalesce(s.private, false)::INTEGER) AS private_share,
                   avg((coalesce(s.paid_amount, 0) > 0)::INTEGER) AS paid_share
            FROM sessions s JOIN account_entities he ON he.account_id = s.host_account_id
            WHERE he.entity_id IN (SELECT r_ent FROM pairs) GROUP BY he.entity_id
        ), r AS (
            SELECT r_ent AS entity_id, count(*) AS n_senders, count(*) FILTER (WHERE NOT family) AS n_unrelated,
                   count(*) FILTER (WHERE NOT family AND s_ent IN (SELECT s_ent FROM supporters)) AS n_supporting,
                   count(*) FILTER (WHERE NOT family AND met) AS n_met,
                   sum(n) AS n_payments,
                   avg((n <= {int(s["one_off_payments"])})::INTEGER) AS one_off_share,
               -- order references, a fan's words and a romance scam's pretexts: the share of its
               -- payments that carry them, and how many unrelated senders wrote them
               {worded_columns},
               -- regulars: its unrelated senders pay no one else, and each keeps paying
               -- it for months (a performer's or a creator's regular customers)
               avg((b.n_beneficiaries <= 1)::INTEGER) FILTER (WHERE NOT family) AS exclusive_share,
               median(span_days) FILTER (WHERE NOT family) AS sender_span_days,
               -- how old its unrelated senders were when they first paid it, where records say
               count(sender_age) FILTER (WHERE NOT family) AS n_aged,
               median(sender_age) FILTER (WHERE NOT family) AS median_sender_age,
               count(*) FILTER (WHERE NOT family AND sender_age >= {float(y["older_age"])}) AS n_older,
               -- senders who came back after a sextortion burst's window (customers return)
               avg((span_days > {window_days})::INTEGER) FILTER (WHERE NOT family) AS returning_share
            FROM pairs LEFT JOIN breadth b USING (s_ent) GROUP BY r_ent
        ), flags AS (
            SELECT r.*, ({seller}) AS seller_like,
                   coalesce(inc.n_payouts, 0) AS n_payouts, coalesce({paid_out}, false) AS payouts_like,
                   coalesce(inc.n_all_senders, 0) AS n_all_senders, coalesce({desk}, false) AS desk_like,
                   coalesce(h.n_viewers, 0) AS n_viewers, h.private_share, h.paid_share,
                   coalesce({performer}, false) AS performer_like,
                   ({tipped}) AS tipped_like,
                   coalesce(inc.n_platform_fans, 0) AS n_platform_fans,
                   {int(a["min_platform_fans"])} > 0
                       AND coalesce(inc.n_platform_fans, 0) >= {int(a["min_platform_fans"])} AS creator_like,
                   coalesce({regulars}, false) AS regulars_like,
                   coalesce({young}, false) AS young_buyers_like,
                   coalesce({back}, false) AS young_shop_like,
                   {relatives} AS relatives_like,
                   coalesce({diaspora}, false) AS diaspora_like,
                   coalesce({visitors}, false) AS visitors_like,
                   ({romance}) AS romance_like
            FROM r LEFT JOIN hosting h ON h.r_ent = r.entity_id LEFT JOIN incoming inc ON inc.r_ent = r.entity_id
        ), kinds AS (
            -- which look-alike it is, in words for the evidence (the first that applies)
            SELECT *, CASE {" ".join(f"WHEN {f} THEN {literal(k)}" for f, k in LOOKALIKE_KINDS)} END AS lookalike_kind
            FROM flags
        )
        SELECT *, lookalike_kind IS NOT NULL AS lookalike FROM kinds
        """,
        stage=STAGE,
    )


def build_payer_features(engine: Engine) -> None:
    engine.execute(
        f"""
        CREATE TABLE payer_features AS
        WITH x AS (
            SELECT *, epoch(ts - lag(ts) OVER (PARTITION BY s_ent ORDER BY ts, txn_id)) / 86400.0 AS gap_days,
                   row_number() OVER (PARTITION BY s_ent ORDER BY ts, txn_id) AS rn,
                   count(*) OVER (PARTITION BY s_ent) AS n,
                   min(ts) OVER (PARTITION BY s_ent) AS t0, max(ts) OVER (PARTITION BY s_ent) AS t1
            FROM corridor_payments
            -- purchases from a shop are not a payer's pattern
            WHERE r_ent NOT IN {LOOKALIKE_RECEIVERS}
        ), paid AS (
            -- legal adult webcam customers pay on the platform (tokens, paid private shows)
            SELECT v_ent AS entity_id, sum(n_private) AS n_private_sessions,
                   sum(paid_share * n_sessions) / nullif(sum(n_sessions), 0) AS paid_session_share
            FROM session_pairs GROUP BY v_ent
        ), f AS (
        SELECT s_ent AS entity_id,
               count(*) AS n_payments,
               count(DISTINCT r_ent) AS n_beneficiaries,
               -- unrelated beneficiaries, those sharing a surname counted as one household
               count(DISTINCT r_household) FILTER (WHERE NOT family) AS n_unrelated,
               min(ts) AS first_ts, max(ts) AS last_ts,
               epoch(max(ts) - min(ts)) / 86400.0 AS span_days,
               avg(night::INTEGER) AS night_share,
               count(*) FILTER (WHERE in_country) AS n_in_country,
               avg(round_amount::INTEGER) AS round_share,
               avg(keyword::INTEGER) AS keyword_share,
               avg(family::INTEGER) AS family_share,
               avg(pretext_ref::INTEGER) AS pretext_share,
               median(amount_usd) AS median_usd,
               sum(amount_usd) AS total_usd,
               coalesce(avg(amount_usd) FILTER (WHERE rn > 2 * n / 3.0)
                   / nullif(avg(amount_usd) FILTER (WHERE rn <= n / 3.0), 0), 1) AS amount_growth,
               coalesce((count(*) FILTER (WHERE ts >= t0 + (t1 - t0) / 2))::DOUBLE
                   / nullif(count(*) FILTER (WHERE ts < t0 + (t1 - t0) / 2), 0), 1) AS pace_growth,
               median(gap_days) AS median_gap_days,
               stddev_samp(gap_days) / nullif(avg(gap_days), 0) AS gap_cv,
               list(DISTINCT s_country ORDER BY s_country) AS from_countries,
               list(DISTINCT r_country ORDER BY r_country) AS to_countries,
               any_value(reference ORDER BY keyword DESC, ts) FILTER (WHERE keyword) AS example_reference,
               any_value(reference ORDER BY ts) FILTER (WHERE pretext_ref) AS example_pretext,
               list(txn_id ORDER BY ts, txn_id) AS txn_ids
        FROM x GROUP BY s_ent
        )
        SELECT f.*, coalesce(paid.paid_session_share, 0) AS paid_session_share,
               coalesce(paid.n_private_sessions, 0) AS n_private_sessions
        FROM f LEFT JOIN paid USING (entity_id)
        """,
        stage=STAGE,
    )


def build_receiver_features(engine: Engine, pack: Pack) -> None:
    hours = float(pack.typology("FIN_FACILITATOR_COLLECTOR")["cash_out_hours"])
    engine.execute(
        f"""
        CREATE TABLE receiver_features AS
        WITH outgoing AS (
            SELECT ae.entity_id AS ent, p.ts AS out_ts
            FROM payments p JOIN account_entities ae ON ae.account_id = p.s_acc
            WHERE ae.entity_id IN (SELECT DISTINCT r_ent FROM corridor_payments)
        ), cashed AS (
            SELECT c.*, o.out_ts FROM corridor_payments c
            ASOF LEFT JOIN outgoing o ON o.ent = c.r_ent AND o.out_ts >= c.ts
        )
        SELECT r_ent AS entity_id,
               count(*) AS n_payments,
               count(DISTINCT s_ent) AS n_senders,
               count(DISTINCT s_ent) FILTER (WHERE NOT family) AS n_unrelated,
               count(DISTINCT s_country) AS n_sender_countries,
               list(DISTINCT s_country ORDER BY s_country) AS from_countries,
               list(DISTINCT r_country ORDER BY r_country) AS to_countries,
               min(ts) AS first_ts, max(ts) AS last_ts,
               median(amount_usd) AS median_usd, sum(amount_usd) AS total_usd,
               avg(night::INTEGER) AS night_share,
               avg(family::INTEGER) AS family_share,
               avg((out_ts IS NOT NULL AND epoch(out_ts - ts) <= {hours} * 3600)::INTEGER) AS cash_out_share,
               list(txn_id ORDER BY ts, txn_id) AS txn_ids
        FROM cashed GROUP BY r_ent
        """,
        stage=STAGE,
    )


def build_payment_bursts(engine: Engine, pack: Pack) -> None:
    """Per sender and new foreign beneficiary (every payment between them within one window): the
    pair, and the burst it belongs to. A victim told to pay by gift card, wallet and remittance
    pays several new accounts within hours, one payment each: the `burst_*` columns sum every
    such pair of the sender whose first payment falls within `window_hours` of this pair's."""
    p = pack.typology("FIN_SEXTORTION_VICTIM")
    w = float(p["window_hours"])
    ratio = float(p["escalation_ratio"])
    max_usd = float(p["max_amount_usd"])
    y = pack["lookalikes"]["young_buyers"]
    # a payment whose reference names an everyday shared cost ("pizza", "tickets", "my half"):
    # friends settling up, not a demand (`lists.shared_cost_words`); read over the payments of
    # the bursts only, not every cross-border payment
    shared = _mentions(pack["lists"]["shared_cost_words"], "p.ref")
    # Receivers that several people each paid in one short burst and never again, amounts rising
    # (an extortionist's collecting account: each victim pays a few times, more each time, then
    # stops), or, abroad in a country sextortion alerts name, that several people each paid from
    # abroad in one episode and never again (`collector_episode_senders`; 0: off). Per account pair
    # and reporting source first, then the fullest source's count (a payment that both the sender's
    # and the receiver's institution report is one payment), then
    # per pair of people; amounts are read again only for the receivers that enough people paid in
    # bursts.
    engine.execute(
        f"""
        CREATE TABLE burst_collectors AS
        WITH src AS (
            SELECT s_acc, r_acc, source, count(*) AS n, min(ts) AS first_ts, max(ts) AS last_ts,
                   max(amount_usd) AS max_usd, sum(amount_usd) AS total_usd,
                   bool_and(coalesce(s_country <> r_country, false)) AS abroad, any_value(r_country) AS r_country
            FROM payments
            WHERE NOT is_purchase AND NOT is_business_sender AND amount_usd > 0 AND s_acc <> r_acc
            GROUP BY s_acc, r_acc, source
        ), acc AS (
            SELECT s_acc, r_acc, max(n) AS n, min(first_ts) AS first_ts, max(last_ts) AS last_ts,
                   max(max_usd) AS max_usd, max(total_usd) AS total_usd, bool_and(abroad) AS abroad,
                   any_value(r_country) AS r_country
            FROM src GROUP BY s_acc, r_acc
        ), accs AS (
            SELECT se.entity_id AS s_ent, re.entity_id AS r_ent, a.*
            FROM acc a
            JOIN account_entities se ON se.account_id = a.s_acc
            JOIN account_entities re ON re.account_id = a.r_acc
            WHERE se.entity_id <> re.entity_id
        ), spans AS (
            -- per pair of people: every payment within one window, none above the cap
            SELECT s_ent, r_ent, sum(n) AS n, sum(total_usd) / sum(n) AS mean_usd,
                   epoch(max(last_ts) - min(first_ts)) / 3600.0 <= {w} AND max(max_usd) <= {max_usd} AS in_window,
                   bool_and(abroad) AS abroad, any_value(r_country) AS r_country
            FROM accs GROUP BY s_ent, r_ent
        ), pairs AS (
            -- a burst: two or more such payments; one episode: one or more, all from abroad
            SELECT *, n >= 2 AND in_window AS burst, in_window AND abroad AS episode FROM spans
        ), episodes AS (
            -- a receiver in a country sextortion alerts name that every one of several people paid
            -- from abroad in one episode and never again, one of them more than once (victims who
            -- paid once or twice each: no rising bursts to see)
            SELECT r_ent AS entity_id, count(*) AS n_senders, count(*) AS n_burst_senders,
                   0 AS n_rising_senders, true AS episodes
            FROM pairs
            WHERE r_ent NOT IN {SHOP_RECEIVERS} AND s_ent NOT IN (SELECT entity_id FROM mass_payers)
            GROUP BY r_ent
            HAVING {int(p["collector_episode_senders"]) > 0} AND bool_and(episode)
               AND count(*) >= {int(p["collector_episode_senders"])}
               AND count(*) FILTER (WHERE n >= 2) >= 1
               AND median(mean_usd) >= {float(p["collector_episode_min_usd"])}
               AND any_value(r_country) IN ({sql_list(pack["lists"]["sextortion_receiving"])})
        ), paid_in_bursts AS (
            SELECT r_ent FROM pairs WHERE r_ent NOT IN {SHOP_RECEIVERS}
            GROUP BY r_ent HAVING count(*) FILTER (WHERE burst) >= {int(p["collector_min_senders"])}
        ), paid AS (
            -- the payments to those receivers, read once (their words, then their amounts)
            SELECT a.s_ent, a.r_ent, x.ts, x.txn_id, x.amount_usd, {_order_ref(pack)} AS order_ref
            FROM accs a JOIN payments x ON x.s_acc = a.s_acc AND x.r_acc = a.r_acc
            WHERE a.r_ent IN (SELECT r_ent FROM paid_in_bursts) AND NOT x.is_purchase
        ), goods AS (
            -- a receiver whose payers name what they buy ("diamonds", "skin", "order #1042") is a
            -- shop, at home too (`SHOP_RECEIVERS` knows only receivers paid from abroad): a payment
            -- under threat names no goods (`lookalikes.young_buyers.order_share`,
            -- `min_order_senders`)
            SELECT r_ent FROM (
                SELECT r_ent, avg(order_ref::INTEGER) AS order_share,
                       count(DISTINCT s_ent) FILTER (WHERE order_ref) AS n_order_senders
                FROM paid GROUP BY r_ent)
            WHERE {_worded("order", y["order_share"], y["min_order_senders"])}
        ), candidates AS (
            SELECT r_ent FROM paid_in_bursts WHERE r_ent NOT IN (SELECT r_ent FROM goods)
        ), growth AS (
            -- the last payment of each burst against its first
            SELECT s_ent, r_ent,
                   arg_max(amount_usd, (ts, txn_id)) / nullif(arg_min(amount_usd, (ts, txn_id)), 0) >= {ratio}
                       AS rising
            FROM paid WHERE r_ent IN (SELECT r_ent FROM candidates) AND amount_usd > 0
            GROUP BY s_ent, r_ent
        ), b AS (
            SELECT p.r_ent, p.burst, p.burst AND coalesce(g.rising, false) AS rising
            FROM pairs p JOIN candidates USING (r_ent) LEFT JOIN growth g USING (s_ent, r_ent)
            WHERE p.s_ent NOT IN (SELECT entity_id FROM mass_payers)
        ), counts AS (
            SELECT r_ent AS entity_id, count(*) AS n_senders, count(*) FILTER (WHERE burst) AS n_burst_senders,
                   count(*) FILTER (WHERE rising) AS n_rising_senders
            FROM b GROUP BY r_ent
        ), rising AS (
            SELECT *, false AS episodes FROM counts
            WHERE n_burst_senders >= {int(p["collector_min_senders"])}
              AND n_rising_senders >= {int(p["collector_min_rising"])}
              AND n_rising_senders >= {float(p["collector_rising_share"])} * n_burst_senders
              AND n_burst_senders >= {float(p["collector_burst_share"])} * n_senders
        )
        SELECT * FROM rising
        UNION ALL
        SELECT * FROM episodes WHERE entity_id NOT IN (SELECT entity_id FROM rising)
        """,
        stage=STAGE,
    )
    engine.execute(
        f"""
        CREATE TABLE payment_bursts AS
        WITH to_collectors AS (
            -- payments at home to a collector (a victim in the collector's own country)
            SELECT p.txn_id, p.source, p.ts, p.amount_usd, p.s_country, p.r_country, p.reference,
                   se.entity_id AS s_ent, re.entity_id AS r_ent
            FROM payments p
            JOIN account_entities re ON re.account_id = p.r_acc
            JOIN account_entities se ON se.account_id = p.s_acc
            WHERE p.r_acc IN (SELECT ae.account_id FROM account_entities ae
                              JOIN burst_collectors c ON c.entity_id = ae.entity_id)
              AND NOT coalesce(p.s_country <> p.r_country, false) AND NOT p.is_purchase
              AND NOT p.is_business_sender AND p.amount_usd > 0 AND se.entity_id <> re.entity_id
        ), home AS ({once_per_payment("to_collectors", pack)}
        ), x AS (
            SELECT txn_id, ts, amount_usd, s_country, r_country, s_ent, r_ent, is_purchase, r_is_organization,
                   false AS domestic, reference
            FROM cross_border_payments
            -- buying from a shop is not paying an extortionist; nor is paying someone in the
            -- country one is visiting (a victim pays abroad from home)
            WHERE r_ent NOT IN {SHOP_RECEIVERS} AND NOT in_country
            UNION ALL
            SELECT txn_id, ts, amount_usd, s_country, r_country, s_ent, r_ent, false, false, true, reference
            FROM home
        ), pairs AS (
            SELECT s_ent, r_ent, count(*) AS n_payments, min(ts) AS first_ts, max(ts) AS last_ts,
                   bool_and(domestic) AS domestic,
                   max(amount_usd) AS max_usd, sum(amount_usd) AS total_usd,
                   arg_max(amount_usd, (ts, txn_id)) / nullif(arg_min(amount_usd, (ts, txn_id)), 0) AS growth,
                   any_value(s_country) AS s_country, any_value(r_country) AS r_country,
                   bool_or(is_purchase OR r_is_organization) AS via_merchant,
                   list(txn_id ORDER BY ts, txn_id) AS txn_ids,
                   list({{'ts': ts, 'usd': amount_usd, 'ref': reference}} ORDER BY ts, txn_id) AS pays
            FROM x GROUP BY s_ent, r_ent
            HAVING epoch(max(ts) - min(ts)) / 3600.0 <= {w} AND max(amount_usd) <= {float(p["max_amount_usd"])}
        ), bursts AS (
            SELECT b.s_ent, b.r_ent, count(*) AS burst_receivers, sum(o.n_payments) AS burst_payments,
                   sum(o.total_usd) AS burst_total_usd, max(o.max_usd) AS burst_max_usd,
                   min(o.first_ts) AS burst_first_ts, max(o.last_ts) AS burst_last_ts,
                   list_sort(flatten(list(o.pays))) AS all_pays,
                   list_sort(flatten(list(o.txn_ids))) AS burst_txn_ids,
                   list(DISTINCT o.r_country ORDER BY o.r_country) AS burst_countries,
                   -- the most other people who paid one of this burst's receivers in bursts
                   max(coalesce(c.n_burst_senders, 0)
                       - CASE WHEN (o.n_payments >= 2 OR c.episodes) AND c.entity_id IS NOT NULL THEN 1 ELSE 0 END)
                       AS collector_senders,
                   -- the collector's other payers each paid it in one episode (no rising bursts)
                   coalesce(bool_or(c.episodes), false) AS collector_episode
            FROM pairs b JOIN pairs o ON o.s_ent = b.s_ent
             AND o.first_ts BETWEEN b.first_ts - INTERVAL {w} HOUR AND b.first_ts + INTERVAL {w} HOUR
            LEFT JOIN burst_collectors c ON c.entity_id = o.r_ent
            GROUP BY b.s_ent, b.r_ent
        ), payees AS (
            -- how many new payees abroad the sender paid in bursts, over all its history: a victim
            -- pays in one burst and stops; a trader settles with new counterparties every week
            SELECT s_ent, count(DISTINCT r_ent) AS sender_burst_payees FROM pairs GROUP BY s_ent
        ), visited AS (
            -- bursts to a country the sender had been to in person before: people met there
            SELECT u.s_ent, u.r_ent FROM bursts u
            JOIN first_visits v ON v.entity_id = u.s_ent AND list_contains(u.burst_countries, v.country)
                         AND v.first_visit < u.burst_first_ts
            GROUP BY u.s_ent, u.r_ent
        ), ages AS ({BIRTH_DATES}
        ), opened AS (
            SELECT ae.entity_id, min(a.opened_at) AS opened_at
            FROM account_entities ae JOIN accounts a USING (account_id) GROUP BY ae.entity_id
        )
        SELECT b.* EXCLUDE (pays), epoch(b.last_ts - b.first_ts) / 3600.0 AS span_hours,
               u.burst_receivers, u.burst_payments, u.burst_total_usd, u.burst_max_usd, u.burst_first_ts,
               u.burst_last_ts, epoch(u.burst_last_ts - u.burst_first_ts) / 3600.0 AS burst_span_hours,
               u.all_pays[-1].usd / nullif(u.all_pays[1].usd, 0) AS burst_growth,
               u.burst_txn_ids, u.burst_countries, u.collector_senders, u.collector_episode,
               len(list_filter(u.all_pays, lambda p: {shared})) AS burst_shared_cost_payments,
               {age_at("a.birth_date", "u.burst_first_ts")} AS sender_age,
               epoch(u.burst_first_ts - o.opened_at) / 86400.0 AS account_age_days,
               coalesce(len(list_intersect(sn.surnames, rn.surnames)) > 0, false) AS family,
               y.sender_burst_payees, vi.s_ent IS NOT NULL AS visited
        FROM pairs b
        JOIN bursts u USING (s_ent, r_ent)
        JOIN payees y USING (s_ent)
        LEFT JOIN visited vi ON vi.s_ent = b.s_ent AND vi.r_ent = b.r_ent
        LEFT JOIN ages a ON a.entity_id = b.s_ent
        LEFT JOIN opened o ON o.entity_id = b.s_ent
        LEFT JOIN entity_names sn ON sn.entity_id = b.s_ent
        LEFT JOIN entity_names rn ON rn.entity_id = b.r_ent
        -- one payment is a burst only to a collector
        WHERE (u.burst_payments >= {int(p["min_payments"])} OR u.collector_senders > 0)
          AND epoch(u.burst_last_ts - u.burst_first_ts) / 3600.0 <= {2 * w}
        """,
        stage=STAGE,
    )


def build_crypto_payments(engine: Engine, pack: Pack) -> None:
    """Crypto payments between entities, with the exposure of the receiving address."""
    p = pack.typology("FIN_CRYPTO_BUYER")
    listed = sql_list([a.lower() for a in p["known_vendor_addresses"]])
    night = night_sql(pack, "p.s_local_hour")
    engine.execute(
        f"""
        CREATE TABLE crypto_payments AS
        WITH c AS (
            SELECT p.txn_id, p.ts, p.amount_usd, p.s_acc, p.r_acc, {night} AS night,
                   se.entity_id AS s_ent, re.entity_id AS r_ent
            FROM payments p
            JOIN account_entities se ON se.account_id = p.s_acc
            JOIN account_entities re ON re.account_id = p.r_acc
            WHERE p.channel = 'crypto' AND se.entity_id <> re.entity_id
        ), flagged AS (
            SELECT account_id FROM accounts
            WHERE account_id IN {cse_banned_accounts(pack)} OR lower(account_id) IN ({listed})
        ), onward AS (
            SELECT DISTINCT c.r_acc FROM c JOIN flagged f ON f.account_id = c.r_acc
            UNION SELECT DISTINCT c2.s_acc FROM c c2 JOIN flagged f ON f.account_id = c2.r_acc
        )
        SELECT c.*, c.r_acc IN (SELECT account_id FROM flagged) AS direct,
               c.r_acc IN (SELECT r_acc FROM onward) OR c.r_acc IN (SELECT account_id FROM flagged) AS exposed
        FROM c
        """,
        stage=STAGE,
    )


def build_session_pairs(engine: Engine, pack: Pack) -> None:
    """Per host and viewer: private cross-border sessions into high-risk countries, and how many
    of them came within hours before a payment between the same two people."""
    p = pack.typology("PLAT_PRIVATE_SESSIONS")
    risky = sql_list(pack["lists"]["high_risk_receiving"])
    engine.execute(
        f"""
        CREATE TABLE session_pairs AS
        WITH s AS (
            SELECT s.session_id, s.started_at, he.entity_id AS h_ent, ve.entity_id AS v_ent, s.viewer_country,
                   s.host_country, coalesce(s.paid_amount, 0) > 0 AS paid, coalesce(s.private, false) AS private,
                   hour(s.started_at + to_minutes(coalesce(tz.offset_min, 0))) AS v_hour
            FROM sessions s
            JOIN account_entities he ON he.account_id = s.host_account_id
            JOIN account_entities ve ON ve.account_id = s.viewer_account_id
            LEFT JOIN country_offsets tz ON tz.country = s.viewer_country
            WHERE (coalesce(s.private, false) OR coalesce(s.paid_amount, 0) > 0)
              AND s.host_country IN ({risky}) AND s.viewer_country IS DISTINCT FROM s.host_country
              AND he.entity_id <> ve.entity_id
        ), near AS (
            SELECT s.session_id, s.h_ent, s.v_ent,
                   bool_or(c.ts BETWEEN s.started_at AND s.started_at + INTERVAL {float(p["near_payment_hours"])} HOUR)
                       AS near_payment,
                   list(c.txn_id) FILTER (WHERE c.ts BETWEEN s.started_at
                       AND s.started_at + INTERVAL {float(p["near_payment_hours"])} HOUR) AS txn_ids
            FROM s LEFT JOIN cross_border_payments c ON c.s_ent = s.v_ent AND c.r_ent = s.h_ent
            GROUP BY 1, 2, 3
        )
        SELECT s.h_ent, s.v_ent, count(DISTINCT s.session_id) AS n_sessions,
               count(DISTINCT s.session_id) FILTER (WHERE s.private) AS n_private,
               count(DISTINCT s.session_id) FILTER (WHERE n.near_payment) AS n_near_payment,
               avg(s.paid::INTEGER) AS paid_share,
               avg({night_sql(pack, "s.v_hour")}::INTEGER) AS night_share,
               min(s.started_at) AS first_ts, max(s.started_at) AS last_ts,
               list(DISTINCT s.session_id ORDER BY s.session_id) AS session_ids,
               list_distinct(flatten(list(n.txn_ids) FILTER (WHERE n.txn_ids IS NOT NULL))) AS txn_ids,
               -- a family tie from evidence only: a surname the host and viewer records share
               coalesce(len(list_intersect(any_value(hn.surnames), any_value(vn.surnames))) > 0, false) AS family
        FROM s JOIN near n USING (session_id, h_ent, v_ent)
        LEFT JOIN entity_names hn ON hn.entity_id = s.h_ent
        LEFT JOIN entity_names vn ON vn.entity_id = s.v_ent
        GROUP BY s.h_ent, s.v_ent
        """,
        stage=STAGE,
    )


#: the live hits whose evidence a session-payment link carries to the payment side: platform
#: evidence about a host or a viewer (not the link's own hits)
CARRIED_PLATFORM_HITS = (
    "code LIKE 'PLAT%' AND code <> 'PLAT_SESSION_PAYMENT_LINK' AND role IN ('host', 'viewer')"
)


#: the platform pairs the detect step matches with payments: those with live platform evidence
CARRIER_SESSIONS = """(he.entity_id IN (SELECT entity_id FROM carriers WHERE role = 'host')
                   OR ve.entity_id IN (SELECT entity_id FROM carriers WHERE role = 'viewer'))"""


def build_session_payment_links(
    engine: Engine,
    pack: Pack,
    *,
    into: str = "session_payment_links",
    sessions_where: str = CARRIER_SESSIONS,
    payments_where: str = "true",
    stage: str = STAGE,
) -> None:
    """Viewer/host pairs whose private sessions are, again and again, followed within hours by a
    payment between two other entities: the same two people seen by a platform and by a payment
    provider whose records share no identifier.

    A link needs `min_sessions` sessions followed by a payment from the same payer to the same
    receiver within `window_hours`, at least `session_share` of the pair's sessions, and at
    least `payment_share` of that payer's payments to that receiver. Pairs already joined as
    one entity on both sides are left out (they are in `session_pairs`).

    Built in the detect step, after the typologies whose evidence it carries: only pairs whose
    host or viewer already has live platform evidence are looked at, since matching every
    session with every payment in its window grows with the square of the data (measured: 1.2 s
    of a 1M-payment run, against 0.02 s restricted). The link step calls it again for the payments
    between flagged people (`payments_where`: a condition on the payer and receiver of `c`, a
    `corridor_payments` row, so that it also restricts the per-pair counts), every session.
    """
    p = pack.typology("PLAT_SESSION_PAYMENT_LINK")
    risky = sql_list(pack["lists"]["high_risk_receiving"])
    w = float(p["window_hours"])
    engine.execute(
        f"""
        CREATE TABLE {into} AS
        WITH carriers AS (
            SELECT DISTINCT entity_id, role FROM hits
            WHERE {CARRIED_PLATFORM_HITS}
        ), s AS (
            SELECT DISTINCT s.session_id, s.started_at, he.entity_id AS h_ent, ve.entity_id AS v_ent
            FROM sessions s
            JOIN account_entities he ON he.account_id = s.host_account_id
            JOIN account_entities ve ON ve.account_id = s.viewer_account_id
            WHERE coalesce(s.private, false) AND s.host_country IN ({risky})
              AND s.viewer_country IS DISTINCT FROM s.host_country AND he.entity_id <> ve.entity_id
              AND {sessions_where}
        ), pay AS (
            -- each payment under every hour in which a session it follows may have started, so
            -- that the band join is an equality join on the hour (DuckDB runs a bare band join
            -- as a nested loop: 10.8 s for 61,273 sessions x 10,208 payments, against 0.2 s)
            SELECT c.s_ent, c.r_ent, c.txn_id, c.ts,
                   unnest(range(CAST(floor(epoch(c.ts - INTERVAL {w} HOUR) / 3600) AS BIGINT),
                                CAST(floor(epoch(c.ts) / 3600) AS BIGINT) + 1)) AS hour_bucket
            FROM corridor_payments c WHERE {payments_where}
        ), followed AS (
            SELECT s.session_id, s.h_ent, s.v_ent, c.s_ent, c.r_ent, c.txn_id
            FROM s JOIN pay c
              ON c.hour_bucket = CAST(floor(epoch(s.started_at) / 3600) AS BIGINT)
             AND c.ts BETWEEN s.started_at AND s.started_at + INTERVAL {w} HOUR
            WHERE NOT (c.s_ent = s.v_ent AND c.r_ent = s.h_ent)
        ), per_pair AS (
            SELECT h_ent, v_ent, count(*) AS n_sessions FROM s GROUP BY h_ent, v_ent
        ), per_payment_pair AS (
            SELECT s_ent, r_ent, count(*) AS n_payments FROM corridor_payments c
            WHERE {payments_where} GROUP BY s_ent, r_ent
        )
        SELECT f.h_ent, f.v_ent, f.s_ent, f.r_ent, any_value(pp.n_sessions) AS n_sessions,
               count(DISTINCT f.session_id) AS n_followed, any_value(pq.n_payments) AS n_payments,
               count(DISTINCT f.txn_id) AS n_payments_after,
               list(DISTINCT f.session_id ORDER BY f.session_id) AS session_ids,
               list(DISTINCT f.txn_id ORDER BY f.txn_id) AS txn_ids
        FROM followed f JOIN per_pair pp USING (h_ent, v_ent) JOIN per_payment_pair pq USING (s_ent, r_ent)
        GROUP BY f.h_ent, f.v_ent, f.s_ent, f.r_ent
        HAVING count(DISTINCT f.session_id) >= {int(p["min_sessions"])}
           AND count(DISTINCT f.session_id) >= {float(p["session_share"])} * any_value(pp.n_sessions)
           AND count(DISTINCT f.txn_id) >= {float(p["payment_share"])} * any_value(pq.n_payments)
        """,
        stage=stage,
    )


def build_banned_links(engine: Engine, pack: Pack) -> None:
    """Per account: its links to accounts banned for child sexual exploitation.

    `kind` is `contact` (a private session, either side, or a chat message with a banned
    account), `device` or `ip` (a device or IP address also seen on a banned account, unless it
    is seen on more accounts than the pack allows: a shared tablet, an internet cafe, a carrier
    NAT). Accounts that are themselves banned, and accounts of the same person, are left out.
    """
    p = pack.typology("PLAT_BANNED_REUSE")
    engine.execute(
        f"""
        CREATE TABLE banned_links AS
        WITH banned AS (
            SELECT account_id FROM {cse_banned_accounts(pack)}
        ), seen AS (
            SELECT host_account_id AS account_id, 'device' AS kind, host_device_id AS value, session_id,
                   started_at AS ts FROM sessions WHERE host_device_id IS NOT NULL
            UNION ALL SELECT viewer_account_id, 'device', viewer_device_id, session_id, started_at FROM sessions
                WHERE viewer_device_id IS NOT NULL AND viewer_account_id IS NOT NULL
            UNION ALL SELECT host_account_id, 'ip', host_ip, session_id, started_at FROM sessions
                WHERE host_ip IS NOT NULL
            UNION ALL SELECT viewer_account_id, 'ip', viewer_ip, session_id, started_at FROM sessions
                WHERE viewer_ip IS NOT NULL AND viewer_account_id IS NOT NULL
        ), uses AS (
            SELECT account_id, kind, value, min(ts) AS first_ts, min(session_id) AS session_id
            FROM seen GROUP BY ALL
        ), shared AS (
            SELECT kind, value FROM uses GROUP BY kind, value
            HAVING count(*) <= CASE kind WHEN 'device' THEN {int(p["max_accounts_per_device"])}
                                         ELSE {int(p["max_accounts_per_ip"])} END
               AND count(*) FILTER (WHERE account_id IN (SELECT account_id FROM banned)) > 0
        ), reuse AS (
            SELECT u.account_id, u.kind, b.account_id AS banned_account, u.first_ts,
                   [u.session_id, b.session_id] AS record_ids
            FROM uses u JOIN shared USING (kind, value)
            JOIN uses b ON b.kind = u.kind AND b.value = u.value AND b.account_id <> u.account_id
            WHERE b.account_id IN (SELECT account_id FROM banned)
        ), contact AS (
            SELECT viewer_account_id AS account_id, host_account_id AS banned_account, session_id AS record_id,
                   started_at AS ts
            FROM sessions WHERE coalesce(private, false) AND host_account_id IN (SELECT account_id FROM banned)
            UNION ALL SELECT host_account_id, viewer_account_id, session_id, started_at FROM sessions
            WHERE coalesce(private, false) AND viewer_account_id IN (SELECT account_id FROM banned)
            UNION ALL SELECT sender_account_id, recipient_account_id, message_id, sent_at FROM messages
            WHERE recipient_account_id IN (SELECT account_id FROM banned)
            UNION ALL SELECT recipient_account_id, sender_account_id, message_id, sent_at FROM messages
            WHERE sender_account_id IN (SELECT account_id FROM banned) AND recipient_account_id IS NOT NULL
        ), links AS (
            SELECT account_id, 'contact' AS kind, banned_account, count(*) AS n_records, min(ts) AS first_ts,
                   list(DISTINCT record_id ORDER BY record_id) AS record_ids
            FROM contact GROUP BY account_id, banned_account
            UNION ALL
            SELECT account_id, kind, banned_account, 1, min(first_ts), list_distinct(flatten(list(record_ids)))
            FROM reuse GROUP BY account_id, kind, banned_account
        )
        SELECT ae.entity_id, l.* FROM links l
        JOIN account_entities ae ON ae.account_id = l.account_id
        JOIN account_entities be ON be.account_id = l.banned_account
        WHERE l.account_id NOT IN (SELECT account_id FROM banned) AND ae.entity_id <> be.entity_id
        """,
        stage=STAGE,
    )


def run(engine: Engine, pack: Pack) -> None:
    build_corridor_payments(engine, pack)
    build_receiver_profiles(engine, pack)
    build_receiver_households(engine, pack)
    build_session_pairs(engine, pack)
    build_payer_features(engine)
    build_receiver_features(engine, pack)
    build_payment_bursts(engine, pack)
    build_crypto_payments(engine, pack)
    build_banned_links(engine, pack)
    build_message_signals(engine, pack)
    build_media_matches(engine, pack)
