"""Independent synthetic-world generator for Tanglaw's data contract v1 ("external world").

This module deliberately shares nothing with ``src/tanglaw``: it only knows the data contract
(``DATA-CONTRACT.md``) and the ground-truth format (``docs/truth-format.md``). It builds a small
simulated world of customers in demand countries, offender networks (payers and facilitators),
sextortion victims and many legitimate look-alikes, then exports it the way a consortium of
unrelated organisations might: different sources, id schemes, file formats, timestamp offsets,
column orders, extra columns and missing optional columns.

Nothing sexual or abusive is generated. Payment references are innocuous words that FIUs publish
as indicators ("school fees", "gift", ...). Names are invented combinations, e-mails use
example.com, IPs come from reserved ranges (100.64.0.0/10 and 198.18.0.0/15).

Usage::

    from tests.external_world.generator import generate
    summary = generate(Path("out"), seed=1, customers=5000)

    python -m tests.external_world.generator OUT --seed 1 --customers 5000
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import math
import random
import time
import unicodedata
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

# ----------------------------------------------------------------------------------------------
# World constants
# ----------------------------------------------------------------------------------------------

START = 1704067200  # 2024-01-01T00:00:00Z
DAYS = 366
END = START + DAYS * 86400
DAY = 86400

# demand countries: weight, currency, (tz offset minutes, weight)..., calling code, cities
DEMAND = {
    "US": (
        40,
        "USD",
        ((-300, 45), (-360, 30), (-420, 7), (-480, 18)),
        "1",
        ("Columbus", "Dallas", "Denver", "Portland", "Tampa", "Reno", "Albany"),
    ),
    "GB": (12, "GBP", ((0, 1),), "44", ("Leeds", "Bristol", "Norwich", "Cardiff", "York")),
    "AU": (
        10,
        "AUD",
        ((600, 70), (570, 10), (480, 20)),
        "61",
        ("Geelong", "Hobart", "Adelaide", "Perth", "Cairns"),
    ),
    "CA": (
        10,
        "CAD",
        ((-300, 55), (-360, 10), (-420, 13), (-480, 20), (-210, 2)),
        "1",
        ("Ottawa", "Winnipeg", "Calgary", "Victoria", "St. John's"),
    ),
    "DE": (8, "EUR", ((60, 1),), "49", ("Kassel", "Bremen", "Leipzig", "Münster")),
    "FR": (4, "EUR", ((60, 1),), "33", ("Lyon", "Nantes", "Lille", "Toulouse")),
    "NL": (3, "EUR", ((60, 1),), "31", ("Utrecht", "Leiden", "Groningen")),
    "SG": (4, "SGD", ((480, 1),), "65", ("Singapore",)),
    "JP": (4, "JPY", ((540, 1),), "81", ("Osaka", "Sendai", "Fukuoka")),
    "SA": (5, "SAR", ((180, 1),), "966", ("Riyadh", "Jeddah", "Dammam")),
}
DCC = list(DEMAND)  # index -> country code
OTHER_CUR = {
    "PH": "PHP",
    "TH": "THB",
    "CO": "COP",
    "DO": "DOP",
    "MX": "MXN",
    "NG": "NGN",
    "GH": "GHS",
    "CI": "XOF",
    "MY": "MYR",
    "RO": "RON",
    "ES": "EUR",
    "IT": "EUR",
    "CY": "EUR",
    "PA": "USD",
}
CALLING = {
    "PH": "63",
    "TH": "66",
    "CO": "57",
    "DO": "1",
    "NG": "234",
    "GH": "233",
    "CI": "225",
    "MY": "60",
    "RO": "40",
    "MX": "52",
}
OTHER_TZ = {
    "PH": 480,
    "TH": 420,
    "CO": -300,
    "DO": -240,
    "MX": -360,
    "NG": 60,
    "GH": 0,
    "CI": 0,
    "MY": 480,
    "RO": 120,
    "ES": 60,
    "IT": 60,
    "CY": 120,
    "PA": -300,
}
USD_PER = {
    "USD": 1.0,
    "EUR": 1.09,
    "GBP": 1.27,
    "AUD": 0.66,
    "CAD": 0.74,
    "SGD": 0.745,
    "JPY": 0.0068,
    "SAR": 0.2667,
    "PHP": 0.0179,
    "THB": 0.0283,
    "COP": 0.000255,
    "DOP": 0.0171,
    "MXN": 0.057,
    "NGN": 0.00078,
    "GHS": 0.075,
    "XOF": 0.00166,
    "MYR": 0.213,
    "RON": 0.218,
}
ZERO_DEC = {"JPY", "XOF"}
PEGGED = {"USD", "SAR", "XOF"}

REFS_OSEC = (
    "school fees",
    "gift",
    "uniform",
    "school uniform",
    "medical",
    "medical bills",
    "family support",
    "education",
    "load",
    "allowance",
    "accommodation",
)
REFS_DIASPORA = (
    ("family support", 30),
    ("allowance", 14),
    ("", 22),
    ("monthly support", 8),
    ("for mom", 5),
    ("school fees", 6),
    ("tuition", 4),
    ("bills", 6),
    ("padala", 5),
)
REFS_ROMANCE = (
    "medical",
    "hospital bill",
    "visa fee",
    "flight ticket",
    "customs fee",
    "gift",
    "loan",
    "",
    "",
)
REFS_P2P = (
    "rent",
    "dinner",
    "thanks",
    "",
    "",
    "",
    "bills",
    "birthday",
    "groceries",
    "tickets",
    "car share",
    "invoice 1047",
)

# ----------------------------------------------------------------------------------------------
# Names (invented combinations of common given names and surnames)
# ----------------------------------------------------------------------------------------------


def _w(s: str) -> tuple[str, ...]:
    return tuple(x.replace("_", " ") for x in s.split())


NAMES = {
    "EN": (
        _w(
            "James John Robert Michael William David Richard Joseph Thomas Charles Christopher "
            "Daniel Matthew Anthony Mark Donald Steven Paul Andrew Kenneth Kevin Brian George "
            "Timothy Ronald Edward Jason Jeffrey Ryan Gary Eric Stephen Larry Scott Frank "
            "Raymond Gregory Peter Graham Neil Ian Craig Dean Wayne Keith"
        ),
        _w(
            "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa "
            "Nancy Margaret Sandra Ashley Emily Donna Michelle Carol Amanda Melissa Deborah "
            "Rebecca Laura Sharon Kathleen Amy Helen Anna Emma Olivia Chloe Hannah Grace"
        ),
        _w(
            "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore "
            "Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King "
            "Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips "
            "Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers Morgan "
            "Cooper Bailey Reed Kelly Howard O'Brien MacDonald Hughes Price Bennett Wood Barnes "
            "Ross Henderson Coleman Jenkins Perry Powell Patterson Fisher McAllister"
        ),
    ),
    "DE": (
        _w(
            "Thomas Michael Andreas Stefan Frank Jürgen Klaus Wolfgang Markus Matthias Uwe "
            "Jörg Dirk Sven Lukas Jonas Tobias"
        ),
        _w("Sabine Petra Claudia Susanne Nicole Anja Katrin Julia Lena Monika Birgit"),
        _w(
            "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann "
            "Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun "
            "Krüger Hartmann Lange"
        ),
    ),
    "FR": (
        _w("Jean Pierre Michel Philippe Alain Nicolas Christophe Laurent Julien Olivier François Stéphane"),
        _w("Marie Nathalie Isabelle Sylvie Catherine Sophie Céline Camille Chantal"),
        _w(
            "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon "
            "Laurent Lefèvre Garcia Fournier Girard Bonnet Lambert Fontaine Rousseau Mercier"
        ),
    ),
    "NL": (
        _w("Jan Pieter Kees Hendrik Willem Johannes Dirk Bram Sander Thijs Maarten"),
        _w("Anna Maria Sanne Lotte Eva Femke Ingrid Marieke"),
        _w(
            "de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Visser Smit Meijer de_Boer "
            "Mulder de_Groot Bos Vos Peters Hendriks van_Leeuwen"
        ),
    ),
    "JP": (
        _w("Hiroshi Takashi Kenji Satoshi Kazuo Yuki Daisuke Makoto Naoki Shinji Akira Ryo"),
        _w("Yoko Keiko Naoko Yumi Akiko Tomoko Mayumi Sakura Aiko"),
        _w(
            "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato "
            "Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura"
        ),
    ),
    "SA": (
        _w("Mohammed Abdullah Ahmed Khalid Faisal Saud Omar Fahad Sultan Turki Nasser Ibrahim"),
        _w("Fatimah Noura Sara Aisha Reem Maha Huda Lama Hessa"),
        _w(
            "Al-Qahtani Al-Ghamdi Al-Zahrani Al-Harbi Al-Otaibi Al-Shehri Al-Dossari Al-Mutairi "
            "Al-Anazi Al-Shamrani"
        ),
    ),
    "SG": (
        _w("Wei_Jie Jun_Hao Kelvin Marcus Darren Jason Ming Hao Ravi Arjun"),
        _w("Hui_Min Xin_Yi Jia_Hui Michelle Rachel Mei_Ling Priya Siew_Lan"),
        _w("Tan Lim Lee Ng Ong Wong Goh Chua Chan Koh Teo Kumar Pillai"),
    ),
    "PH": (
        _w(
            "Jose Juan Mark John_Paul Michael Christian Jerome Carlo Ramon Rodel Jayson Arnel "
            "Rogelio Danilo Ernesto Romeo Noel Reynaldo Edgardo"
        ),
        _w(
            "Maria Cristina Rosalie Marites Jennifer Joy Lovely Mary_Grace Jocelyn Maricel "
            "Rowena Analyn Liezel Sheila Rachelle Angelica Kristine Lorna Evelyn Gemma Imelda "
            "Teresita Rosario Divina Maria_Luisa Charmaine"
        ),
        _w(
            "Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Castillo Flores Villanueva "
            "Ramos Aquino Navarro Dela_Cruz De_Leon Del_Rosario Pascual Manalo Salazar Soriano "
            "Lopez Gonzales Fernandez Aguilar Marquez Tolentino Mercado Rivera Castro Domingo "
            "Santiago Gutierrez Panganiban Magbanua Dimaculangan Evangelista Macaraeg Lacson "
            "Sison Bernardo Cabrera Serrano Valdez Padilla Samonte Dizon Lagman Cordero "
            "Buenaventura"
        ),
    ),
    "ES": (
        _w("Juan Carlos Andrés Felipe Luis Miguel Jorge Santiago Rafael"),
        _w("Camila Valentina Daniela Luisa Paola Andrea Carolina Yesenia Marisol"),
        _w(
            "Gómez Rodríguez Martínez López García Hernández Moreno Jiménez Vargas Castro "
            "Peña Almonte Reyes Batista"
        ),
    ),
    "TH": (
        _w("Somchai Somsak Anan Prasert Wichai"),
        _w("Siriporn Ploy Malee Kanya Ratana Sunisa"),
        _w("Saetang Srisuk Wongsawat Chaiyaporn Boonmee Thongchai Kaewkla"),
    ),
    "WA": (
        _w("Chinedu Emeka Tunde Kwame Kofi Yaw Ibrahim Samuel Daniel Kouassi Seydou"),
        _w("Ngozi Ama Abena Aminata Blessing Adwoa"),
        _w("Okafor Adeyemi Balogun Mensah Owusu Asante Boateng Okonkwo Eze Kouamé Traoré Diallo"),
    ),
    "MY": (
        _w("Ahmad Faizal Hafiz Azman"),
        _w("Nurul Siti Aisyah Farah"),
        _w("Abdullah Rahman Hassan Ismail Yusof"),
    ),
    "RO": (
        _w("Andrei Mihai Bogdan Vlad"),
        _w("Elena Ioana Andreea Bianca Alexandra"),
        _w("Popescu Ionescu Dumitru Stan Stoica Gheorghe Munteanu"),
    ),
}
NAME_POOL = {
    "US": "EN",
    "GB": "EN",
    "AU": "EN",
    "CA": "EN",
    "DE": "DE",
    "FR": "FR",
    "NL": "NL",
    "SG": "SG",
    "JP": "JP",
    "SA": "SA",
    "PH": "PH",
    "CO": "ES",
    "DO": "ES",
    "MX": "ES",
    "TH": "TH",
    "NG": "WA",
    "GH": "WA",
    "CI": "WA",
    "MY": "MY",
    "RO": "RO",
}
NICK = {
    "Maria": "Ma.",
    "Robert": "Bob",
    "William": "Bill",
    "Michael": "Mike",
    "Elizabeth": "Liz",
    "Margaret": "Maggie",
    "Jennifer": "Jen",
    "Christopher": "Chris",
    "Joseph": "Joe",
    "Thomas": "Tom",
    "Richard": "Rick",
    "Rosario": "Charo",
    "Teresita": "Tess",
    "Cristina": "Tina",
    "Jose": "Pepe",
    "Danilo": "Danny",
    "Rogelio": "Roger",
    "Daniel": "Dan",
    "Katrin": "Kathi",
    "Mary Grace": "Grace",
    "Reynaldo": "Rey",
    "Edgardo": "Edgar",
    "Rowena": "Weng",
    "Evelyn": "Evie",
}
# calling code -> (mobile prefix, national significant number length)
MOBILE = {
    "44": ("7", 10),
    "61": ("4", 9),
    "49": ("15", 11),
    "33": ("6", 9),
    "31": ("6", 9),
    "65": ("8", 8),
    "81": ("90", 10),
    "966": ("5", 9),
    "63": ("9", 10),
    "66": ("8", 9),
    "57": ("3", 10),
    "234": ("80", 10),
    "233": ("24", 9),
    "225": ("07", 10),
    "60": ("12", 9),
    "40": ("7", 9),
    "52": ("55", 10),
}
WORDS = _w(
    "blue river cedar maple sunny quiet amber north coral pixel lunar meadow tiger "
    "harbor misty orbit velvet copper falcon willow summit breeze lotus comet island"
)

# merchant catalogue: category -> (mcc, usd median, sigma, day-weight, name stems)
CATS = {
    "grocery": ("5411", 42.0, 0.6, 30, ("FRESHWAY MARKET", "GREENCART", "DAILY BASKET")),
    "fuel": ("5541", 48.0, 0.35, 12, ("ROADSTAR FUEL", "PETROPOINT")),
    "restaurant": ("5812", 28.0, 0.6, 22, ("THE COPPER SPOON", "NOODLE HOUSE", "BISTRO NINE")),
    "retail": ("5311", 65.0, 0.8, 12, ("HOMEWARE DEPOT", "CITY STORES")),
    "online": ("5942", 31.0, 0.7, 14, ("PAGETURN BOOKS", "SHOPSTREAM ONLINE")),
    "telecom": ("4814", 55.0, 0.25, 5, ("TELCONNECT", "SKYMOBILE")),
    "streaming": ("4899", 13.0, 0.2, 5, ("FLIXWAVE", "TUNEBOX")),
}
CAT_NAMES = list(CATS)
TRAVEL = {
    "hotel": ("7011", 140.0, 0.5),
    "restaurant": ("5812", 25.0, 0.6),
    "atm": ("6011", 180.0, 0.4),
    "grocery": ("5411", 20.0, 0.7),
    "taxi": ("4121", 15.0, 0.6),
}
TRAVEL_DEST = (
    ("PH", 14),
    ("TH", 14),
    ("MX", 10),
    ("ES", 12),
    ("FR", 10),
    ("IT", 10),
    ("JP", 8),
    ("GB", 8),
    ("US", 8),
    ("DE", 6),
)
WEBCAM_SITES = (
    ("CAMLOUNGE.EXAMPLE", "US", "USD"),
    ("LIVEHALL NL", "NL", "EUR"),
    ("STARCAM MEDIA", "CY", "EUR"),
    ("NIGHTSTUDIO", "RO", "RON"),
)
VPNS = (("SECURETUNNEL VPN", "PA", "USD"), ("NORTHWALL PRIVACY", "NL", "EUR"), ("HIDEHOP NET", "US", "USD"))
DATING = (("HEARTLINK DATING", "US", "USD"), ("MEETGLOBAL", "GB", "GBP"))

# hour-of-day profiles (local time)
DAY_P = np.array(
    [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1.2, 2.5, 4, 5, 5.5, 6, 7, 6.5, 6, 6, 6.5, 7, 7, 6.5, 5.5, 4, 3, 2],
    dtype=float,
)
DAY_P /= DAY_P.sum()
NIGHT_HOURS = np.array([21, 22, 23, 0, 1, 2, 3, 4])
NIGHT_P = np.array([0.10, 0.15, 0.18, 0.18, 0.15, 0.11, 0.08, 0.05])
NIGHT_P /= NIGHT_P.sum()
HOURS, DAY_CUM = list(range(24)), list(np.cumsum(DAY_P))
NIGHT_LIST, NIGHT_CUM = NIGHT_HOURS.tolist(), list(np.cumsum(NIGHT_P))

# sources, their timestamp style and id schemes
BANK_A, BANK_B, REMIT, WALLET, PHBANK, PLATFORM, P2P, ACQ = (
    "acme-bank",
    "harbor-credit",
    "quickremit",
    "pisowallet",
    "bayanbank",
    "vidchat",
    "paywise",
    "cardnet",
)
ZULU_SOURCES = {BANK_A, ACQ, PLATFORM, P2P}  # write "Z"; the others write a local offset
TXN_ID = {
    BANK_A: ("AT", 11),
    BANK_B: ("HC-TX-", 9),
    REMIT: ("", 10),
    WALLET: ("PW", 13),
    PHBANK: ("BBTX", 10),
    PLATFORM: ("vcpay_", 9),
    P2P: ("PYW-", 10),
}


class _Ids:
    """Unique, scrambled, deterministic ids: value = (i * a + b) mod 10**digits."""

    def __init__(self, prefix: str, digits: int, salt: int, hexa: bool = False):
        self.prefix, self.digits, self.hexa = prefix, digits, hexa
        self.mod = (16 if hexa else 10) ** digits
        self.a = 7_654_321 if not hexa else 2_654_435_761 % self.mod | 1
        self.b = (salt * 9_973) % self.mod
        self.i = 0

    def next(self) -> str:
        v = (self.i * self.a + self.b) % self.mod
        self.i += 1
        return f"{self.prefix}{v:0{self.digits}{'X' if self.hexa else 'd'}}"

    def many(self, n: int) -> pa.Array:
        i = np.arange(self.i, self.i + n, dtype=np.int64)
        self.i += n
        v = (i * self.a + self.b) % self.mod
        s = pc.utf8_lpad(pa.array(v).cast(pa.string()), self.digits, "0")
        return pc.binary_join_element_wise(pa.scalar(self.prefix), s, "")


class _Vocab:
    def __init__(self):
        self.idx: dict[str, int] = {"": 0}
        self.items: list[str] = [""]

    def __call__(self, s: str) -> int:
        i = self.idx.get(s)
        if i is None:
            i = self.idx[s] = len(self.items)
            self.items.append(s)
        return i

    def arr(self) -> pa.Array:
        return pa.array(self.items, pa.string())


# ----------------------------------------------------------------------------------------------
# Small formatting helpers
# ----------------------------------------------------------------------------------------------


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def _fmt_ts(ts: np.ndarray, off: np.ndarray, zulu: np.ndarray, ms: np.ndarray | None = None) -> pa.Array:
    """ISO 8601 strings; ts = UTC epoch seconds (-1 = missing), off = minutes east of UTC."""
    ts = np.asarray(ts, dtype=np.int64)
    off = np.where(zulu, 0, np.asarray(off, dtype=np.int64))
    missing = ts < 0
    local = np.where(missing, 0, ts + off * 60).astype("datetime64[s]")
    base = pa.array(np.datetime_as_string(local, unit="s"), pa.string())
    uniq, inv = np.unique(off, return_inverse=True)
    labels = [f"{'+' if o >= 0 else '-'}{abs(o) // 60:02d}:{abs(o) % 60:02d}" for o in uniq]
    suffix = pc.take(pa.array(labels, pa.string()), pa.array(inv.astype(np.int32)))
    suffix = pc.if_else(pa.array(np.asarray(zulu, dtype=bool)), pa.scalar("Z"), suffix)
    if ms is not None:
        frac = pc.utf8_lpad(pa.array(np.asarray(ms, dtype=np.int64)).cast(pa.string()), 3, "0")
        base = pc.binary_join_element_wise(base, frac, ".")
    out = pc.binary_join_element_wise(base, suffix, "")
    return pc.if_else(pa.array(missing), pa.scalar(""), out)


def _fmt_amount(amount: np.ndarray, zero_dec: np.ndarray, fixed2: np.ndarray) -> pa.Array:
    """'12.50' style (fixed2) or shortest style ('12.5', '50'); whole units for zero-decimal."""
    cents = np.round(np.asarray(amount) * 100).astype(np.int64)
    units = pa.array(cents // 100).cast(pa.string())
    frac = pc.utf8_lpad(pa.array(cents % 100).cast(pa.string()), 2, "0")
    fixed = pc.binary_join_element_wise(units, frac, ".")
    short = pa.array(np.round(cents / 100.0, 2)).cast(pa.string())
    out = pc.if_else(pa.array(np.asarray(fixed2, bool)), fixed, short)
    return pc.if_else(pa.array(np.asarray(zero_dec, bool)), units, out)


def _round_pay(x: float, cur: str, r: random.Random, round_p: float = 0.85) -> float:
    """Round a payment in the sender's currency the way a person would type it."""
    if cur in ZERO_DEC:
        step = 1000 if x > 2000 else 100
        return float(max(step, round(x / step) * step))
    if r.random() < round_p:
        step = 5 if x < 40 else 10 if x < 150 else 25 if x < 400 else 50
        return float(max(step, round(x / step) * step))
    return max(1.0, round(x, 2))


def _wrap(ts):
    """Keep timestamps inside the simulated year by shifting a day in or out."""
    ts = np.where(ts < START, ts + DAY, ts)
    return np.where(ts >= END, ts - DAY, ts)


def _local_amount(usd: float, cur: str) -> float:
    v = usd / USD_PER[cur]
    return float(round(v)) if cur in ZERO_DEC else round(v, 2)


# ----------------------------------------------------------------------------------------------
# The world
# ----------------------------------------------------------------------------------------------


class _World:
    def __init__(self, seed: int, customers: int, payer_rate: float, mirror_credits: bool):
        if customers < 100:
            raise ValueError("customers must be >= 100")
        self.seed, self.n, self.payer_rate = seed, customers, payer_rate
        self.mirror_credits = mirror_credits
        self.rng = np.random.default_rng([seed, 20240101])
        self.r = random.Random(seed * 1_000_003 + 17)
        self.v = _Vocab()
        # persons (truth)
        self.P: list[dict] = []
        self.pid = _Ids("H", 7, seed + 1)
        # parties (bundle)
        self.parties: list[dict] = []
        self.party_ids = {
            BANK_A: _Ids("CIF", 10, seed + 2),
            BANK_B: _Ids("hc_m_", 7, seed + 3),
            REMIT: _Ids("QRU-", 8, seed + 4, hexa=True),
            WALLET: _Ids("PW-KYC-", 8, seed + 5),
            PHBANK: _Ids("BB", 9, seed + 6),
            PLATFORM: _Ids("vcp", 8, seed + 7),
            P2P: _Ids("pyw-u-", 8, seed + 8),
            ACQ: _Ids("CN-ORG-", 6, seed + 9),
        }
        # accounts (bundle + truth)
        self.A: dict[str, list] = {
            k: []
            for k in (
                "id",
                "source",
                "party",
                "kind",
                "country",
                "username",
                "opened",
                "closed",
                "banned",
                "person",
                "listed",
                "cur",
                "off",
                "ip",
                "dev",
            )
        }
        self.acct_ids = {
            ("bank", BANK_A): _Ids("ACME-DDA-", 10, seed + 11),
            ("card", BANK_A): _Ids("ACME-CRD-", 12, seed + 12),
            ("bank", BANK_B): _Ids("HC/", 8, seed + 13),
            ("card", BANK_B): _Ids("HC/CARD/", 8, seed + 14),
            ("send", REMIT): _Ids("QRA-", 8, seed + 15, hexa=True),
            ("payout", REMIT): _Ids("QRP-", 8, seed + 16, hexa=True),
            ("agent", REMIT): _Ids("QR-AGENT-", 4, seed + 17),
            ("agent", WALLET): _Ids("PW-AGT-", 5, seed + 19),
            ("bank", PHBANK): _Ids("BB-SA-", 12, seed + 20),
            ("platform", PLATFORM): _Ids("vc:", 9, seed + 21),
            ("ewallet", P2P): _Ids("PYW:", 9, seed + 22),
            ("merchant", ACQ): _Ids("MID", 9, seed + 23),
            ("ext", "ext"): _Ids("XB-", 11, seed + 24),
        }
        self.wallet_numbers: set[str] = set()
        self.usernames: set[str] = set()
        # transactions: list of column chunks
        self.tx_chunks: list[dict[str, np.ndarray]] = []
        self.tx_rows: list[tuple] = []
        self.receipts: dict[int, list[tuple[int, float]]] = {}
        # sessions
        self.sess_rows: list[tuple] = []
        self.sess_ids = _Ids("vcs-", 10, seed + 30)
        self.fx_weeks = self._fx_table()

    # ---------------------------------------------------------------- fx
    def _fx_table(self) -> dict[str, np.ndarray]:
        n_weeks = DAYS // 7 + 2
        rng = np.random.default_rng([self.seed, 4242])
        out = {}
        for cur, base in USD_PER.items():
            if cur in PEGGED:
                out[cur] = np.full(n_weeks, base)
            else:
                steps = rng.normal(0, 0.008, n_weeks)
                out[cur] = base * np.exp(np.cumsum(steps) - steps[0])
        return out

    def usd_per(self, cur: str, ts: int) -> float:
        w = min(max(0, (ts - (START - 7 * DAY)) // (7 * DAY)), len(self.fx_weeks[cur]) - 1)
        return float(self.fx_weeks[cur][w])

    # ---------------------------------------------------------------- persons
    def person(
        self,
        cohort: str,
        *,
        role: str = "",
        network: str = "",
        kind: str = "person",
        country: str = "",
        gender: str = "",
        birth: int = 0,
        first: str = "",
        middle: str = "",
        last: str = "",
        tz: int = 0,
    ) -> int:
        i = len(self.P)
        cc = CALLING.get(country) or (DEMAND[country][3] if country in DEMAND else "")
        phone = ""
        if kind == "person" and cc:
            r = self.r
            if cc == "1":
                area = r.choice((212, 303, 415, 503, 614, 702, 813, 905, 204, 403, 613, 250, 809))
                phone = f"1{area}555{r.randrange(10000):04d}"
            else:
                mob, length = MOBILE.get(cc, ("7", 9))
                phone = cc + mob + "".join(str(r.randrange(10)) for _ in range(length - len(mob)))
        email = ""
        if kind == "person" and first:
            email = (
                _ascii(first).lower().replace(" ", "")
                + "."
                + _ascii(last).lower().replace(" ", "").replace("'", "").replace("-", "")
                + f"{(i * 37 + self.seed) % 9973}@example.com"
            )
        idn = ""
        if kind == "person":
            if country == "PH":
                idn = "".join(str(self.r.randrange(10)) for _ in range(16))
            else:
                idn = chr(65 + self.r.randrange(26)) + f"{self.r.randrange(10**8):08d}"
        self.P.append(
            dict(
                person_id=self.pid.next(),
                cohort=cohort,
                role=role,
                network=network,
                kind=kind,
                country=country,
                gender=gender,
                birth=birth,
                first=first,
                middle=middle,
                last=last,
                tz=tz,
                phone=phone,
                email=email,
                idn=idn,
            )
        )
        return i

    def random_name(self, country: str, gender: str, pool: str | None = None):
        firsts_m, firsts_f, lasts = NAMES[pool or NAME_POOL.get(country, "EN")]
        r = self.r
        first = r.choice(firsts_f if gender == "f" else firsts_m)
        last = r.choice(lasts)
        middle = ""
        if (pool or NAME_POOL.get(country)) == "PH":
            middle = r.choice(lasts)  # mother's maiden surname
        elif r.random() < 0.35:
            middle = r.choice(firsts_f if gender == "f" else firsts_m)
        return first, middle, last

    def name_variant(self, p: dict, style: str) -> str:
        first, middle, last = p["first"], p["middle"], p["last"]
        r = self.r
        if p["kind"] != "person":
            return first
        if style == "nick" and first in NICK:
            first = NICK[first]
        if style == "typo" and len(last) > 4:
            j = r.randrange(1, len(last) - 2)
            last = (
                last[:j] + last[j + 1] + last[j] + last[j + 2 :]
                if r.random() < 0.5
                else last[:j] + last[j + 1 :]
            )
        if style == "dela" and " " in last:
            last = r.choice(
                (
                    last.replace(" ", ""),
                    last.lower().replace("de la", "dela"),
                    last.replace("Dela ", "De La "),
                )
            )
        mid_init = f" {middle[0]}." if middle else ""
        if style == "comma":
            return f"{last.upper()}, {first.upper()}{mid_init.upper()}"
        if style == "upper":
            return f"{first} {last}".upper()
        if style == "initial":
            return f"{first}{mid_init} {last}"
        if style == "full":
            return f"{first} {middle} {last}" if middle else f"{first} {last}"
        return f"{first} {last}"

    def phone_as(self, p: dict, style: str) -> str:
        d = p["phone"]
        if not d:
            return ""
        cc = CALLING.get(p["country"]) or DEMAND.get(p["country"], (0, 0, 0, "1"))[3]
        rest = d[len(cc) :]
        if style == "e164":
            return "+" + d
        if style == "grouped":
            return f"+{cc} {rest[:3]} {rest[3:6]} {rest[6:]}".strip()
        if style == "national":
            if cc == "1":
                return f"({rest[:3]}) {rest[3:6]}-{rest[6:]}"
            return "0" + rest
        return d

    def party(
        self,
        person: int,
        source: str,
        created: int,
        *,
        style: str = "plain",
        phone_style: str = "e164",
        with_birth: bool = True,
        with_id: bool = True,
        email_case: str = "lower",
        name: str | None = None,
        email: str | None = None,
        phone: str | None = None,
        country: str | None = None,
        city: str = "",
    ) -> str:
        p = self.P[person]
        pid = self.party_ids[source].next()
        if created % DAY == 0:
            created += self.r.randrange(7 * 3600, 19 * 3600) - (p["tz"] or 0) * 60
        birth = ""
        if with_birth and p["birth"]:
            birth = str(np.datetime64(p["birth"], "D"))
        em = p["email"] if email is None else email
        if email_case == "title" and em:
            em = em[0].upper() + em[1:]
        elif email_case == "upper":
            em = em.upper()
        idn = p["idn"] if with_id else ""
        if idn and p["country"] == "PH" and source == PHBANK:
            idn = "-".join(idn[i : i + 4] for i in range(0, 16, 4))
        self.parties.append(
            dict(
                party_id=pid,
                source=source,
                kind=p["kind"],
                name=self.name_variant(p, style) if name is None else name,
                birth_date=birth,
                gender=p["gender"] if p["kind"] == "person" else "",
                country=p["country"] if country is None else country,
                city=city,
                phone=self.phone_as(p, phone_style) if phone is None else phone,
                email=em,
                id_number=idn,
                created_at=created,
                off=p["tz"],
            )
        )
        return pid

    # ---------------------------------------------------------------- accounts
    def account(
        self,
        person: int,
        source: str,
        kind: str,
        *,
        scheme: str | None = None,
        party: str = "",
        country: str = "",
        opened: int = -1,
        listed: bool = True,
        cur: str = "",
        username: str = "",
        off: int | None = None,
        acct_id: str = "",
    ) -> int:
        p = self.P[person]
        a = self.A
        i = len(a["id"])
        if opened >= 0 and opened % DAY == 0:  # a time of day for day-precision openings
            opened += self.r.randrange(7 * 3600, 19 * 3600) - (p["tz"] or 0) * 60
        if not acct_id:
            acct_id = self.acct_ids[(scheme or kind, source)].next()
        country = country or p["country"]
        a["id"].append(acct_id)
        a["source"].append(source)
        a["party"].append(party)
        a["kind"].append(kind)
        a["country"].append(country)
        a["username"].append(username)
        a["opened"].append(opened)
        a["closed"].append(-1)
        a["banned"].append("")
        a["person"].append(person)
        a["listed"].append(listed)
        a["cur"].append(cur or OTHER_CUR.get(country) or DEMAND.get(country, (0, "USD"))[1])
        a["off"].append(p["tz"] if off is None else off)
        a["ip"].append("")
        a["dev"].append("")
        return i

    def wallet_id(self) -> str:
        while True:
            w = f"PW-09{self.r.randrange(10**9):09d}"
            if w not in self.wallet_numbers:
                self.wallet_numbers.add(w)
                return w

    def username(self, hint: str = "") -> str:
        r = self.r
        while True:
            if hint and r.random() < 0.5:
                u = (
                    f"{_ascii(hint).lower().replace(' ', '')[:10]}{r.choice(('_', '.', ''))}"
                    f"{r.randrange(10, 999)}"
                )
            else:
                u = f"{r.choice(WORDS)}{r.choice(('_', '', '.'))}{r.choice(WORDS)}{r.randrange(1, 99)}"
            if u not in self.usernames:
                self.usernames.add(u)
                return u

    def platform_account(
        self, person: int, opened: int, *, host: bool = False, party_p: float = 0.55, dev: str = ""
    ) -> int:
        p = self.P[person]
        party = ""
        if self.r.random() < party_p:
            party = self.party(
                person,
                PLATFORM,
                opened,
                name="" if self.r.random() < 0.4 else f"{p['first']} {p['last'][:1]}.",
                with_id=False,
                phone="",
                with_birth=self.r.random() < 0.7,
                email=None
                if self.r.random() < 0.6
                else f"{self.r.choice(WORDS)}{self.r.randrange(100, 9999)}@example.com",
            )
        uname = self.username(p["first"] if self.r.random() < 0.5 else "")
        i = self.account(person, PLATFORM, "platform", party=party, opened=opened, username=uname, cur="USD")
        a = self.A
        if p["country"] == "PH" or host:
            a["ip"][i] = f"100.{64 + self.r.randrange(64)}.{self.r.randrange(256)}.{self.r.randrange(1, 255)}"
        else:
            a["ip"][i] = f"198.{18 + self.r.randrange(2)}.{self.r.randrange(256)}.{self.r.randrange(1, 255)}"
        a["dev"][i] = dev or f"dv-{self.r.getrandbits(48):012x}"
        return i

    # ---------------------------------------------------------------- transactions
    def tx(
        self,
        ts: int,
        amount: float,
        cur: str,
        snd: int,
        rcv: int,
        channel: str,
        source: str,
        ref: str = "",
        mcc: str = "",
        mname: str = "",
        off: int = 0,
    ) -> None:
        v = self.v
        opened = self.A["opened"]
        for a in (snd, rcv):  # an account is never used before the source says it opened
            if opened[a] > ts:
                opened[a] = ts - self.r.randrange(600, 3 * DAY)
        self.tx_rows.append(
            (ts, amount, v(cur), snd, rcv, v(channel), v(source), v(ref), v(mcc), v(mname), off)
        )

    def receipt(self, acct: int, ts: int, amount: float, cur: str) -> None:
        if acct in self.receipts:
            self.receipts[acct].append((ts, amount * self.usd_per(cur, ts)))

    def session(
        self,
        started: int,
        dur: int,
        host: int,
        viewer: int,
        private: bool,
        paid: float | None,
        category: str,
        sid: str = "",
        viewer_cc: str = "",
    ) -> str:
        sid = sid or self.sess_ids.next()
        self.sess_rows.append(
            (sid, started, dur, host, viewer, private, paid, category, viewer_cc, self.r.randrange(1000))
        )
        return sid

    # ==============================================================================================
    def build(self) -> None:
        self._infrastructure()
        self._customers()
        self._ordinary_activity()
        self._networks()
        self._sextortion()
        self._diaspora()
        self._romance()
        self._webcam()
        self._charity()
        self._travel()
        self._streamers()
        self._cash_outs()

    # ---------------------------------------------------------------- merchants, agents, orgs
    def _merchant(self, name: str, country: str, mcc: str, cur: str) -> int:
        org = self.person(
            "merchant",
            kind="organization",
            country=country,
            first=name,
            tz=OTHER_TZ.get(country, DEMAND.get(country, (0, 0, ((0, 1),)))[2][0][0]),
        )
        listed = self.r.random() < 0.7
        party = ""
        if listed and self.r.random() < 0.5:
            party = self.party(
                org,
                ACQ,
                START - self.r.randrange(400, 4000) * DAY,
                with_birth=False,
                with_id=False,
                phone="",
                email="",
            )
        i = self.account(
            org,
            ACQ,
            "merchant",
            party=party,
            country=country,
            cur=cur,
            opened=START - self.r.randrange(400, 4000) * DAY,
            listed=listed,
            off=0,
        )
        self.mer_info[i] = (mcc, name)
        return i

    def _infrastructure(self) -> None:
        r = self.r
        self.mer_info: dict[int, tuple[str, str]] = {}
        # domestic merchants per (country, category): contiguous blocks
        n_c, n_k = len(DCC), len(CAT_NAMES)
        per = 3 if self.n < 20000 else 6
        self.mer_start = np.zeros((n_c, n_k), dtype=np.int64)
        self.mer_count = np.zeros((n_c, n_k), dtype=np.int64)
        accts = []
        for ci, cc in enumerate(DCC):
            cur = DEMAND[cc][1]
            for ki, cat in enumerate(CAT_NAMES):
                mcc, _, _, _, stems = CATS[cat]
                self.mer_start[ci, ki] = len(accts)
                for j in range(per):
                    city = r.choice(DEMAND[cc][4])
                    nm = f"{stems[j % len(stems)]} {_ascii(city).upper()}"
                    if j >= len(stems):
                        nm += f" #{r.randrange(100, 999)}"
                    accts.append(self._merchant(nm, cc, mcc, cur))
                self.mer_count[ci, ki] = per
        self.mer_acct = np.array(accts, dtype=np.int64)
        # travel merchants per destination and type
        self.travel_mer: dict[tuple[str, str], list[int]] = {}
        for cc, _ in TRAVEL_DEST:
            cur = OTHER_CUR.get(cc) or DEMAND[cc][1]
            for t, (mcc, _, _) in TRAVEL.items():
                lst = []
                for _j in range(2):
                    nm = {
                        "hotel": "GRAND {} HOTEL",
                        "restaurant": "CAFE {}",
                        "atm": "{} ATM",
                        "grocery": "MINIMART {}",
                        "taxi": "CITYCAB {}",
                    }[t]
                    lst.append(self._merchant(nm.format(f"{cc}{r.randrange(10, 99)}"), cc, mcc, cur))
                self.travel_mer[(cc, t)] = lst
        self.airlines = {cc: self._merchant(f"{cc} AIRWAYS ONLINE", cc, "4511", DEMAND[cc][1]) for cc in DCC}
        self.webcam_mer = [self._merchant(n, c, "5967", cu) for n, c, cu in WEBCAM_SITES]
        self.vpn_mer = [self._merchant(n, c, "4816", cu) for n, c, cu in VPNS]
        self.dating_mer = [self._merchant(n, c, "7273", cu) for n, c, cu in DATING]
        self.load_mer = self._merchant("SIMLOAD PH", "PH", "4814", "PHP")
        # cash-out agents (businesses)
        self.wallet_agents = []
        for j in range(6):
            org = self.person(
                "merchant",
                kind="organization",
                country="PH",
                first=f"PISO AGENT {r.choice(('SARI-SARI', 'PAWNSHOP', 'LOADING'))} {j + 1}",
                tz=480,
            )
            self.wallet_agents.append(
                self.account(
                    org,
                    WALLET,
                    "ewallet",
                    scheme="agent",
                    country="PH",
                    cur="PHP",
                    off=480,
                    opened=START - 900 * DAY,
                )
            )
        self.remit_agents: dict[str, list[int]] = {}
        for cc in ("PH", "TH", "CO", "DO", "NG", "GH", "MY"):
            lst = []
            for j in range(3 if cc == "PH" else 1):
                org = self.person(
                    "merchant",
                    kind="organization",
                    country=cc,
                    first=f"QUICKREMIT PAYOUT {cc} {j + 1}",
                    tz=OTHER_TZ[cc],
                )
                lst.append(
                    self.account(
                        org,
                        REMIT,
                        "remittance",
                        scheme="agent",
                        country=cc,
                        off=OTHER_TZ[cc],
                        opened=START - 2000 * DAY,
                    )
                )
            self.remit_agents[cc] = lst
        self.atm_ph = [
            self._merchant(f"BAYANBANK ATM {c}", "PH", "6011", "PHP")
            for c in ("CEBU", "ANGELES", "TACLOBAN", "PASAY")
        ]
        # charities: domestic in US, GB, AU; one PH-based with a bayanbank account
        self.charities: dict[str, int] = {}
        for cc, nm in (
            ("US", "Bright Path Child Sponsorship"),
            ("GB", "Open Doors Education Trust"),
            ("AU", "Southern Cross Schools Appeal"),
        ):
            org = self.person(
                "organization", kind="organization", country=cc, first=nm, tz=DEMAND[cc][2][0][0]
            )
            src = BANK_A if cc == "US" else BANK_B
            party = self.party(
                org,
                src,
                START - 3000 * DAY,
                with_birth=False,
                with_id=False,
                email="donations@example.com",
                phone="",
            )
            self.charities[cc] = self.account(
                org,
                src,
                "bank",
                party=party,
                opened=START - 3000 * DAY,
                off=0 if src == BANK_A else DEMAND[cc][2][0][0],
            )
        org = self.person(
            "organization",
            kind="organization",
            country="PH",
            first="Bayanihan Learning Foundation Inc.",
            tz=480,
        )
        party = self.party(
            org,
            PHBANK,
            START - 2500 * DAY,
            with_birth=False,
            with_id=False,
            email="info.blf@example.com",
            phone="",
        )
        self.charities["PH"] = self.account(
            org, PHBANK, "bank", party=party, off=480, opened=START - 2500 * DAY
        )
        # the platform itself (pays creators)
        vorg = self.person("organization", kind="organization", country="US", first="VidChat Payouts LLC")
        self.vidchat_org = self.account(
            vorg,
            PLATFORM,
            "merchant",
            scheme="merchant",
            acct_id="vc:payouts",
            country="US",
            off=0,
            opened=START - 1500 * DAY,
        )

    # ---------------------------------------------------------------- customers
    def _customers(self) -> None:
        n, rng, r = self.n, self.rng, self.r
        n_pay = int(round(self.payer_rate * n))
        if self.payer_rate > 0:
            n_pay = max(n_pay, 2)
        sizes = {
            "offender_payer": n_pay,
            "sextortion_victim": max(2, round(0.0006 * n)),
            "diaspora_remitter": round(0.04 * n),
            "romance_victim": max(2, round(0.004 * n)),
            "webcam_customer": round(0.03 * n),
            "charity_sponsor": round(0.015 * n),
            "traveller": round(0.06 * n),
        }
        sizes["ordinary"] = n - sum(sizes.values())
        cw = {
            "offender_payer": {
                "US": 50,
                "GB": 8,
                "AU": 8,
                "CA": 7,
                "DE": 6,
                "SG": 3,
                "JP": 3,
                "SA": 3,
                "FR": 3,
                "NL": 3,
            },
            "diaspora_remitter": {"US": 40, "SA": 20, "CA": 12, "GB": 8, "AU": 8, "SG": 6, "JP": 3, "DE": 3},
        }
        cohort = np.concatenate([np.full(k, i) for i, k in enumerate(sizes.values())])
        cohorts = list(sizes)
        cohort = cohort[rng.permutation(n)]
        base_w = np.array([DEMAND[c][0] for c in DCC], float)
        country = np.empty(n, dtype=np.int64)
        for i, name in enumerate(cohorts):
            m = cohort == i
            wd = cw.get(name)
            w = np.array([wd.get(c, 0) for c in DCC], float) if wd else base_w
            country[m] = rng.choice(len(DCC), m.sum(), p=w / w.sum())
        ages = rng.uniform(19, 84, n)
        gender = np.where(rng.random(n) < 0.5, "m", "f").astype(object)
        gender[rng.random(n) < 0.005] = "x"
        spec = {
            "offender_payer": (lambda k: np.clip(rng.normal(51, 8, k), 32, 75), 0.97),
            "sextortion_victim": (lambda k: rng.uniform(15.6, 19.0, k), 0.85),
            "romance_victim": (lambda k: rng.uniform(52, 80, k), 0.5),
            "diaspora_remitter": (lambda k: rng.uniform(24, 60, k), 0.45),
            "webcam_customer": (lambda k: rng.uniform(21, 62, k), 0.88),
        }
        for i, name in enumerate(cohorts):
            if name in spec:
                m = cohort == i
                ages[m] = spec[name][0](m.sum())
                gender[m] = np.where(rng.random(m.sum()) < spec[name][1], "m", "f")
        birth = ((START - ages * 365.25 * DAY) // DAY).astype(np.int64)
        tz = np.empty(n, dtype=np.int64)
        for ci, cc in enumerate(DCC):
            m = country == ci
            offs = DEMAND[cc][2]
            w = np.array([x[1] for x in offs], float)
            tz[m] = np.array([x[0] for x in offs])[rng.choice(len(offs), m.sum(), p=w / w.sum())]
        # diaspora households: ~15% share a surname and beneficiaries with a sibling
        self.cust_person = np.zeros(n, dtype=np.int64)
        self.cust_cohort = [cohorts[c] for c in cohort]
        self.cust_country = country
        self.cust_tz = tz
        self.cust_cur = [DEMAND[DCC[c]][1] for c in country]
        self.cust_bank = np.full(n, -1, np.int64)
        self.cust_card = np.full(n, -1, np.int64)
        self.cust_bank_src = [""] * n
        self.cust_remit = np.full(n, -1, np.int64)
        self.cust_platform = np.full(n, -1, np.int64)
        self.by_cohort: dict[str, list[int]] = {c: [] for c in cohorts}
        platform_p = {
            "ordinary": 0.15,
            "webcam_customer": 0.6,
            "offender_payer": 0.75,
            "traveller": 0.15,
            "diaspora_remitter": 0.25,
            "sextortion_victim": 0.5,
        }
        remit_p = {
            "diaspora_remitter": 0.8,
            "offender_payer": 0.85,
            "romance_victim": 0.6,
            "ordinary": 0.03,
            "traveller": 0.03,
        }
        dia = [k for k in range(n) if self.cust_cohort[k] == "diaspora_remitter"]
        self.households: list[list[int]] = []
        sibling_of: dict[int, int] = {}
        i = 0
        while i < len(dia):
            if i + 1 < len(dia) and r.random() < 0.15:
                self.households.append(dia[i : i + 2])
                sibling_of[dia[i + 1]] = dia[i]
                i += 2
            else:
                self.households.append(dia[i : i + 1])
                i += 1
        for k in range(n):
            cc = DCC[country[k]]
            coh = self.cust_cohort[k]
            self.by_cohort[coh].append(k)
            pool = "PH" if coh == "diaspora_remitter" else None
            first, middle, last = self.random_name(cc, gender[k], pool)
            if k in sibling_of:  # diaspora siblings share the family surname
                last = self.P[self.cust_person[sibling_of[k]]]["last"]
            pi = self.person(
                coh,
                role="payer" if coh == "offender_payer" else "victim" if coh == "sextortion_victim" else "",
                country=cc,
                gender=gender[k],
                birth=int(birth[k]),
                first=first,
                middle=middle,
                last=last,
                tz=int(tz[k]),
            )
            self.cust_person[k] = pi
            city = r.choice(DEMAND[cc][4])
            young = coh == "sextortion_victim"
            # banks: primary acme (75%) or harbor; 12% hold both
            banks = [BANK_A if r.random() < 0.75 else BANK_B]
            if r.random() < 0.12:
                banks.append(BANK_B if banks[0] == BANK_A else BANK_A)
            for bi, src in enumerate(banks):
                opened = START - (r.randrange(30, 400) if young else r.randrange(60, 7000)) * DAY
                if src == BANK_A:
                    party = self.party(
                        pi,
                        src,
                        opened - r.randrange(0, 5) * DAY,
                        style=r.choice(("full", "full", "comma", "initial")),
                        phone_style="grouped",
                        city=city,
                    )
                    off = 0
                else:
                    party = self.party(
                        pi,
                        src,
                        opened,
                        style=r.choice(("upper", "full", "plain")) if r.random() > 0.03 else "typo",
                        phone_style="national",
                        email_case="upper" if r.random() < 0.2 else "lower",
                        city=city,
                        with_id=r.random() < 0.5,
                    )
                    off = int(tz[k])
                b = self.account(pi, src, "bank", party=party, opened=opened, off=off)
                c = -1
                if r.random() < (0.5 if young else 0.92):
                    c = self.account(
                        pi,
                        src,
                        "card",
                        party="" if r.random() < 0.4 else party,
                        opened=min(opened + r.randrange(0, 60) * DAY, START - DAY),
                        off=off,
                    )
                if bi == 0:
                    self.cust_bank[k], self.cust_card[k] = b, c
                    self.cust_bank_src[k] = src
            if r.random() < remit_p.get(coh, 0):
                opened = START - r.randrange(1, 1500) * DAY
                party = self.party(
                    pi,
                    REMIT,
                    opened,
                    style=r.choice(("plain", "plain", "nick", "typo", "full")),
                    phone_style="e164",
                    email_case="title",
                    with_birth=r.random() < 0.7,
                    with_id=r.random() < 0.6,
                )
                self.cust_remit[k] = self.account(
                    pi, REMIT, "remittance", scheme="send", party=party, opened=opened
                )
            if r.random() < platform_p.get(coh, 0):
                self.cust_platform[k] = self.platform_account(pi, START - r.randrange(-100, 1500) * DAY)
        self.sizes = sizes

    # ---------------------------------------------------------------- ordinary (vectorised)
    def _ordinary_activity(self) -> None:
        rng, n = self.rng, self.n
        v = self.v
        months = DAYS / 30.44
        # --- card purchases at domestic merchants
        rate = rng.gamma(2.0, 1.1, n)
        k = rng.poisson(rate * months)
        k[self.cust_card < 0] = 0
        who = np.repeat(np.arange(n), k)
        m = len(who)
        day = rng.integers(0, DAYS, m)
        hour = rng.choice(24, m, p=DAY_P)
        ts = START + day * DAY + hour * 3600 + rng.integers(0, 3600, m) - self.cust_tz[who] * 60
        catw = np.array([CATS[c][3] for c in CAT_NAMES], float)
        cat = rng.choice(len(CAT_NAMES), m, p=catw / catw.sum())
        ci = self.cust_country[who]
        midx = self.mer_start[ci, cat] + (rng.random(m) * self.mer_count[ci, cat]).astype(np.int64)
        racct = self.mer_acct[midx]
        med = np.array([CATS[c][1] for c in CAT_NAMES])[cat]
        sig = np.array([CATS[c][2] for c in CAT_NAMES])[cat]
        usd = np.exp(rng.normal(np.log(med), sig))
        self._add_card_chunk(who, ts, usd, racct)
        # --- domestic P2P transfers between customers of the same country
        rate = rng.gamma(1.2, 0.25, n)
        k = rng.poisson(rate * months)
        k[self.cust_bank < 0] = 0
        who = np.repeat(np.arange(n), k)
        m = len(who)
        order = np.argsort(self.cust_country, kind="stable")
        cstart = np.searchsorted(self.cust_country[order], np.arange(len(DCC)))
        ccount = np.bincount(self.cust_country, minlength=len(DCC))
        ci = self.cust_country[who]
        to = order[cstart[ci] + (rng.random(m) * ccount[ci]).astype(np.int64)]
        keep = to != who
        who, to = who[keep], to[keep]
        m = len(who)
        day = rng.integers(0, DAYS, m)
        ts = (
            START
            + day * DAY
            + rng.choice(24, m, p=DAY_P) * 3600
            + rng.integers(0, 3600, m)
            - self.cust_tz[who] * 60
        )
        usd = np.exp(rng.normal(np.log(90), 0.9, m))
        cur = np.array([v(c) for c in self.cust_cur])[who]
        amt = self._local_vec(usd, cur)
        src = np.array([v(s) for s in self.cust_bank_src])[who]
        refs = np.array([v(x) for x in REFS_P2P])[rng.integers(0, len(REFS_P2P), m)]
        self.tx_chunks.append(
            dict(
                ts=_wrap(ts),
                amt=amt,
                cur=cur,
                snd=self.cust_bank[who],
                rcv=self.cust_bank[to],
                chan=np.full(m, v("bank_transfer")),
                src=src,
                ref=refs,
                mcc=np.zeros(m, np.int64),
                mname=np.zeros(m, np.int64),
                off=self._bank_off(who),
            )
        )
        # --- small share of VPN subscribers and dating-site users among everyone
        r = self.r
        for kk in range(n):
            if self.cust_card[kk] < 0:
                continue
            u = r.random()
            if u < 0.04:
                self._subscription(kk, r.choice(self.vpn_mer), r.choice((4.99, 9.99, 11.99)))
            elif u < 0.06:
                self._subscription(kk, r.choice(self.dating_mer), r.choice((19.99, 29.99)))
            # occasional remittance senders send a gift abroad
            if self.cust_remit[kk] >= 0 and self.cust_cohort[kk] in ("ordinary", "traveller"):
                self._occasional_gifts(kk)

    def _bank_off(self, who: np.ndarray) -> np.ndarray:
        is_b = np.array([s == BANK_B for s in self.cust_bank_src])[who]
        return np.where(is_b, self.cust_tz[who], 0)

    def _local_vec(self, usd: np.ndarray, cur_codes: np.ndarray) -> np.ndarray:
        items = self.v.items
        rate = np.array([USD_PER.get(c, 1.0) for c in items])[cur_codes]
        zero = np.array([c in ZERO_DEC for c in items])[cur_codes]
        x = usd / rate
        return np.where(zero, np.maximum(1, np.round(x)), np.maximum(0.5, np.round(x, 2)))

    def _add_card_chunk(self, who, ts, usd, racct, ref_code=0) -> None:
        v = self.v
        m = len(who)
        mer_cur = np.array([v(c) for c in self.A["cur"]])
        cur = mer_cur[racct]
        amt = self._local_vec(usd, cur)
        uniq, inv = np.unique(racct, return_inverse=True)
        mcc = np.array([v(self.mer_info[int(a)][0]) for a in uniq], np.int64)[inv]
        mname = np.array([v(self.mer_info[int(a)][1]) for a in uniq], np.int64)[inv]
        src = np.array([v(s) for s in self.cust_bank_src])[who]
        self.tx_chunks.append(
            dict(
                ts=_wrap(ts),
                amt=amt,
                cur=cur,
                snd=self.cust_card[who],
                rcv=racct,
                chan=np.full(m, v("card")),
                src=src,
                ref=np.full(m, ref_code),
                mcc=mcc,
                mname=mname,
                off=self._bank_off(who),
            )
        )

    def _card(self, k: int, ts: int, usd: float, mer: int, local: float | None = None) -> None:
        if self.cust_card[k] < 0:
            return
        cur = self.A["cur"][mer]
        amt = _local_amount(usd, cur) if local is None else local
        src = self.cust_bank_src[k]
        mcc, name = self.mer_info[mer]
        if not START <= ts < END:
            return
        self.tx(
            int(ts),
            amt,
            cur,
            int(self.cust_card[k]),
            mer,
            "card",
            src,
            mcc=mcc,
            mname=name,
            off=int(self.cust_tz[k]) if src == BANK_B else 0,
        )

    def _subscription(self, k: int, mer: int, price: float) -> None:
        day0 = self.r.randrange(0, 28)
        for mth in range(12):
            ts = START + (mth * 30 + day0) * DAY + self.r.randrange(0, DAY)
            if ts < END:
                self._card(k, ts, 0.0, mer, local=price)

    def _local_hour_ts(self, k: int, day_utc: int, night: bool) -> int:
        r = self.r
        h = (
            r.choices(NIGHT_LIST, cum_weights=NIGHT_CUM)[0]
            if night
            else r.choices(HOURS, cum_weights=DAY_CUM)[0]
        )
        ts = START + day_utc * DAY + h * 3600 + r.randrange(3600) - int(self.cust_tz[k]) * 60
        return ts + DAY if ts < START else ts - DAY if ts >= END else ts

    # ---------------------------------------------------------------- PH receivers
    def ph_receiver(
        self,
        cohort: str,
        *,
        role: str = "",
        network: str = "",
        gender: str = "f",
        last: str = "",
        age=(24, 55),
        country: str = "PH",
    ) -> int:
        r = self.r
        first, middle, last0 = self.random_name(country, gender)
        pi = self.person(
            cohort,
            role=role,
            network=network,
            country=country,
            gender=gender,
            birth=int((START - r.uniform(*age) * 365.25 * DAY) // DAY),
            first=first,
            middle=middle,
            last=last or last0,
            tz=OTHER_TZ.get(country, 0),
        )
        self.P[pi]["rails"] = {}
        return pi

    def add_wallet(self, pi: int, *, second_identity: bool = False, opened: int | None = None) -> int:
        r = self.r
        p = self.P[pi]
        opened = opened if opened is not None else START - r.randrange(30, 1500) * DAY
        if second_identity:  # a second SIM registered under a variant of the name
            phone = "0" + "9" + "".join(str(r.randrange(10)) for _ in range(9))
            party = self.party(
                pi,
                WALLET,
                opened,
                style=r.choice(("nick", "initial", "dela")),
                phone=phone,
                email="",
                with_id=r.random() < 0.5,
            )
        else:
            party = self.party(
                pi, WALLET, opened, style=r.choice(("full", "plain", "dela")), phone_style="e164"
            )
            if p["phone"].startswith("63"):  # wallets show PH numbers in local form
                self.parties[-1]["phone"] = "0" + p["phone"][2:]
        a = self.account(
            pi,
            WALLET,
            "ewallet",
            party=party if r.random() < 0.9 else "",
            opened=opened,
            acct_id=self.wallet_id(),
            cur="PHP",
            off=480,
        )
        self.receipts[a] = []
        p["rails"].setdefault("wallet", []).append(a)
        return a

    def add_phbank(self, pi: int) -> int:
        r = self.r
        opened = START - r.randrange(60, 3000) * DAY
        party = self.party(pi, PHBANK, opened, style=r.choice(("comma", "full")), phone_style="grouped")
        a = self.account(pi, PHBANK, "bank", party=party, opened=opened, cur="PHP", off=480)
        self.receipts[a] = []
        self.P[pi]["rails"]["bank"] = a
        return a

    def payout_profile(self, sender_k: int, pi: int, ts: int) -> int:
        """quickremit keeps one beneficiary profile per (sender, beneficiary), name as typed."""
        key = ("payout", sender_k)
        p = self.P[pi]
        if key in p["rails"]:
            return p["rails"][key]
        r = self.r
        opened = ts - r.randrange(60, 7200)
        party = ""
        if r.random() < 0.5:
            party = self.party(
                pi,
                REMIT,
                opened,
                style=r.choice(("plain", "nick", "typo", "dela", "upper")),
                phone_style="e164" if r.random() < 0.7 else "none",
                email="",
                with_birth=False,
                with_id=False,
            )
            if self.parties[-1]["phone"] == p["phone"] and r.random() < 0.3:
                self.parties[-1]["phone"] = ""
        a = self.account(pi, REMIT, "remittance", scheme="payout", party=party, opened=opened)
        self.receipts[a] = []
        p["rails"][key] = a
        return a

    def send_abroad(self, k: int, pi: int, rail: str, ts: int, amount: float, ref: str) -> None:
        """Customer k pays person pi (abroad) over a rail; registers the receipt."""
        cur = self.cust_cur[k]
        p = self.P[pi]
        if rail.startswith("qr") and self.cust_remit[k] < 0:
            rail = "bank_" + rail[3:]
        if rail == "qr_pickup" or (rail == "qr_wallet" and "wallet" not in p["rails"]):
            rcv = self.payout_profile(k, pi, ts)
            self.tx(
                ts,
                amount,
                cur,
                int(self.cust_remit[k]),
                rcv,
                "remittance",
                REMIT,
                ref,
                off=int(self.cust_tz[k]),
            )
            self.receipt(rcv, ts, amount, cur)
            return
        if rail == "qr_wallet":
            rcv = (
                p["rails"]["wallet"][0]
                if len(p["rails"]["wallet"]) == 1
                else self.r.choice(p["rails"]["wallet"])
            )
            snd = int(self.cust_remit[k])
            self.tx(ts, amount, cur, snd, rcv, "remittance", REMIT, ref, off=int(self.cust_tz[k]))
            self.receipt(rcv, ts, amount, cur)
            if self.mirror_credits:  # the wallet reports the same credit from its side, in PHP
                php = round(amount * self.usd_per(cur, ts) / self.usd_per("PHP", ts) * 0.985, 2)
                self.tx(
                    ts + self.r.randrange(30, 400), php, "PHP", snd, rcv, "remittance", WALLET, "", off=480
                )
            return
        # bank rails: international transfer from the customer's bank
        if rail == "bank_bank" and "bank" in p["rails"]:
            rcv = p["rails"]["bank"]
        elif "wallet" in p["rails"]:
            rcv = self.r.choice(p["rails"]["wallet"])
        elif "bank" in p["rails"]:
            rcv = p["rails"]["bank"]
        elif "ext" in p["rails"]:
            rcv = p["rails"]["ext"]
        else:
            rcv = p["rails"]["ext"] = self.account(
                pi, "ext", "bank", scheme="ext", listed=False, opened=ts - 30 * DAY
            )
        src = self.cust_bank_src[k]
        self.tx(
            ts,
            amount,
            cur,
            int(self.cust_bank[k]),
            rcv,
            "bank_transfer",
            src,
            ref,
            off=int(self.cust_tz[k]) if src == BANK_B else 0,
        )
        self.receipt(rcv, ts, amount, cur)

    def _occasional_gifts(self, k: int) -> None:
        r = self.r
        cc = r.choice(("PH", "PH", "MX", "CO", "TH", "NG"))
        pi = self.ph_receiver("legit_beneficiary", gender=r.choice("mf"), country=cc)
        if cc == "PH" and r.random() < 0.6:
            self.add_wallet(pi)
        for _ in range(r.randrange(1, 4)):
            ts = self._local_hour_ts(k, r.randrange(DAYS), night=False)
            usd = r.choice((50, 100, 150, 200, 80))
            self.send_abroad(
                k,
                pi,
                "qr_wallet",
                ts,
                _round_pay(usd / USD_PER[self.cust_cur[k]], self.cust_cur[k], r),
                r.choice(("gift", "", "birthday", "gift")),
            )

    # ---------------------------------------------------------------- offender networks
    def _networks(self) -> None:
        r, rng = self.r, self.rng
        payers = self.by_cohort["offender_payer"]
        self.networks: dict[str, dict] = {}
        if not payers:
            return
        n_net = max(1, round(len(payers) / 3.2))
        zipf = 1 / np.arange(1, n_net + 1) ** 0.8
        net_of = list(range(n_net)) + [
            int(x) for x in rng.choice(n_net, len(payers) - n_net, p=zipf / zipf.sum())
        ]
        r.shuffle(net_of)
        for j in range(n_net):
            nid = f"osec-{self.seed:02d}-{j + 1:03d}"
            n_fac = r.choices((1, 2, 3), (50, 35, 15))[0]
            country = "PH" if r.random() < 0.85 else r.choice(("TH", "CO", "DO"))
            family = r.random() < 0.6
            fam_last = ""
            facs = []
            for _f in range(n_fac):
                g = "f" if r.random() < 0.88 else "m"
                pi = self.ph_receiver(
                    "facilitator",
                    role="facilitator",
                    network=nid,
                    gender=g,
                    last=fam_last if family and fam_last else "",
                    age=(23, 52),
                    country=country,
                )
                fam_last = self.P[pi]["last"]
                if country == "PH":
                    self.add_wallet(pi)
                    if r.random() < 0.4:
                        self.add_wallet(pi, second_identity=True)
                    if r.random() < 0.5:
                        self.add_phbank(pi)
                # platform host accounts: shared device across identities; some get banned
                dev = f"dv-{r.getrandbits(48):012x}"
                acc = self.platform_account(
                    pi, START - r.randrange(20, 900) * DAY, host=True, party_p=0.3, dev=dev
                )
                self.P[pi]["hosts"] = [(acc, START - DAY * 5000, END + DAY)]
                if r.random() < 0.35:
                    tban = START + r.randrange(90, DAYS - 30) * DAY + r.randrange(DAY)
                    self.A["closed"][acc] = tban
                    self.A["banned"][acc] = r.choice(
                        ("child sexual exploitation", "CSEA policy violation", "child safety: live-stream")
                    )
                    new_open = tban + r.randrange(1, 10) * DAY
                    acc2 = self.platform_account(pi, new_open, host=True, party_p=0.2, dev=dev)
                    self.P[pi]["hosts"] = [(acc, START - DAY * 5000, tban), (acc2, new_open, END + DAY)]
                facs.append(pi)
            self.networks[nid] = dict(facs=facs, payers=[], country=country)
        for k, j in zip(payers, net_of, strict=True):
            nid = f"osec-{self.seed:02d}-{j + 1:03d}"
            self.P[self.cust_person[k]]["network"] = nid
            self.networks[nid]["payers"].append(k)
            self._payer(k, self.networks[nid])

    def _host_at(self, pi: int, ts: int) -> int:
        for acc, t0, t1 in self.P[pi]["hosts"]:
            if t0 <= ts < t1 and self.A["opened"][acc] <= ts:
                return acc
        return -1

    def _payer(self, k: int, net: dict) -> None:
        r, rng = self.r, self.rng
        pi = self.cust_person[k]
        cur = self.cust_cur[k]
        facs = net["facs"]
        chosen = [facs[0]] + [f for f in facs[1:] if r.random() < 0.6]
        targets = []
        for f in chosen:
            opts = (
                ["qr_pickup", "qr_wallet", "bank_wallet", "bank_bank"]
                if net["country"] == "PH"
                else ["qr_pickup", "bank_ext"]
            )
            for rail in r.sample(opts, k=min(len(opts), r.choice((1, 1, 2)))):
                targets.append((f, rail))
        if len(targets) < 2:  # "several beneficiaries": make sure there are at least two rails
            targets.append((chosen[-1], "qr_pickup"))
        tw = rng.dirichlet(np.ones(len(targets)) * 0.8)
        fav_ref = r.choice(REFS_OSEC)
        # a second quickremit profile under a name variant (same phone, other e-mail)
        if self.cust_remit[k] >= 0 and r.random() < 0.3:
            opened = START + r.randrange(0, 120) * DAY
            p = self.P[pi]
            party = self.party(
                pi,
                REMIT,
                opened,
                style=r.choice(("initial", "nick", "typo")),
                phone_style="grouped",
                with_id=False,
                email=f"{_ascii(p['first'][0]).lower()}{r.randrange(100, 999)}{r.choice(WORDS)}@example.com",
            )
            self.P[pi]["alt_remit"] = self.account(
                pi, REMIT, "remittance", scheme="send", party=party, opened=opened
            )
        t0 = START + r.uniform(0, 0.45) * DAYS * DAY
        gap0, gap1 = r.uniform(10, 24), r.uniform(1.5, 5)
        usd0, usd1 = r.uniform(15, 40), r.uniform(60, 220)
        t = t0
        vid = int(self.cust_platform[k])
        while True:
            prog = (t - t0) / (END - t0)
            t += rng.exponential(gap0 * (gap1 / gap0) ** prog) * DAY
            if t >= END - DAY:
                break
            prog = (t - t0) / (END - t0)
            usd = usd0 * (usd1 / usd0) ** prog * float(rng.lognormal(0, 0.25))
            if r.random() < 0.03:
                usd = min(480.0, usd * r.uniform(2, 4))
            amt = _round_pay(usd / self.usd_per(cur, int(t)), cur, r)
            night = r.random() < 0.78
            day_utc = int((t - START) // DAY)
            ts = self._local_hour_ts(k, day_utc, night)
            if not START <= ts < END:
                continue
            f, rail = targets[int(rng.choice(len(targets), p=tw))]
            u = r.random()
            ref = fav_ref if u < 0.45 else r.choice(REFS_OSEC) if u < 0.7 else ""
            if ref and r.random() < 0.15:
                ref = ref.title() if r.random() < 0.5 else ref.upper()
            # private live session on the platform shortly before the payment
            if vid >= 0 and r.random() < 0.6:
                dur = r.randrange(8 * 60, 45 * 60)
                st = ts - dur - r.randrange(2 * 60, 40 * 60)
                host = self._host_at(f, st)
                if host >= 0 and st >= max(START, self.A["opened"][vid]):
                    vpn_cc = r.choice(("NL", "SE", "CH")) if r.random() < 0.2 else ""
                    self.session(st, dur, host, vid, True, None, "", viewer_cc=vpn_cc)
            alt = self.P[pi].get("alt_remit")
            if alt is not None and rail.startswith("qr") and r.random() < 0.4 and ts > self.A["opened"][alt]:
                saved = self.cust_remit[k]
                self.cust_remit[k] = alt
                self.send_abroad(k, f, rail, ts, amt, ref)
                self.cust_remit[k] = saved
            else:
                self.send_abroad(k, f, rail, ts, amt, ref)
        # side signals: VPN, webcam sites (masking), travel to the destination
        if r.random() < 0.6:
            self._subscription(k, r.choice(self.vpn_mer), r.choice((4.99, 9.99, 11.99)))
        if r.random() < 0.3:
            for _ in range(r.randrange(3, 15)):
                ts = self._local_hour_ts(k, r.randrange(DAYS), night=True)
                self._card(k, ts, 0.0, r.choice(self.webcam_mer), local=r.choice((9.99, 19.99, 49.99)))
        if r.random() < 0.25:
            self._trip(k, net["country"] if net["country"] in dict(TRAVEL_DEST) else "PH", atm_heavy=True)

    # ---------------------------------------------------------------- sextortion
    def _sextortion(self) -> None:
        r = self.r
        victims = self.by_cohort["sextortion_victim"]
        n_ring = max(1, len(victims) // 3)
        for j, k in enumerate(victims):
            ring = f"sxr-{self.seed:02d}-{j % n_ring + 1:02d}"
            pi = self.cust_person[k]
            self.P[pi]["network"] = ring
            cc = r.choice(("NG", "NG", "CI", "PH", "GH"))
            mule = self.ph_receiver(
                "extortionist",
                role="facilitator",
                network=ring,
                gender="m" if r.random() < 0.8 else "f",
                country=cc,
                age=(19, 35),
            )
            t_first = START + r.randrange(40, DAYS - 10) * DAY + r.randrange(DAY)
            # a young P2P wallet opened shortly before, topped up by a parent
            opened = t_first - r.randrange(5, 60) * DAY
            party = self.party(pi, P2P, opened, style="plain", phone_style="e164")
            w = self.account(pi, P2P, "ewallet", party=party, opened=opened, off=0)
            same = [
                x for x in self.by_cohort["ordinary"][:400] if self.cust_country[x] == self.cust_country[k]
            ]
            parent_k = r.choice(same or self.by_cohort["ordinary"])
            pcur = self.cust_cur[parent_k]
            for _ in range(r.randrange(1, 4)):
                ts = opened + r.randrange(1, max(2, (t_first - opened) // DAY)) * DAY + r.randrange(DAY)
                if START <= ts < t_first:
                    src = self.cust_bank_src[parent_k]
                    amt = _round_pay(r.choice((10, 20, 25, 30)) / USD_PER[pcur], pcur, r, 1.0)
                    self.tx(
                        ts,
                        amt,
                        pcur,
                        int(self.cust_bank[parent_k]),
                        w,
                        "bank_transfer",
                        src,
                        "allowance",
                        off=int(self.cust_tz[parent_k]) if src == BANK_B else 0,
                    )
            m_open = t_first - r.randrange(1, 20) * DAY
            if cc == "PH":
                rcv = self.add_wallet(mule, opened=m_open)
            else:
                rcv = self.account(mule, "ext", "bank", scheme="ext", listed=False, opened=m_open)
            t = t_first
            usd = r.uniform(40, 120)
            for _ in range(r.randrange(3, 7)):
                cur = self.cust_cur[k]
                amt = _round_pay(min(240.0, usd) / USD_PER[cur], cur, r, 0.7)
                self.tx(
                    int(t),
                    amt,
                    cur,
                    w,
                    rcv,
                    "gift_card" if r.random() < 0.25 else "ewallet",
                    P2P,
                    r.choice(("", "", "gift", "load")),
                    off=0,
                )
                self.receipt(rcv, int(t), amt, cur)
                t += r.randrange(20 * 60, 20 * 3600)
                usd *= r.uniform(1.1, 1.6)
                if t >= END:
                    break

    # ---------------------------------------------------------------- diaspora remitters
    def _diaspora(self) -> None:
        r = self.r
        for hh in self.households:
            fam = self.P[self.cust_person[hh[0]]]["last"]
            benes = []
            for _b in range(r.choice((1, 1, 2))):
                pi = self.ph_receiver(
                    "legit_beneficiary",
                    gender="f" if r.random() < 0.7 else "m",
                    last=fam if r.random() < 0.8 else "",
                    age=(20, 75),
                )
                if r.random() < 0.65:
                    self.add_wallet(pi)
                if r.random() < 0.35:
                    self.add_phbank(pi)
                benes.append(pi)
            extra = None
            if r.random() < 0.25:
                extra = self.ph_receiver("legit_beneficiary", gender=r.choice("mf"), last=fam, age=(16, 40))
                self.add_wallet(extra)
            for k in hh:
                self._remitter(k, benes, extra)

    def _remitter(self, k: int, benes: list[int], extra: int | None) -> None:
        r = self.r
        cur = self.cust_cur[k]
        usd = r.uniform(120, 600)
        dom = r.choice((15, 30, 28, 5, 10, 20))
        rails = {b: r.choice(("qr_wallet", "qr_pickup", "bank_bank", "qr_wallet")) for b in benes}
        start_m = 0 if r.random() < 0.85 else r.randrange(1, 8)
        for mth in range(start_m, 12):
            for b in benes if r.random() < 0.5 else benes[:1]:
                day = min(DAYS - 1, mth * 30.5 + dom + r.randrange(-3, 4))
                ts = self._local_hour_ts(k, max(0, int(day)), night=r.random() < 0.08)
                if not START <= ts < END:
                    continue
                amt = usd * r.uniform(0.85, 1.15) / USD_PER[cur]
                amt = _round_pay(amt, cur, r, 0.6)
                ref = r.choices([x for x, _ in REFS_DIASPORA], [w for _, w in REFS_DIASPORA])[0]
                if mth in (5, 6) and r.random() < 0.4:
                    ref, amt = r.choice(("school fees", "tuition", "enrollment")), amt * 1.5
                if mth == 11 and r.random() < 0.5:
                    ref, amt = r.choice(("gift", "christmas gift", "pamasko")), amt * 1.3
                self.send_abroad(
                    k, b, rails[b], ts, round(amt, 2) if cur not in ZERO_DEC else float(round(amt)), ref
                )
        if extra is not None:  # small "load" top-ups to a younger sibling
            for _ in range(r.randrange(6, 30)):
                ts = self._local_hour_ts(k, r.randrange(DAYS), night=r.random() < 0.25)
                amt = _round_pay(r.choice((5, 10, 10, 20)) / USD_PER[cur], cur, r, 1.0)
                self.send_abroad(k, extra, "qr_wallet", ts, amt, r.choice(("load", "", "allowance")))
        if r.random() < 0.2:
            self._trip(k, "PH")

    # ---------------------------------------------------------------- romance-scam victims
    def _romance(self) -> None:
        r = self.r
        victims = self.by_cohort["romance_victim"]
        scammers: list[int] = []
        for k in victims:
            if scammers and r.random() < 0.3:
                s = r.choice(scammers)
            else:
                cc = r.choice(("GH", "NG", "PH", "PH", "MY"))
                s = self.ph_receiver("romance_scammer", gender=r.choice("mf"), country=cc, age=(22, 45))
                if cc == "PH":
                    self.add_wallet(s)
                scammers.append(s)
            cur = self.cust_cur[k]
            t = START + r.uniform(0, 0.7) * DAYS * DAY
            usd = r.uniform(80, 300)
            rail = r.choice(("qr_pickup", "bank_ext", "qr_wallet"))
            for _ in range(r.randrange(6, 26)):
                ts = self._local_hour_ts(k, int((t - START) // DAY), night=r.random() < 0.1)
                if ts >= END:
                    break
                if ts >= START:
                    self.send_abroad(
                        k, s, rail, ts, _round_pay(usd / USD_PER[cur], cur, r, 0.5), r.choice(REFS_ROMANCE)
                    )
                t += r.uniform(4, 20) * DAY
                usd = min(5000.0, usd * r.uniform(1.05, 1.35))

    # ---------------------------------------------------------------- adult webcam customers
    def _webcam(self) -> None:
        r = self.r
        n_models = max(4, self.n // 250)
        models = []
        for _ in range(n_models):
            cc = r.choices(("PH", "CO", "RO", "US"), (35, 30, 20, 15))[0]
            if cc == "US":
                first, middle, last = self.random_name("US", "f")
                pi = self.person(
                    "webcam_model",
                    country="US",
                    gender="f",
                    birth=int((START - r.uniform(21, 40) * 365.25 * DAY) // DAY),
                    first=first,
                    last=last,
                    tz=-300,
                )
                self.P[pi]["rails"] = {}
            else:
                pi = self.ph_receiver("webcam_model", gender="f", country=cc, age=(21, 38))
            if cc == "PH":
                self.add_wallet(pi)
            acc = self.platform_account(pi, START - r.randrange(30, 1200) * DAY, host=True)
            models.append((pi, acc))
        self.models = models
        viewers = [int(self.cust_platform[k]) for k in range(self.n) if self.cust_platform[k] >= 0]
        earnings: dict[int, float] = {}
        for k in self.by_cohort["webcam_customer"]:
            favs = r.sample(models, k=min(len(models), r.randrange(1, 4)))
            for _ in range(int(self.rng.poisson(r.uniform(1, 6) * 12))):
                ts = self._local_hour_ts(k, r.randrange(DAYS), night=r.random() < 0.65)
                self._card(
                    k,
                    ts,
                    0.0,
                    r.choice(self.webcam_mer[:2] if r.random() < 0.7 else self.webcam_mer),
                    local=r.choice((9.99, 19.99, 19.99, 49.99, 99.99)),
                )
            vid = int(self.cust_platform[k])
            if vid < 0:
                continue
            for _ in range(int(self.rng.poisson(r.uniform(0.5, 3) * 12))):
                pi, host = r.choice(favs)
                ts = self._local_hour_ts(k, r.randrange(DAYS), night=r.random() < 0.6)
                if ts < max(START, self.A["opened"][vid]):
                    continue
                tip = float(r.choice((5, 10, 15, 20, 25, 40, 60)))
                self.session(ts, r.randrange(5 * 60, 40 * 60), host, vid, True, tip, "adult")
                earnings[pi] = earnings.get(pi, 0.0) + tip
        # public shows with several viewers
        for _pi, host in models:
            for _ in range(r.randrange(20, 60)):
                st = START + r.randrange(DAYS * DAY - 4 * 3600)
                nv = min(len(viewers), 1 + int(self.rng.geometric(0.25)))
                sid = ""
                for vw in r.sample(viewers, k=nv) if viewers else []:
                    if self.A["opened"][vw] <= st:
                        sid = self.session(
                            st,
                            r.randrange(20 * 60, 3 * 3600),
                            host,
                            vw,
                            False,
                            float(r.choice((1, 2, 5))) if r.random() < 0.2 else None,
                            "adult",
                            sid=sid,
                        )
        # monthly creator payouts from the platform (PH models: to the wallet)
        for pi, _host in models:
            if pi in earnings and "wallet" in self.P[pi]["rails"]:
                w = self.P[pi]["rails"]["wallet"][0]
                per = earnings[pi] * 0.5 / 12
                for mth in range(12):
                    ts = START + (mth * 30 + 3) * DAY + 5 * 3600
                    self.tx(
                        ts,
                        round(per * r.uniform(0.6, 1.4) + 10, 2),
                        "USD",
                        self.vidchat_org,
                        w,
                        "ewallet",
                        PLATFORM,
                        f"creator payout {mth + 1:02d}/2024",
                    )
                    self.receipt(w, ts, per, "USD")

    # ---------------------------------------------------------------- charity sponsors
    def _charity(self) -> None:
        r = self.r
        for k in self.by_cohort["charity_sponsor"]:
            cc = DCC[self.cust_country[k]]
            org = self.charities.get(cc) if r.random() < 0.7 else None
            org = org if org is not None else self.charities["PH"]
            cur = self.cust_cur[k]
            amt = _round_pay(r.choice((30, 35, 38, 45, 50)) / USD_PER[cur], cur, r, 1.0)
            dom = r.randrange(1, 28)
            ref = r.choice(("sponsorship", "child sponsorship", "education", "donation")) + (
                f" {r.randrange(10000, 99999)}" if r.random() < 0.5 else ""
            )
            src = self.cust_bank_src[k]
            if self.cust_bank[k] < 0:
                continue
            for mth in range(12):
                day = mth * 30.5 + dom
                ts = START + int(day) * DAY + 6 * 3600 - int(self.cust_tz[k]) * 60
                if START <= ts < END:
                    self.tx(
                        ts,
                        amt,
                        cur,
                        int(self.cust_bank[k]),
                        org,
                        "bank_transfer",
                        src,
                        ref,
                        off=int(self.cust_tz[k]) if src == BANK_B else 0,
                    )
            if r.random() < 0.2:
                ts = START + 345 * DAY + r.randrange(DAY)
                self.tx(
                    ts,
                    amt * 2,
                    cur,
                    int(self.cust_bank[k]),
                    org,
                    "bank_transfer",
                    src,
                    "christmas gift",
                    off=int(self.cust_tz[k]) if src == BANK_B else 0,
                )

    # ---------------------------------------------------------------- travellers
    def _trip(self, k: int, dest: str, atm_heavy: bool = False) -> None:
        r = self.r
        home = DCC[self.cust_country[k]]
        if dest == home:
            dest = "TH"
        length = r.randrange(4, 17)
        d0 = r.randrange(20, DAYS - length - 1)
        self._card(
            k,
            START + (d0 - r.randrange(10, 60)) * DAY + r.randrange(DAY),
            r.uniform(500, 1500),
            self.airlines[home],
        )
        tz = OTHER_TZ.get(dest, DEMAND.get(dest, (0, 0, ((0, 1),)))[2][0][0])
        for d in range(d0, d0 + length):
            for _ in range(r.randrange(1, 5)):
                t = r.choices(
                    ("restaurant", "grocery", "taxi", "atm"), (40, 20, 20, 40 if atm_heavy else 10)
                )[0]
                mcc, med, sig = TRAVEL[t]
                ts = START + d * DAY + r.randrange(8, 23) * 3600 - tz * 60
                mer = r.choice(self.travel_mer[(dest, t)])
                if t == "atm":  # cash withdrawals abroad, in round local amounts
                    local = med * r.uniform(0.5, 2) / USD_PER[self.A["cur"][mer]]
                    step = 10.0 ** max(0, int(math.log10(local)) - 1)
                    self._card(k, ts, 0.0, mer, local=max(step, round(local / step) * step))
                else:
                    self._card(k, ts, float(self.rng.lognormal(math.log(med), sig)), mer)
        ts = START + (d0 + length) * DAY + 9 * 3600 - tz * 60
        self._card(
            k,
            ts,
            TRAVEL["hotel"][1] * length * r.uniform(0.6, 1.5),
            r.choice(self.travel_mer[(dest, "hotel")]),
        )

    def _travel(self) -> None:
        r = self.r
        dests = [d for d, _ in TRAVEL_DEST]
        w = [x for _, x in TRAVEL_DEST]
        for k in self.by_cohort["traveller"]:
            for _ in range(r.choice((1, 1, 2, 3))):
                self._trip(k, r.choices(dests, w)[0])

    # ---------------------------------------------------------------- ordinary streamers
    def _streamers(self) -> None:
        r = self.r
        viewers = [int(self.cust_platform[k]) for k in range(self.n) if self.cust_platform[k] >= 0]
        if not viewers:
            return
        for _ in range(max(3, self.n // 250)):
            cc = r.choices(("US", "GB", "PH", "DE", "JP", "CO"), (30, 15, 20, 10, 10, 15))[0]
            g = r.choice("mf")
            first, middle, last = self.random_name(cc, g)
            pi = self.person(
                "streamer",
                country=cc,
                gender=g,
                first=first,
                last=last,
                birth=int((START - r.uniform(18, 45) * 365.25 * DAY) // DAY),
                tz=OTHER_TZ.get(cc, DEMAND.get(cc, (0, 0, ((0, 1),)))[2][0][0]),
            )
            host = self.platform_account(pi, START - r.randrange(30, 1500) * DAY)
            cat = r.choice(("gaming", "cooking", "music", "talk", "travel"))
            for _ in range(r.randrange(15, 50)):
                st = START + r.randrange(DAYS * DAY - 4 * 3600)
                sid = ""
                for vw in r.sample(viewers, k=min(len(viewers), 1 + int(self.rng.geometric(0.3)))):
                    if self.A["opened"][vw] <= st:
                        sid = self.session(
                            st,
                            r.randrange(15 * 60, 4 * 3600),
                            host,
                            vw,
                            False,
                            float(r.choice((1, 2, 5, 10))) if r.random() < 0.1 else None,
                            cat,
                            sid=sid,
                        )
        # facilitators' host accounts also run ordinary-looking public streams (cover)
        for net in self.networks.values():
            for f in net["facs"]:
                for _ in range(r.randrange(2, 10)):
                    st = START + r.randrange(DAYS * DAY - 4 * 3600)
                    host = self._host_at(f, st)
                    if host < 0:
                        continue
                    sid = ""
                    for vw in r.sample(viewers, k=min(len(viewers), r.randrange(1, 4))):
                        if self.A["opened"][vw] <= st:
                            sid = self.session(
                                st, r.randrange(10 * 60, 3600), host, vw, False, None, "talk", sid=sid
                            )

    # ---------------------------------------------------------------- cash-outs (PH side)
    def _cash_outs(self) -> None:
        r = self.r
        A = self.A
        for acct, recs in self.receipts.items():
            if not recs:
                continue
            recs.sort()
            src, cc = A["source"][acct], A["country"][acct]
            cur = A["cur"][acct]
            if src == REMIT:  # cash pickup of each remittance
                agents = self.remit_agents.get(cc) or self.remit_agents["PH"]
                for ts, usd in recs:
                    t = ts + r.randrange(1800, 48 * 3600)
                    if t < END:
                        self.tx(
                            t,
                            _local_amount(usd * 0.99, cur),
                            cur,
                            acct,
                            r.choice(agents),
                            "cash_pickup",
                            REMIT,
                            "",
                            off=OTHER_TZ.get(cc, 0),
                        )
                continue
            if src not in (WALLET, PHBANK):
                continue
            i = 0
            while i < len(recs):
                j = min(len(recs), i + r.randrange(1, 5))
                usd = sum(x[1] for x in recs[i:j])
                t = recs[j - 1][0] + r.randrange(3600, 30 * 3600)
                i = j
                if t >= END:
                    break
                php = usd / self.usd_per("PHP", t) * r.uniform(0.8, 1.0)
                if src == WALLET:
                    php = math.floor(php / 100) * 100
                    if php >= 100:
                        self.tx(
                            t,
                            float(php),
                            "PHP",
                            acct,
                            r.choice(self.wallet_agents),
                            "cash_pickup",
                            WALLET,
                            "",
                            off=480,
                        )
                    if r.random() < 0.3:
                        self.tx(
                            t + r.randrange(600, 7200),
                            float(r.choice((50, 100, 300))),
                            "PHP",
                            acct,
                            self.load_mer,
                            "ewallet",
                            WALLET,
                            "load",
                            off=480,
                        )
                else:
                    while php >= 500:
                        w = min(20000.0, math.floor(php / 500) * 500)
                        self.tx(
                            t,
                            w,
                            "PHP",
                            acct,
                            r.choice(self.atm_ph),
                            "card",
                            PHBANK,
                            "",
                            "6011",
                            "BAYANBANK ATM",
                            off=480,
                        )
                        php -= w
                        t += 600

    # ==============================================================================================
    # Export
    # ==============================================================================================
    def transactions_table(self) -> tuple[dict[str, pa.Array], dict[str, np.ndarray]]:
        v = self.v
        rows = self.tx_rows
        if rows:
            cols = list(zip(*rows, strict=True))
            self.tx_chunks.append(
                dict(
                    ts=np.array(cols[0], np.int64),
                    amt=np.array(cols[1], float),
                    cur=np.array(cols[2], np.int64),
                    snd=np.array(cols[3], np.int64),
                    rcv=np.array(cols[4], np.int64),
                    chan=np.array(cols[5], np.int64),
                    src=np.array(cols[6], np.int64),
                    ref=np.array(cols[7], np.int64),
                    mcc=np.array(cols[8], np.int64),
                    mname=np.array(cols[9], np.int64),
                    off=np.array(cols[10], np.int64),
                )
            )
            self.tx_rows = []
        T = {k: np.concatenate([c[k] for c in self.tx_chunks]) for k in self.tx_chunks[0]}
        order = np.lexsort((T["snd"], T["ts"]))
        T = {k: x[order] for k, x in T.items()}
        n = len(order)
        rng = np.random.default_rng([self.seed, 99])
        vocab = v.arr()
        src_str = pc.take(vocab, pa.array(T["src"]))
        # ids per source, each with its own scheme
        src_items = v.items
        pieces, where = [], []
        for code in np.unique(T["src"]):
            pos = np.nonzero(T["src"] == code)[0]
            prefix, digits = TXN_ID[src_items[code]]
            pieces.append(_Ids(prefix, digits, self.seed + int(code) * 31).many(len(pos)))
            where.append(pos)
        ids = pa.concat_arrays(pieces).take(pa.array(np.argsort(np.concatenate(where))))
        zulu = np.array([s in ZULU_SOURCES for s in src_items])[T["src"]]
        ts = _fmt_ts(T["ts"], T["off"], zulu)
        cur_items = src_items
        zero = np.array([c in ZERO_DEC for c in cur_items])[T["cur"]]
        fixed2 = np.array([s not in (REMIT, P2P) for s in src_items])[T["src"]]
        amount = _fmt_amount(T["amt"], zero, fixed2)
        acc_cc = np.array(self.A["country"], dtype=object)
        acc_id = pa.array(self.A["id"], pa.string())
        s_cc = acc_cc[T["snd"]].copy()
        r_cc = acc_cc[T["rcv"]].copy()

        # realistic missingness of countries
        def is_src(s):
            return T["src"] == v.idx.get(s, -1)

        r_cc[is_src(BANK_B) & (rng.random(n) < 0.05)] = ""
        s_cc[is_src(REMIT) & (rng.random(n) < 0.03)] = ""
        s_cc[is_src(WALLET) & (rng.random(n) < 0.5)] = ""
        fee = np.full(n, "", dtype=object)
        fee[is_src(REMIT)] = rng.choice(["0", "1.99", "2.99", "4.99"], int(is_src(REMIT).sum()))
        status = np.where(is_src(REMIT), "PAID", "settled")
        return {
            "timestamp": ts,
            "txn_id": ids,
            "source": src_str,
            "channel": pc.take(vocab, pa.array(T["chan"])),
            "sender_account_id": pc.take(acc_id, pa.array(T["snd"])),
            "receiver_account_id": pc.take(acc_id, pa.array(T["rcv"])),
            "amount": amount,
            "currency": pc.take(vocab, pa.array(T["cur"])),
            "reference": pc.take(vocab, pa.array(T["ref"])),
            "sender_country": pa.array(s_cc, pa.string()),
            "receiver_country": pa.array(r_cc, pa.string()),
            "merchant_category": pc.take(vocab, pa.array(T["mcc"])),
            "merchant_name": pc.take(vocab, pa.array(T["mname"])),
            "fee": pa.array(fee, pa.string()),  # extra, unknown to v1
            "value_date": pc.utf8_slice_codeunits(ts, 0, 10),  # extra, unknown to v1
            "status": pa.array(status, pa.string()),  # extra, unknown to v1
        }, T

    def accounts_table(self) -> dict[str, pa.Array]:
        A = self.A
        listed = np.array(A["listed"], bool)
        idx = np.nonzero(listed)[0]
        src = np.array(A["source"], dtype=object)[idx]
        off = np.array(A["off"], np.int64)[idx]
        zulu = np.array([s in ZULU_SOURCES for s in src])
        opened = np.array(A["opened"], np.int64)[idx]
        closed = np.array(A["closed"], np.int64)[idx]
        # a few legitimate closures for other reasons (no banned_reason)
        rng = np.random.default_rng([self.seed, 7])
        plat = (src == PLATFORM) & (closed < 0) & (opened < END - 60 * DAY) & (rng.random(len(idx)) < 0.01)
        closed = np.where(plat, np.minimum(END - DAY, np.maximum(opened, START) + DAY * 30), closed)

        def take(col):
            return pa.array(np.array(A[col], dtype=object)[idx].tolist(), pa.string())

        status = np.where(closed >= 0, "closed", "active")
        return {
            "account_id": take("id"),
            "source": pa.array(src.tolist(), pa.string()),
            "kind": take("kind"),
            "party_id": take("party"),
            "country": take("country"),
            "opened_at": _fmt_ts(opened, off, zulu),
            "closed_at": _fmt_ts(closed, off, zulu),
            "username": take("username"),
            "banned_reason": take("banned"),
            "currency": take("cur"),  # extra
            "status": pa.array(status.tolist(), pa.string()),  # extra
        }

    def parties_table(self) -> dict[str, pa.Array]:
        P = self.parties
        created = np.array([p["created_at"] for p in P], np.int64)
        src = [p["source"] for p in P]
        zulu = np.array([s in ZULU_SOURCES for s in src])
        off = np.array([p["off"] for p in P], np.int64)
        off = np.where(np.isin(src, [WALLET, PHBANK]), 480, off)
        segs = {
            BANK_A: "retail",
            BANK_B: "member",
            REMIT: "consumer",
            WALLET: "basic",
            PHBANK: "savings",
            PLATFORM: "user",
            P2P: "teen",
            ACQ: "merchant",
        }

        def col(k):
            return pa.array([p[k] for p in P], pa.string())

        return {
            "source": col("source"),
            "party_id": col("party_id"),
            "name": col("name"),
            "kind": col("kind"),
            "gender": col("gender"),
            "birth_date": col("birth_date"),
            "country": col("country"),
            "city": col("city"),
            "phone": col("phone"),
            "email": col("email"),
            "id_number": col("id_number"),
            "created_at": _fmt_ts(created, off, zulu),
            "segment": pa.array([segs.get(s, "") for s in src], pa.string()),  # extra
        }

    def sessions_table(self) -> dict[str, pa.Array]:
        A = self.A
        rows = sorted(self.sess_rows, key=lambda x: (x[1], x[0], x[4]))
        if not rows:
            return {}
        sid, st, dur, host, viewer, private, paid, cat, vcc, ms = map(list, zip(*rows, strict=True))
        host = np.array(host)
        viewer = np.array(viewer)
        cc = np.array(A["country"], dtype=object)
        ip = np.array(A["ip"], dtype=object)
        dev = np.array(A["dev"], dtype=object)
        v_cc = np.where(np.array(vcc, dtype=object) != "", np.array(vcc, dtype=object), cc[viewer])
        st = np.array(st, np.int64)
        n = len(rows)
        return {
            "source": pa.array([PLATFORM] * n, pa.string()),
            "session_id": pa.array(sid, pa.string()),
            "host_account_id": pa.array(np.array(A["id"], dtype=object)[host].tolist(), pa.string()),
            "viewer_account_id": pa.array(np.array(A["id"], dtype=object)[viewer].tolist(), pa.string()),
            "started_at": _fmt_ts(st, np.zeros(n, np.int64), np.ones(n, bool), ms=np.array(ms)),
            "duration_s": pa.array([str(d) for d in dur], pa.string()),  # extra
            "private": pa.array(["1" if p else "0" for p in private], pa.string()),
            "host_country": pa.array(cc[host].tolist(), pa.string()),
            "viewer_country": pa.array(v_cc.tolist(), pa.string()),
            "host_ip": pa.array(ip[host].tolist(), pa.string()),
            "viewer_ip": pa.array(ip[viewer].tolist(), pa.string()),
            "host_device_id": pa.array(dev[host].tolist(), pa.string()),
            "viewer_device_id": pa.array(dev[viewer].tolist(), pa.string()),
            "paid_amount": pa.array(["" if p is None else f"{p:.2f}" for p in paid], pa.string()),
            "currency": pa.array(["" if p is None else "USD" for p in paid], pa.string()),
            "category": pa.array(cat, pa.string()),  # extra
        }

    def fx_table(self) -> dict[str, pa.Array]:
        dates, curs, vals = [], [], []
        monday0 = START - 0 * DAY  # 2024-01-01 is a Monday
        for w in range(len(next(iter(self.fx_weeks.values())))):
            d = str(np.datetime64((monday0 - 7 * DAY) // DAY + 7 * w, "D"))
            for cur, series in self.fx_weeks.items():
                dates.append(d)
                curs.append(cur)
                vals.append(f"{series[w]:.8g}")
        return {
            "date": pa.array(dates, pa.string()),
            "currency": pa.array(curs, pa.string()),
            "usd_per_unit": pa.array(vals, pa.string()),
        }


# ----------------------------------------------------------------------------------------------
# Writers
# ----------------------------------------------------------------------------------------------

MIXED = {
    "transactions": "csv.gz",
    "parties": "jsonl",
    "accounts": "parquet",
    "sessions": "csv",
    "fx_rates": "jsonl.gz",
}
FORMATS = ("mixed", "csv", "csv.gz", "jsonl", "jsonl.gz", "parquet")
TABLES = ("parties", "accounts", "transactions", "sessions", "fx_rates", "messages", "media", "reports")
# columns written with a native type where the format has one (parquet, JSON)
DEC_COLS = {"amount", "paid_amount", "usd_per_unit"}
BOOL_COLS = {"private"}


def _typed(name: str, arr: pa.Array, fmt: str) -> pa.Array:
    if name in DEC_COLS:
        num = pc.if_else(pc.equal(arr, ""), pa.scalar(None, pa.string()), arr)
        return num.cast(pa.float64())
    if name in BOOL_COLS:
        return pc.equal(arr, "1") if fmt == "parquet" else arr
    return arr


def _write_csv(path: Path, table: pa.Table, gz: bool, python_csv: bool) -> None:
    if python_csv:  # RFC 4180 with CRLF and minimal quoting, via the stdlib
        buf = io.StringIO(newline="")
        wr = csv.writer(buf, lineterminator="\r\n")
        wr.writerow(table.column_names)
        wr.writerows(zip(*[c.to_pylist() for c in table.columns], strict=True))
        path.write_text(buf.getvalue(), encoding="utf-8", newline="")
        return
    buf = pa.BufferOutputStream()
    pacsv.write_csv(table, buf, pacsv.WriteOptions(quoting_style="needed"))
    _write_bytes(path, buf.getvalue().to_pybytes(), gz)


def _write_bytes(path: Path, data: bytes, gz: bool) -> None:
    if not gz:
        path.write_bytes(data)
        return
    with (
        open(path, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=2, mtime=0, filename="") as out,
    ):
        out.write(data)


def _write_jsonl(path: Path, table: pa.Table, numeric: set[str], gz: bool) -> None:
    parts = []
    for i, name in enumerate(table.column_names):
        col = table.column(i).combine_chunks()
        key = json.dumps(name) + ":"
        if name in numeric:
            val = col.cast(pa.string())
        else:
            esc = pc.replace_substring(pc.replace_substring(col, "\\", "\\\\"), '"', '\\"')
            val = pc.binary_join_element_wise(pa.scalar('"'), esc, pa.scalar('"'), "")
        parts.append(pc.binary_join_element_wise(pa.scalar(key), val, ""))
    line = pc.binary_join_element_wise(*parts, ",")
    text = "\n".join(f"{{{x}}}" for x in line.to_pylist()) + "\n"
    _write_bytes(path, text.encode("utf-8"), gz)


def _write(bundle: Path, name: str, cols: dict[str, pa.Array], ext: str) -> Path:
    path = bundle / f"{name}.{ext}"
    if ext == "parquet":
        table = pa.table({k: _typed(k, v, "parquet") for k, v in cols.items()})
        pq.write_table(table, str(path))
    elif ext.startswith("csv"):
        table = pa.table(cols)
        _write_csv(path, table, ext.endswith(".gz"), python_csv=name == "sessions")
    else:
        numeric = {"usd_per_unit"} if name == "fx_rates" else set()
        _write_jsonl(path, pa.table(cols), numeric, ext.endswith(".gz"))
    return path


# ----------------------------------------------------------------------------------------------
# Public API
# ----------------------------------------------------------------------------------------------


def generate(
    out_dir: Path,
    seed: int = 1,
    customers: int = 5000,
    payer_rate: float = 0.002,
    fmt: str = "mixed",
    mirror_credits: bool = True,
) -> dict:
    """Build the world and write ``out_dir/bundle/*`` and ``out_dir/truth/*.csv``."""
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}")
    t0 = time.perf_counter()
    w = _World(int(seed), int(customers), float(payer_rate), mirror_credits)
    w.build()
    out = Path(out_dir)
    bundle, truth = out / "bundle", out / "truth"
    bundle.mkdir(parents=True, exist_ok=True)
    truth.mkdir(parents=True, exist_ok=True)
    for f in bundle.iterdir():  # never leave a stale copy of a table in another format
        if f.is_file() and f.name.split(".")[0] in TABLES:
            f.unlink()
    txn, T = w.transactions_table()
    tables = {
        "parties": w.parties_table(),
        "accounts": w.accounts_table(),
        "transactions": txn,
        "sessions": w.sessions_table(),
        "fx_rates": w.fx_table(),
    }
    files = {}
    rows = {}
    for name, cols in tables.items():
        if not cols:
            continue
        ext = MIXED[name] if fmt == "mixed" else fmt
        files[name] = _write(bundle, name, cols, ext).name
        rows[name] = len(next(iter(cols.values())))
    # ---- truth
    used = set(T["snd"].tolist()) | set(T["rcv"].tolist())
    used |= {x[3] for x in w.sess_rows} | {x[4] for x in w.sess_rows}
    A = w.A
    with open(truth / "accounts.csv", "w", newline="", encoding="utf-8") as fh:
        wr = csv.writer(fh)
        wr.writerow(["account_id", "party_id", "person_id"])
        for i in range(len(A["id"])):
            if A["listed"][i] or i in used:
                wr.writerow([A["id"][i], A["party"][i], w.P[A["person"][i]]["person_id"]])
    with open(truth / "persons.csv", "w", newline="", encoding="utf-8") as fh:
        wr = csv.writer(fh)
        wr.writerow(["person_id", "cohort", "role", "network_id"])
        for p in w.P:
            wr.writerow([p["person_id"], p["cohort"], p["role"], p["network"]])
    cohorts: dict[str, int] = {}
    for p in w.P:
        cohorts[p["cohort"]] = cohorts.get(p["cohort"], 0) + 1
    return {
        "out_dir": str(out),
        "seed": seed,
        "customers": customers,
        "payer_rate": payer_rate,
        "fmt": fmt,
        "files": files,
        "rows": rows,
        "cohorts": cohorts,
        "networks": len(w.networks),
        "sextortion_rings": len({p["network"] for p in w.P if p["cohort"] == "extortionist"}),
        "fx_rates": "weekly, Mondays, usd_per_unit",
        "seconds": round(time.perf_counter() - t0, 2),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tests.external_world.generator", description=__doc__.splitlines()[0]
    )
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--customers", type=int, default=5000)
    ap.add_argument("--payer-rate", type=float, default=0.002)
    ap.add_argument("--fmt", choices=FORMATS, default="mixed")
    ap.add_argument("--no-mirror-credits", action="store_true")
    a = ap.parse_args(argv)
    s = generate(
        a.out,
        seed=a.seed,
        customers=a.customers,
        payer_rate=a.payer_rate,
        fmt=a.fmt,
        mirror_credits=not a.no_mirror_credits,
    )
    print(json.dumps(s, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
