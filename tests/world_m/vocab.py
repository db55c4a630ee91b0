"""Invented names, places, identifiers and innocuous everyday text.

Every name is assembled from syllables or common given names, so no real person is described.
E-mails use only example.com/.net/.org, phones the +CC 555 pattern, IPs 100.64.0.0/10 and
198.18.0.0/15. Chat lines and payment references use only everyday words and the published,
innocuous indicator words (prices, wallets, "load", "show", "cam", "private", "send first").
"""

from __future__ import annotations

import random

PH_GIVEN_F = [
    "Maricel",
    "Jocelyn",
    "Rowena",
    "Analyn",
    "Kristine",
    "Rhea",
    "Liza",
    "Grace",
    "Princess",
    "Angel",
    "Lovely",
    "Cherry",
    "Marites",
    "Joylyn",
    "Rosalie",
    "Divina",
    "Nenita",
    "Aileen",
    "Gemma",
    "Lorna",
    "Mylene",
    "Charmaine",
    "Jonalyn",
    "Marivic",
    "Shiela",
    "Daisy",
    "Edna",
]
PH_GIVEN_M = [
    "Jerome",
    "Mark",
    "Arnel",
    "Rodel",
    "Jericho",
    "Jun",
    "Ramil",
    "Romeo",
    "Jayson",
    "Ronaldo",
    "Noel",
    "Bong",
    "Efren",
    "Dindo",
    "Rey",
    "Alvin",
    "Jomar",
    "Randy",
    "Dante",
    "Nestor",
]
W_GIVEN_F = [
    "Susan",
    "Karen",
    "Linda",
    "Emma",
    "Sarah",
    "Helen",
    "Julia",
    "Anna",
    "Claire",
    "Megan",
    "Laura",
    "Ingrid",
    "Sofia",
    "Nadia",
    "Ruth",
    "Alice",
    "Fiona",
    "Greta",
]
W_GIVEN_M = [
    "James",
    "Michael",
    "David",
    "Robert",
    "Paul",
    "Gary",
    "Steven",
    "Peter",
    "Brian",
    "Lukas",
    "Jan",
    "Henrik",
    "Thomas",
    "Daniel",
    "Graham",
    "Kevin",
    "Wayne",
    "Dieter",
    "Marco",
    "Kenji",
    "Omar",
    "Hugo",
    "Neil",
    "Colin",
    "Frank",
    "Dale",
    "Rolf",
]
TEEN_GIVEN_M = ["Tyler", "Ethan", "Liam", "Noah", "Jayden", "Kyle", "Mason", "Aiden", "Miguel", "Kenzo"]
TEEN_GIVEN_F = ["Chloe", "Ava", "Mia", "Zoe", "Ella", "Ysa", "Bea", "Kaye"]

PH_SYL1 = ["Ma", "Da", "Ba", "Sa", "La", "Ca", "Ta", "Pa", "Ga", "Vi", "Re", "Bu", "Ma", "Al", "Ti", "Du"]
PH_SYL2 = ["li", "ra", "ban", "lo", "ga", "si", "ta", "na", "mi", "bu", "ya", "lin", "ron", "ca"]
PH_SYL3 = ["no", "an", "ez", "ino", "ado", "aya", "ila", "oso", "ong", "ag", "on", "ete", "al"]
W_SYL1 = [
    "Hal",
    "Brem",
    "Cor",
    "Dun",
    "Fen",
    "Gar",
    "Hol",
    "Kel",
    "Mar",
    "Nor",
    "Pem",
    "Ral",
    "Stan",
    "Tor",
    "Wes",
    "Ash",
    "Brad",
    "Cald",
    "Elm",
    "Grim",
    "Lang",
    "Ost",
    "Rid",
    "Thorn",
    "Wend",
]
W_SYL2 = ["by", "ford", "ley", "ton", "wick", "more", "field", "son", "den", "mann", "berg", "well", "dale"]

PH_CITIES = [
    ("Cebu City", "Cebu"),
    ("Lapu-Lapu City", "Cebu"),
    ("Mandaue City", "Cebu"),
    ("Taguig", "Metro Manila"),
    ("Quezon City", "Metro Manila"),
    ("Caloocan", "Metro Manila"),
    ("Pasay", "Metro Manila"),
    ("Davao City", "Davao"),
    ("Angeles City", "Pampanga"),
    ("Iloilo City", "Iloilo"),
    ("Cagayan de Oro", "Misamis Oriental"),
    ("Bacolod", "Negros Occidental"),
    ("Tacloban", "Leyte"),
    ("General Santos", "South Cotabato"),
    ("Antipolo", "Rizal"),
    ("Dasmarinas", "Cavite"),
]
BARANGAYS = [
    "San Roque",
    "Santa Cruz",
    "Poblacion",
    "San Isidro",
    "Mabolo",
    "Lahug",
    "Bagong Silang",
    "San Jose",
    "Bulacao",
    "Tisa",
    "Pardo",
    "Guadalupe",
    "Sto. Nino",
    "Malinis",
    "Riverside",
]
STREETS_W = ["Oak", "Maple", "Station", "Church", "Mill", "Park", "High", "Elm", "Lake", "Hill", "Bridge"]
STREET_KIND = ["St", "Road", "Ave", "Lane", "Drive"]

FOREIGN_CITIES = {
    "US": ["Springfield", "Riverton", "Fairview", "Lakewood", "Georgetown", "Madison", "Clinton"],
    "GB": ["Northbridge", "Ashford", "Kingsmere", "Westhaven"],
    "AU": ["Eastwood", "Bayview", "Hillcrest", "Southport"],
    "CA": ["Lakeshore", "Pinecrest", "Riverside"],
    "DE": ["Neustadt", "Altdorf", "Bergheim"],
    "NL": ["Nieuwdorp", "Zuidkerk"],
    "FR": ["Villeneuve", "Beaumont"],
    "IT": ["Montebello", "Castelnuovo"],
    "SE": ["Nyby", "Sjostad"],
    "NO": ["Nordvik"],
    "CH": ["Seedorf"],
    "JP": ["Minato-cho", "Kitamachi"],
    "SG": ["Tampines", "Jurong"],
    "HK": ["Kowloon East", "Sha Tin"],
    "SA": ["Al Nakheel", "Al Rawdah"],
    "AE": ["Al Barsha", "Al Nahda"],
    "QA": ["Al Sadd"],
    "KW": ["Salmiya"],
    "KR": ["Sinchon"],
    "NG": ["Ikeja North"],
    "CI": ["Cocody Est"],
    "GH": ["East Legon"],
    "MX": ["Colonia Centro"],
    "ID": ["Kebayoran"],
}

PHONE_CC = {
    "PH": "63",
    "US": "1",
    "CA": "1",
    "GB": "44",
    "AU": "61",
    "DE": "49",
    "NL": "31",
    "FR": "33",
    "IT": "39",
    "SE": "46",
    "NO": "47",
    "CH": "41",
    "JP": "81",
    "SG": "65",
    "HK": "852",
    "SA": "966",
    "AE": "971",
    "QA": "974",
    "KW": "965",
    "KR": "82",
    "NG": "234",
    "CI": "225",
    "GH": "233",
    "MX": "52",
    "ID": "62",
}

EMAIL_DOMAINS = ["example.com", "example.net", "example.org"]

USER_WORDS = [
    "sunny",
    "blue",
    "kuya",
    "ate",
    "star",
    "moon",
    "happy",
    "coolcat",
    "river",
    "mango",
    "tiger",
    "lucky",
    "pinoy",
    "traveler",
    "gamer",
    "angel",
    "sweet",
    "dream",
    "rocky",
    "chill",
    "night",
    "morning",
    "island",
    "ocean",
    "fox",
    "wolf",
    "pixel",
    "coffee",
    "guitar",
    "smile",
]


def ph_surname(rng: random.Random) -> str:
    s = rng.choice(PH_SYL1) + rng.choice(PH_SYL2)
    if rng.random() < 0.7:
        s += rng.choice(PH_SYL3)
    return s


def w_surname(rng: random.Random) -> str:
    return rng.choice(W_SYL1) + rng.choice(W_SYL2)


def phone(rng: random.Random, country: str) -> str:
    return f"+{PHONE_CC.get(country, '1')} 555 {rng.randrange(1000000, 9999999)}"


def phone_variant(rng: random.Random, ph: str) -> str:
    """The same phone as another source might write it."""
    if not ph:
        return ph
    cc, _, rest = ph[1:].partition(" 555 ")
    r = rng.random()
    if r < 0.4:
        return ph
    if r < 0.7:
        return f"+{cc}555{rest}"
    if cc == "63":
        return f"0555 {rest}"
    return f"({cc}) 555-{rest[:3]}-{rest[3:]}"


def email(rng: random.Random, given: str, surname: str) -> str:
    g, s = given.lower().replace(" ", ""), surname.lower().replace(" ", "")
    r = rng.random()
    if r < 0.35:
        local = f"{g}.{s}{rng.randrange(1, 99)}"
    elif r < 0.6:
        local = f"{g[0]}{s}{rng.randrange(60, 99)}"
    elif r < 0.8:
        local = f"{g}_{rng.choice(USER_WORDS)}{rng.randrange(1, 999)}"
    else:
        local = f"{rng.choice(USER_WORDS)}{rng.choice(USER_WORDS)}{rng.randrange(10, 9999)}"
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def ph_address(rng: random.Random) -> tuple[str, str]:
    city, prov = rng.choice(PH_CITIES)
    addr = (
        f"Blk {rng.randrange(1, 40)} Lot {rng.randrange(1, 60)}, Purok {rng.randrange(1, 9)}, "
        f"Brgy. {rng.choice(BARANGAYS)}, {city}, {prov}"
    )
    return addr, city


def foreign_address(rng: random.Random, country: str) -> tuple[str, str]:
    city = rng.choice(FOREIGN_CITIES.get(country, ["Centerville"]))
    addr = f"{rng.randrange(1, 999)} {rng.choice(STREETS_W)} {rng.choice(STREET_KIND)}, {city}"
    return addr, city


def address_variant(rng: random.Random, addr: str) -> str:
    """How another clerk might type the same address."""
    r = rng.random()
    if r < 0.45 or not addr:
        return addr
    if r < 0.65:
        return addr.upper()
    if r < 0.85:
        return (
            addr.replace("Blk ", "B")
            .replace("Lot ", "L")
            .replace("Purok ", "P")
            .replace("Brgy. ", "")
            .replace(", ", " ")
        )
    parts = addr.split(", ")
    return ", ".join(parts[1:]) if len(parts) > 2 else addr


def name_variant(rng: random.Random, given: str, surname: str, messy: float) -> str:
    """A KYC-style spelling of a name: usually exact, sometimes reordered or misspelt."""
    r = rng.random()
    if r > messy:
        return f"{given} {surname}"
    r = rng.random()
    if r < 0.25:
        return f"{surname.upper()}, {given}"
    if r < 0.45:
        return f"{given} {rng.choice('ABCDEGLMRS')}. {surname}"
    if r < 0.65:
        return f"{given} {_typo(rng, surname)}"
    if r < 0.8:
        return f"{_typo(rng, given)} {surname}"
    if r < 0.9:
        return f"{given.upper()} {surname.upper()}"
    return f"{given[0]}. {surname}"


def _typo(rng: random.Random, s: str) -> str:
    if len(s) < 4:
        return s
    i = rng.randrange(1, len(s) - 2)
    r = rng.random()
    if r < 0.4:
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    if r < 0.7:
        return s[:i] + s[i + 1 :]
    return s[:i] + s[i] + s[i:]


def username(rng: random.Random, given: str) -> str:
    r = rng.random()
    if r < 0.35:
        return f"{given.lower()}{rng.randrange(1, 999)}"
    if r < 0.7:
        return f"{rng.choice(USER_WORDS)}_{rng.choice(USER_WORDS)}{rng.randrange(1, 99)}"
    return f"{given.lower()[:4]}.{rng.choice(USER_WORDS)}{rng.randrange(70, 99)}"


def nickname(rng: random.Random, given: str, surname: str) -> str:
    r = rng.random()
    if r < 0.4:
        return given
    if r < 0.7:
        return f"{given} {surname[0]}."
    if r < 0.85:
        return f"{rng.choice(USER_WORDS).capitalize()} {given}"
    return rng.choice(USER_WORDS).capitalize()


def ip_ph(rng: random.Random) -> str:
    return f"100.{rng.randrange(64, 96)}.{rng.randrange(0, 256)}.{rng.randrange(1, 255)}"


def ip_foreign(rng: random.Random) -> str:
    return f"100.{rng.randrange(96, 128)}.{rng.randrange(0, 256)}.{rng.randrange(1, 255)}"


def ip_vpn(rng: random.Random) -> str:
    """Hosting / VPN exit ranges."""
    return f"198.{rng.randrange(18, 20)}.{rng.randrange(0, 256)}.{rng.randrange(1, 255)}"


# ---- payment references ----------------------------------------------------------------------

REF_VAGUE = [
    "gift",
    "help",
    "for you",
    "support",
    "thanks",
    "food",
    "bills",
    "allowance",
    "load",
    "ty",
    "pasalubong",
    "x",
    ".",
    "ok",
    "love",
    "extra",
    "for groceries",
    "merienda",
    "for the house",
]
REF_PURPOSE = [
    "school fees",
    "school",
    "medical bills",
    "medicine",
    "family support",
    "education",
    "uniform",
    "tuition",
    "rent",
    "accommodation",
    "hospital",
    "school uniform",
    "birthday",
]
REF_ORDER_WORDS = ["order", "ord", "inv", "invoice", "payment for order", "item"]
REF_ITEMS = [
    "dried mangoes",
    "bag",
    "shoes",
    "shirt",
    "keychains",
    "polvoron",
    "dress",
    "phone case",
    "perfume",
    "slippers",
    "coffee beans",
    "bracelet",
]
REF_WORK = ["invoice", "project fee", "design work", "va services", "translation", "tutoring", "milestone"]
REF_ROMANCE = ["ticket", "visa fee", "hospital", "help", "for the trip", "processing fee", "rent", "loan"]
REF_GAME = ["diamonds", "top up", "skin", "battle pass", "game credits", "account", "code"]
REF_TOKENS = ["tokens", "tip", "for the show", "private", "cam", "thanks for tonight"]


def ref_order(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.5:
        return f"{rng.choice(REF_ORDER_WORDS)} {rng.randrange(100, 9999)}"
    if r < 0.8:
        return rng.choice(REF_ITEMS)
    return f"#{rng.randrange(1000, 99999)}"


def ref_work(rng: random.Random) -> str:
    w = rng.choice(REF_WORK)
    return f"{w} {rng.randrange(1, 60)}" if rng.random() < 0.5 else w


# ---- chat lines (innocuous, shared across every cohort) --------------------------------------

CHAT: dict[str, list[str]] = {
    "greet": [
        "hi",
        "hello po",
        "good morning",
        "good evening",
        "musta?",
        "how are you",
        "you there?",
        "online now?",
        "miss you",
        "take care",
        "good night",
        "ingat",
        "ok",
        "yes",
        "sure",
        "thanks",
        "salamat",
        "see you",
        "haha",
        "sorry late reply",
        "busy today",
        "just woke up",
        "kumain ka na?",
    ],
    "money": [
        "how much?",
        "price is {n}",
        "ok {n} then",
        "send first",
        "pls send first",
        "sent already",
        "check your wallet",
        "did you receive?",
        "received, thank you",
        "i will send later",
        "send to my other wallet",
        "use the other account",
        "wallet is full, use the bank",
        "can you load me",
        "load pls",
        "sent the load",
        "need {n} for rent",
        "ticket is {n}",
        "rent is due",
        "pay first then",
        "add {n} more",
        "the fee is {n}",
        "send the receipt",
        "receipt sent",
        "tomorrow is payday",
        "no money yet",
        "cash pickup ok?",
        "pickup code sent",
        "use remittance",
        "the account is in my tita's name",
        "send to my cousin's wallet",
        "same wallet as before",
        "new number for the wallet",
        "send {n} pls",
        "ok sending now",
    ],
    "cam": [
        "cam on?",
        "turn on your cam",
        "cam later",
        "my cam is broken",
        "is the cam ok?",
        "video call later?",
        "call me tonight",
        "call now?",
        "wait lag",
        "signal is bad",
        "reconnect",
        "online later tonight",
        "what time?",
        "after 9",
        "ready?",
        "not yet ready",
        "5 mins",
        "later na",
        "the wifi is slow",
        "charging my phone",
    ],
    "show": [
        "show tonight?",
        "watch the show later",
        "show starts at 9",
        "show me the receipt",
        "show me the item",
        "live show later",
        "private show?",
        "private only",
        "private call?",
        "message me private",
        "in private pls",
        "public first",
        "tip for the show",
        "tokens sent",
        "more tokens?",
        "tip received",
        "thanks for the tip",
        "same time tomorrow?",
        "new schedule?",
    ],
    "sell": [
        "order received",
        "price list?",
        "shipping fee {n}",
        "cod available?",
        "reserved for you",
        "mine!",
        "how many pcs",
        "last stock",
        "paid, pls ship",
        "send first before i ship",
        "tracking number sent",
        "promo ends in one hour",
        "pay now to reserve",
        "last chance for the promo",
    ],
    "family": [
        "how is mama?",
        "allowance sent",
        "tuition due next week",
        "school fees sent",
        "for the groceries",
        "for the electric bill",
        "for lola's medicine",
        "happy birthday!",
        "padala sent",
        "pls confirm padala",
        "buy load for your brother",
        "how is everyone",
        "call me when you get home",
    ],
    "game": [
        "send the code",
        "send the code from the card",
        "i will send the card code",
        "got the skin?",
        "top up pls",
        "diamonds sent",
        "need {n} for the pass",
        "gg",
        "trade?",
        "account for sale",
        "dont tell mom i bought it",
    ],
    "romance": [
        "i miss you so much",
        "the ticket is {n}",
        "visa fee is {n}",
        "i need it tonight",
        "please help me this time",
        "i will pay you back",
        "do not block me",
        "can we call later",
    ],
    "demand": [
        "pay now",
        "last chance",
        "you have one hour",
        "send the code now",
        "do not block me",
        "pay {n} and we are done",
        "dont tell your parents",
        "pay now or i tell everyone",
        "send {n} more",
        "gift card only",
    ],
}

CHAT_NUMBERS = [
    "20",
    "25",
    "30",
    "40",
    "50",
    "60",
    "75",
    "100",
    "150",
    "200",
    "300",
    "500",
    "1000",
    "1500",
    "2000",
    "3000",
    "5000",
]

# every chat word a generated message may contain (used by the self-test's allow-list)
CHAT_WORDS: frozenset[str] = frozenset(
    w
    for lines in CHAT.values()
    for line in lines
    for w in line.replace("{n}", "").replace("?", " ").replace(",", " ").replace("!", " ").split()
)


def chat_line(rng: random.Random, topic: str) -> str:
    line = rng.choice(CHAT[topic])
    if "{n}" in line:
        line = line.replace("{n}", rng.choice(CHAT_NUMBERS))
    return line


# ---- merchants -------------------------------------------------------------------------------

PH_MERCHANTS = [  # (mcc, name stem, weight, amount median PHP)
    ("5411", "Suki Grocery", 30, 650),
    ("5812", "Kainan Grill", 14, 420),
    ("4814", "Tele Load Center", 18, 150),
    ("4900", "Metro Power Bills", 6, 2200),
    ("5541", "Gasolinahan", 6, 900),
    ("5311", "Bayan Mall", 6, 1500),
    ("5912", "Botika Pharmacy", 6, 480),
    ("5999", "Sari-Sari Online", 8, 300),
    ("5816", "PinoyPlay Games", 3, 250),
    ("6540", "Cash Agent", 4, 3000),
]
FOREIGN_MERCHANTS = [
    ("5411", "FreshMart", 30, 60),
    ("5812", "Corner Bistro", 14, 35),
    ("5541", "FuelStop", 8, 55),
    ("4900", "City Utilities", 6, 120),
    ("4814", "Mobile Plan Co", 6, 45),
    ("5311", "Big Store", 8, 80),
    ("5999", "ShopOnline", 10, 40),
    ("5912", "Pharma Plus", 5, 25),
    ("5816", "GameVault", 3, 20),
]
GLOBAL_MERCHANTS = [  # card merchants used across countries (name, mcc, usd median)
    ("SecureTunnel VPN", "4816", 10),
    ("SkyWays Airlines", "4511", 650),
    ("IslandStay Hotels", "7011", 90),
    ("PixelForge Games", "5816", 15),
    ("HeartLink Dating", "7273", 30),
    ("CloudStore Apps", "5734", 8),
    ("ValueCard Gift Cards", "5999", 50),
    ("StreamBox Video", "4899", 12),
]
