"""Invented names, addresses, fictional phone numbers, example e-mails, reserved IPs, name variants.

Given names are common first names; surnames, streets and barangays are built from syllables so
that full names are invented. Names never drive behaviour: every cohort draws from the same pools
for its region of origin.
"""

from __future__ import annotations

import numpy as np

GIVEN: dict[str, tuple[list[str], list[str]]] = {  # region -> (female, male)
    "ph": (
        "Maria Ana Rosa Liza Joy Grace Cristina Jocelyn Marites Rowena Analyn Mylene Rhea Jenny Lorna "
        "Sheila Aileen Janine Kristine Angelica Divina Luzviminda Teresita Evangeline Maricel Charmaine "
        "Rachelle Lovely Mary Jean Princess".split(),
        "Jose Juan Mark John Michael Ramon Eduardo Rodel Arnel Jomar Ronaldo Danilo Reynaldo Jericho "
        "Paolo Carlo Jayson Rommel Edwin Noel Bernardo Efren Rolando Alvin Jun Dennis Romeo Nestor "
        "Christian Kenneth".split(),
    ),
    "en": (
        "Emily Sarah Jessica Ashley Megan Laura Rachel Hannah Olivia Emma Sophie Chloe Amy Rebecca Lisa "
        "Karen Susan Linda Helen Claire Natalie Kate Zoe Grace Lucy Abigail Ruth Diane Janet Carol".split(),
        "James John Robert Michael William David Richard Thomas Mark Paul Steven Andrew Kevin Brian "
        "Gary Peter Daniel Matthew Christopher Anthony Scott Gregory Dennis Wayne Keith Graham Neil "
        "Craig Darren Trevor".split(),
    ),
    "de": (
        "Anna Julia Laura Katrin Sabine Petra Ingrid Astrid Sofie Eva Lena Maren Silke Birgit Frida Linnea "
        "Femke Sanne Ilse Marit".split(),
        "Thomas Michael Stefan Andreas Jan Lars Erik Henrik Pieter Bram Jens Klaus Uwe Dirk Olaf Sven "
        "Anders Magnus Joost Ruud".split(),
    ),
    "latin": (
        "Maria Camila Valentina Daniela Sofia Paula Andrea Natalia Carolina Juliana Gabriela Lucia Elena "
        "Ioana Andreea Alina Mihaela Giulia Chiara Claire".split(),
        "Juan Carlos Andres Luis Jorge Diego Felipe Santiago Miguel Pablo Alejandro Mateo Ion Andrei "
        "Mihai Marco Luca Pierre Antoine Julien".split(),
    ),
    "jp": (
        "Yuki Aiko Haruka Misaki Naomi Emi Sakura Yui Akane Mai".split(),
        "Hiroshi Takeshi Kenji Daiki Satoshi Haruto Kazuki Ryo Yuto Shota".split(),
    ),
    "ar": (
        "Fatima Aisha Mariam Noura Layla Huda Salma Reem Amal Dana".split(),
        "Mohammed Ahmed Khalid Omar Faisal Yousef Saeed Hamad Tariq Nasser".split(),
    ),
    "zh": (
        "Mei Ling Hui Xin Li Na Siew Wen Pei Jia".split(),
        "Wei Jun Hao Ming Kai Jian Cheng Zhi Long Bo".split(),
    ),
    "af": (
        "Ngozi Amaka Chioma Ama Efua Adjoa Aminata Fatou Wanjiru Akosua".split(),
        "Chinedu Emeka Kwame Kofi Yaw Ibrahim Moussa Kouassi Tunde Segun".split(),
    ),
    "sea": (
        "Siriporn Nanthida Lan Linh Siti Dewi Putri Mai Thuy Ratna".split(),
        "Somchai Anan Minh Tuan Budi Agus Hendra Nguyen Rizal Wira".split(),
    ),
    "in": (
        "Priya Anjali Deepa Kavya Sunita Meena Pooja Lakshmi".split(),
        "Rahul Amit Suresh Vikram Arjun Rajesh Sanjay Anil".split(),
    ),
}

SYL: dict[str, tuple[list[str], list[str]]] = {  # region -> (syllables, endings)
    "ph": (
        "ma la ca si bu ya dan ta gum pa lo ri ga san ba ni to ngo qui dal sa mon te ca lu bi ha lim "
        "ban tol vi re sol".split(),
        "an on o a ez ia ag in ay".split(),
    ),
    "en": (
        "har wel ston brook ash ford ley mor ton bar den hol wick fen rid cot lang ber".split(),
        "s on ley er ton by".split(),
    ),
    "de": (
        "berg hol stein man wal dor vik lund strand kamp hof sen feld bru ter".split(),
        "er sen son man t ing".split(),
    ),
    "latin": (
        "gar var mor cas tel ro dri quez ba ron mar tin pe lu cio sal".split(),
        "ez o a u escu ini".split(),
    ),
    "jp": ("ta ka mu ra ya ma shi no ki da hi se".split(), "ta mura moto da no".split()),
    "ar": ("al ha mad sa di ri kh na ra sh".split(), "i an ani ah".split()),
    "zh": ("tan lim goh ong lee chua teo ng".split(), ["", "g", "h"]),
    "af": ("ok on ad eb ol ab ko fi ma ny".split(), "e o u ah".split()),
    "sea": ("sri wat na pha than ngu tran su har".split(), "n ng o a".split()),
    "in": ("sha ku ma ra pa te re dd ni".split(), "a an i".split()),
}

COUNTRY_REGION = {
    "US": "en", "GB": "en", "AU": "en", "CA": "en", "IE": "en",
    "DE": "de", "NL": "de", "NO": "de", "SE": "de", "CH": "de",
    "FR": "latin", "IT": "latin", "CO": "latin", "MX": "latin", "DO": "latin", "RO": "latin",
    "JP": "jp", "KR": "zh", "SA": "ar", "AE": "ar", "QA": "ar", "KW": "ar",
    "SG": "zh", "HK": "zh", "MY": "zh",
    "PH": "ph", "TH": "sea", "VN": "sea", "ID": "sea",
    "NG": "af", "GH": "af", "CI": "af", "KE": "af", "IN": "in",
}  # fmt: skip

CITIES: dict[str, list[str]] = {
    "PH": "Quezon City|Manila|Caloocan|Cebu City|Davao City|Taguig|Pasig|Antipolo|Cagayan de Oro|"
    "Zamboanga City|Bacolod|Iloilo City|Lapu-Lapu City|Mandaue|General Santos|Angeles|Olongapo|"
    "Tacloban|Dumaguete|Baguio|Las Pinas|Paranaque|Makati|Valenzuela|Batangas City".split("|"),
    "US": "New York|Houston|Chicago|Phoenix|San Diego|Dallas|Seattle|Denver|Tampa|Columbus|Reno|"
    "Jacksonville|Sacramento|Las Vegas|Honolulu|Atlanta".split("|"),
    "GB": "London|Manchester|Leeds|Bristol|Glasgow|Cardiff|Leicester|Norwich|Reading|Sheffield".split("|"),
    "AU": "Sydney|Melbourne|Brisbane|Perth|Adelaide|Darwin|Cairns|Geelong|Newcastle".split("|"),
    "CA": "Toronto|Vancouver|Calgary|Winnipeg|Ottawa|Edmonton|Mississauga|Surrey".split("|"),
    "DE": "Berlin|Hamburg|Munich|Cologne|Frankfurt|Leipzig|Dresden".split("|"),
    "NL": "Amsterdam|Rotterdam|Utrecht|Eindhoven|Groningen".split("|"),
    "NO": "Oslo|Bergen|Trondheim|Stavanger".split("|"),
    "SE": "Stockholm|Gothenburg|Malmo|Uppsala".split("|"),
    "FR": "Paris|Lyon|Marseille|Lille".split("|"),
    "IT": "Rome|Milan|Naples|Turin".split("|"),
    "CH": "Zurich|Geneva|Basel".split("|"),
    "IE": "Dublin|Cork|Galway".split("|"),
    "JP": "Tokyo|Osaka|Nagoya|Yokohama".split("|"),
    "KR": "Seoul|Busan|Incheon".split("|"),
    "SG": ["Singapore"],
    "HK": ["Hong Kong"],
    "SA": "Riyadh|Jeddah|Dammam|Al Khobar".split("|"),
    "AE": "Dubai|Abu Dhabi|Sharjah".split("|"),
    "QA": ["Doha"],
    "KW": ["Kuwait City"],
    "CO": "Bogota|Medellin|Cali|Barranquilla".split("|"),
    "MX": "Mexico City|Guadalajara|Monterrey".split("|"),
    "DO": "Santo Domingo|Santiago".split("|"),
    "RO": "Bucharest|Cluj-Napoca|Iasi|Timisoara".split("|"),
    "TH": "Bangkok|Chiang Mai|Pattaya".split("|"),
    "VN": "Hanoi|Ho Chi Minh City|Da Nang".split("|"),
    "ID": "Jakarta|Surabaya|Bandung".split("|"),
    "MY": "Kuala Lumpur|Penang|Johor Bahru".split("|"),
    "NG": "Lagos|Abuja|Ibadan".split("|"),
    "GH": "Accra|Kumasi".split("|"),
    "CI": "Abidjan|Bouake".split("|"),
    "KE": "Nairobi|Mombasa".split("|"),
    "IN": "Mumbai|Bengaluru|Pune|Chennai".split("|"),
}

CALLING = {
    "US": "1", "CA": "1", "GB": "44", "AU": "61", "IE": "353", "DE": "49", "NL": "31", "NO": "47",
    "SE": "46", "CH": "41", "FR": "33", "IT": "39", "JP": "81", "KR": "82", "SG": "65", "HK": "852",
    "SA": "966", "AE": "971", "QA": "974", "KW": "965", "PH": "63", "TH": "66", "VN": "84", "ID": "62",
    "MY": "60", "CO": "57", "MX": "52", "DO": "1", "RO": "40", "NG": "234", "GH": "233", "CI": "225",
    "KE": "254", "IN": "91",
}  # fmt: skip

_GB_DRAMA = ["7700 900", "20 7946 0", "121 496 0", "113 496 0", "114 496 0", "117 496 0", "118 496 0",
             "161 496 0", "115 496 0", "191 498 0"]  # fmt: skip
_AU_FICT = ["2 5550", "3 5550", "7 5550", "8 5550"]


def phone_number(country: str, k: int, style: int) -> str:
    """Deterministic fictional number number `k` of a country (blank when the pool runs out).

    US/CA/DO: NANP 555-01xx; GB: Ofcom drama ranges; AU: ACMA 5550 ranges; elsewhere a
    555-prefixed block as a documented fictional convention."""
    cc = CALLING.get(country, "99")
    if country in ("US", "CA", "DO"):
        if k >= 700 * 100:
            return ""
        area = 201 + k // 100
        num = f"{area} 555 01{k % 100:02d}"
    elif country == "GB":
        if k >= len(_GB_DRAMA) * 1000:
            return ""
        block = _GB_DRAMA[k // 1000]
        num = f"{block}{k % 1000:03d}" if block.startswith("7700") else f"{block}{k % 1000:03d}"
    elif country == "AU":
        if k >= 4 * 10000:
            return ""
        num = f"{_AU_FICT[k // 10000]} {k % 10000:04d}"
    elif country == "PH":
        if k >= 100 * 10000:
            return ""
        num = f"9{k // 10000:02d} 555 {k % 10000:04d}"
    else:
        if k >= 1_000_000:
            return ""
        num = f"555 {k // 1000:03d} {k % 1000:03d}"
    digits = num.replace(" ", "")
    if style == 0:
        return f"+{cc} {num}"
    if style == 1:
        return f"+{cc}{digits}"
    return f"0{digits}" if country not in ("US", "CA", "DO") else f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"


_CITY_CDF: dict[str, np.ndarray] = {}


def _coprime_step(rng: np.random.Generator, cap: int) -> tuple[int, int]:
    """(a, b) with gcd(a, cap) = 1: k -> (a k + b) mod cap is a permutation of range(cap)."""
    import math

    while True:
        a = int(rng.integers(cap // 3, cap)) | 1
        if math.gcd(a, cap) == 1:
            return a, int(rng.integers(0, cap))


def ascii_slug(s: str) -> str:
    return "".join(ch for ch in s.lower() if ch.isalnum())


class NameMaker:
    def __init__(self, rng: np.random.Generator):
        self.rng = rng
        self.surnames: dict[str, list[str]] = {}
        for region, (syl, end) in SYL.items():
            pool = set()
            out = []
            m = 4000
            n_syl = rng.integers(2, 4, m)
            picks = rng.integers(0, len(syl), (m, 3))
            ends = rng.integers(0, len(end), m)
            for i in range(m):
                s = "".join(syl[int(j)] for j in picks[i, : n_syl[i]]) + end[int(ends[i])]
                s = s[:1].upper() + s[1:]
                if len(s) < 4 or s in pool:
                    continue
                pool.add(s)
                out.append(s)
                if len(out) >= 1200:
                    break
            if region == "ph":
                out = [
                    ("Dela " + s if i % 17 == 0 else "De los " + s if i % 41 == 0 else s)
                    for i, s in enumerate(out)
                ]
            self.surnames[region] = out
        self.streets: list[str] = []
        syl = SYL["ph"][0] + SYL["en"][0]
        for _ in range(800):
            n = int(rng.integers(2, 4))
            s = "".join(syl[int(i)] for i in rng.integers(0, len(syl), size=n))
            self.streets.append(s[:1].upper() + s[1:])
        self.email_seen: dict[str, int] = {}
        self.phone_next: dict[str, int] = {}
        self.phone_perm: dict[str, tuple[int, int]] = {}

    def surname(self, region: str) -> str:
        pool = self.surnames[region]
        # mildly Zipfian surname popularity
        i = int(min(len(pool) - 1, self.rng.pareto(1.2) * 30))
        return pool[i]

    def given(self, region: str, gender: str) -> str:
        f, m = GIVEN[region]
        pool = f if gender == "f" else m
        g = pool[int(self.rng.integers(0, len(pool)))]
        if region == "ph" and self.rng.random() < 0.35:
            g2 = pool[int(self.rng.integers(0, len(pool)))]
            if g2 != g:
                g = f"{g} {g2}"
        return g

    def address(self, country: str, city: str, house: int | None = None) -> str:
        st = self.streets[int(self.rng.integers(0, len(self.streets)))]
        h = int(self.rng.integers(1, 400)) if house is None else house
        if country == "PH":
            brgy = self.streets[int(self.rng.integers(0, len(self.streets)))]
            if self.rng.random() < 0.5:
                return f"Blk {h % 40 + 1} Lot {h % 23 + 1}, {st} St., Brgy. {brgy}, {city}"
            return f"{h} {st} St., Purok {h % 7 + 1}, Brgy. {brgy}, {city}"
        kind = ["St", "Road", "Ave", "Lane", "Way"][h % 5]
        return f"{h} {st} {kind}, {city}"

    def city(self, country: str) -> str:
        pool = CITIES.get(country, ["Capital"])
        cdf = _CITY_CDF.get(country)
        if cdf is None:
            w = 1.0 / (np.arange(len(pool)) + 1.5)
            cdf = _CITY_CDF[country] = np.cumsum(w) / w.sum()
        return pool[min(int(np.searchsorted(cdf, self.rng.random(), side="right")), len(pool) - 1)]

    def phone(self, country: str) -> str:
        k = self.phone_next.get(country, 0)
        self.phone_next[country] = k + 1
        cap = {"US": 70000, "CA": 70000, "DO": 70000, "GB": 10000, "AU": 40000}.get(country, 1_000_000)
        if k >= cap:
            return ""
        if country not in self.phone_perm:
            self.phone_perm[country] = _coprime_step(self.rng, cap)
        a, b = self.phone_perm[country]
        return phone_number(country, (k * a + b) % cap, int(self.rng.integers(0, 3)))

    def email(self, given: str, surname: str) -> str:
        base = f"{ascii_slug(given.split()[0])}.{ascii_slug(surname)}"
        dom = ["example.com", "example.org", "example.net"][int(self.rng.integers(0, 3))]
        n = self.email_seen.get(base, 0)
        self.email_seen[base] = n + 1
        return f"{base}{n if n else ''}@{dom}"

    def alt_email(self, handle: str) -> str:
        base = ascii_slug(handle)[:14] or "user"
        n = self.email_seen.get(base, 0)
        self.email_seen[base] = n + 1
        dom = ["example.com", "example.org", "example.net"][int(self.rng.integers(0, 3))]
        return f"{base}{n + int(self.rng.integers(10, 99))}@{dom}"

    def variant(self, given: str, middle: str, surname: str) -> str:
        """A recorded-name variant: typo, abbreviation, order, case, spacing, middle initial."""
        r = self.rng.random()
        g, s = given, surname
        if r < 0.18:  # typo in surname
            if len(s) > 4:
                i = int(self.rng.integers(1, len(s) - 2))
                t = self.rng.random()
                if t < 0.4:
                    s = s[:i] + s[i + 1] + s[i] + s[i + 2 :]
                elif t < 0.7:
                    s = s[:i] + s[i + 1 :]
                else:
                    s = s[:i] + s[i] + s[i:]
        elif r < 0.32:  # abbreviated given name
            if g.startswith("Maria"):
                g = "Ma." + g[5:]
            elif " " in g:
                g = g.split()[0]
            else:
                g = g[0] + "."
        elif r < 0.46:
            return f"{s.upper()}, {g}"
        elif r < 0.58:
            return f"{g} {s}".upper()
        elif r < 0.70 and " " in s:
            s = s.replace(" ", "")
        elif r < 0.84 and middle:
            return f"{g} {middle[0]}. {s}"
        elif middle:
            return f"{g} {middle} {s}"
        return f"{g} {s}"


class NetIds:
    """Reserved-range IPs and device ids."""

    def __init__(self, rng: np.random.Generator):
        self.rng = rng
        self._home = _coprime_step(rng, 1 << 22)  # 100.64.0.0/10
        self._next = 0
        self._dev = 0

    def home_ip(self) -> str:
        a, b = self._home
        k = (self._next * a + b) % (1 << 22)
        self._next += 1
        return f"100.{64 + (k >> 16)}.{(k >> 8) & 255}.{k & 255}"

    def carrier_ip(self) -> str:  # carrier-grade NAT, shared by many mobile users
        net = ["192.0.2", "198.51.100", "203.0.113"][int(self.rng.integers(0, 3))]
        return f"{net}.{int(self.rng.integers(1, 255))}"

    def vpn_ip(self) -> str:
        k = int(self.rng.integers(0, 1 << 17))
        return f"198.{18 + (k >> 16)}.{(k >> 8) & 255}.{k & 255}"

    def device(self) -> str:
        self._dev += 1
        return f"dev-{int(self.rng.integers(0, 1 << 40)):010x}"
