"""Countries, currencies, time zones, cities, phone formats and documentation IP ranges."""

from __future__ import annotations

import random

# code: (currency, utc offsets in minutes (people spread over them), phone code, cities)
COUNTRIES: dict[str, tuple[str, list[int], str, list[str]]] = {
    "PH": (
        "PHP",
        [480],
        "63",
        [
            "Manila",
            "Quezon City",
            "Cebu City",
            "Davao City",
            "Caloocan",
            "Taguig",
            "Pasig",
            "Lapu-Lapu",
            "Mandaue",
            "Cagayan de Oro",
            "Iloilo City",
            "Bacolod",
            "Angeles",
            "Zamboanga City",
            "General Santos",
            "Antipolo",
            "Tacloban",
            "Baguio",
            "Cordova",
            "Dumaguete",
            "Legazpi",
            "Olongapo",
            "Batangas City",
            "Naga",
        ],
    ),
    "US": (
        "USD",
        [-300, -360, -420, -480],
        "1",
        [
            "Springfield",
            "Riverton",
            "Lakewood",
            "Fairview",
            "Georgetown",
            "Oak Ridge",
            "Salem",
            "Franklin",
            "Clinton",
            "Madison",
        ],
    ),
    "GB": ("GBP", [0], "44", ["Ashford", "Bramley", "Whitby", "Kendal", "Harlow", "Luton"]),
    "AU": (
        "AUD",
        [600, 570, 480],
        "61",
        ["Ballarat", "Geelong", "Cairns", "Townsville", "Wollongong", "Bunbury"],
    ),
    "CA": ("CAD", [-300, -420, -480], "1", ["Kingston", "Red Deer", "Kelowna", "Moncton"]),
    "DE": ("EUR", [60], "49", ["Hanau", "Giessen", "Kassel", "Worms"]),
    "NL": ("EUR", [60], "31", ["Delft", "Zwolle", "Breda"]),
    "FR": ("EUR", [60], "33", ["Nantes", "Tours", "Dijon"]),
    "IT": ("EUR", [60], "39", ["Lucca", "Parma", "Bari"]),
    "ES": ("EUR", [60], "34", ["Murcia", "Vigo", "Burgos"]),
    "BE": ("EUR", [60], "32", ["Ghent", "Namur"]),
    "IE": ("EUR", [0], "353", ["Galway", "Sligo"]),
    "SE": ("SEK", [60], "46", ["Uppsala", "Lund"]),
    "NO": ("NOK", [60], "47", ["Bergen", "Tromso"]),
    "CH": ("CHF", [60], "41", ["Bern", "Lugano"]),
    "NZ": ("NZD", [720], "64", ["Hamilton", "Nelson"]),
    "JP": ("JPY", [540], "81", ["Sendai", "Kobe", "Nagoya"]),
    "KR": ("KRW", [540], "82", ["Daegu", "Suwon"]),
    "TW": ("TWD", [480], "886", ["Taichung", "Tainan"]),
    "HK": ("HKD", [480], "852", ["Kowloon", "Sha Tin"]),
    "SG": ("SGD", [480], "65", ["Singapore"]),
    "SA": ("SAR", [180], "966", ["Riyadh", "Jeddah", "Dammam"]),
    "AE": ("AED", [240], "971", ["Dubai", "Abu Dhabi", "Sharjah"]),
    "QA": ("QAR", [180], "974", ["Doha"]),
    "KW": ("KWD", [180], "965", ["Kuwait City"]),
    "MY": ("MYR", [480], "60", ["Kuching", "Ipoh"]),
    "NG": ("NGN", [60], "234", ["Ibadan", "Enugu", "Benin City"]),
    "CI": ("XOF", [0], "225", ["Bouake", "Daloa"]),
    "GH": ("GHS", [0], "233", ["Kumasi", "Tamale"]),
}

EURO = ["DE", "NL", "FR", "IT", "ES", "BE", "IE"]

# Where money to the Philippines comes from (AMLC inflow shares, roughly) — used for offender
# payers and, with a different but overlapping mix, for many legitimate senders.
DEMAND_MIX = {
    "US": 50,
    "GB": 7,
    "AU": 7,
    "CA": 6,
    "DE": 4,
    "NL": 2,
    "FR": 2,
    "SE": 1.5,
    "NO": 1,
    "CH": 1,
    "IT": 1.5,
    "IE": 1,
    "JP": 2,
    "SG": 2,
    "SA": 2.5,
    "AE": 2.5,
    "NZ": 1.5,
    "KR": 1,
    "HK": 1,
    "BE": 1,
    "ES": 1,
}
DIASPORA_MIX = {
    "US": 22,
    "SA": 14,
    "AE": 11,
    "CA": 7,
    "JP": 5,
    "SG": 5,
    "HK": 5,
    "QA": 4,
    "KW": 4,
    "GB": 4,
    "AU": 4,
    "IT": 3,
    "TW": 3,
    "KR": 2,
    "DE": 1.5,
    "NZ": 1.5,
    "MY": 2,
    "NL": 0.5,
    "ES": 0.5,
    "IE": 0.5,
    "FR": 0.5,
    "CH": 0.5,
    "NO": 0.3,
}
WESTERN_MIX = {
    "US": 40,
    "GB": 10,
    "AU": 10,
    "CA": 8,
    "DE": 6,
    "NL": 3,
    "FR": 4,
    "SE": 2,
    "NO": 1.5,
    "CH": 1.5,
    "IT": 3,
    "IE": 1.5,
    "ES": 3,
    "BE": 1.5,
    "NZ": 2,
    "JP": 2,
    "KR": 1,
}
ASIA_TUTOR_MIX = {
    "JP": 35,
    "KR": 25,
    "TW": 10,
    "US": 12,
    "HK": 5,
    "SG": 3,
    "AU": 3,
    "GB": 2,
    "CA": 3,
    "SA": 1,
    "AE": 1,
}
TEEN_MIX = {"US": 55, "GB": 10, "AU": 8, "CA": 10, "PH": 12, "DE": 2, "IE": 1, "NZ": 2}
RING_MIX = {"NG": 55, "CI": 25, "GH": 8, "PH": 12}
VPN_EXITS = ["NL", "SE", "CH", "US", "DE", "GB", "SG", "JP"]


def currency(cc: str) -> str:
    return COUNTRIES[cc][0]


def tz(r: random.Random, cc: str) -> int:
    return r.choice(COUNTRIES[cc][1])


def city(r: random.Random, cc: str) -> str:
    return r.choice(COUNTRIES[cc][3])


def pick_country(r: random.Random, mix: dict[str, float]) -> str:
    keys = list(mix)
    return r.choices(keys, weights=[mix[k] for k in keys], k=1)[0]


_STREETS = [
    "Mabini",
    "Rizal",
    "Luna",
    "Bonifacio",
    "Del Pilar",
    "Sampaguita",
    "Acacia",
    "Narra",
    "Molave",
    "Ilang-Ilang",
    "Kamagong",
    "Dahlia",
    "Orchid",
    "Jasmine",
]
_EN_STREETS = [
    "Oak",
    "Maple",
    "Cedar",
    "Pine",
    "Elm",
    "Willow",
    "Birch",
    "Hill",
    "Lake",
    "Park",
    "Mill",
    "Station",
    "Church",
    "Bridge",
    "Meadow",
]


def ph_barangay(r: random.Random) -> str:
    return f"Brgy. {r.choice(['San', 'Sta.', 'Sto.', 'Bagong', 'Pook', 'Sitio'])} {r.choice(_STREETS)} {r.randint(1, 40)}"


def address(r: random.Random, cc: str, cty: str, barangay: str | None = None) -> str:
    if cc == "PH":
        b = barangay or ph_barangay(r)
        return f"{r.randint(1, 999)} {r.choice(_STREETS)} St., {b}, {cty}"
    return f"{r.randint(1, 2999)} {r.choice(_EN_STREETS)} {r.choice(['St', 'Rd', 'Ave', 'Lane'])}, {cty}"


def ipv6(r: random.Random) -> str:
    return "2001:db8:%x:%x::%x" % (r.getrandbits(16), r.getrandbits(16), r.getrandbits(16) | 1)


_V4 = ["192.0.2.", "198.51.100.", "203.0.113."]


def ipv4(r: random.Random) -> str:
    return r.choice(_V4) + str(r.randint(1, 254))
