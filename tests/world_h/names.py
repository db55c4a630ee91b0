# ruff: noqa: UP031  (printf-style formatting of ids and amounts is deliberate here)
"""Invented names, places, phone numbers and the noise applied to them (world H).

Everything here is made up: name pools are common given names and surnames, e-mail addresses use
the reserved example.com/.net/.org domains, phone numbers are random digits in plausible formats.
"""

from __future__ import annotations

PH_FEMALE = (
    "Maria Cristina",
    "Ma. Theresa",
    "Jocelyn",
    "Rowena",
    "Marites",
    "Lorna",
    "Analyn",
    "Rosalie",
    "Jennifer",
    "Mary Joy",
    "Lovely",
    "Kristine",
    "Angelica",
    "Rhea",
    "Charmaine",
    "Divina",
    "Erlinda",
    "Evangeline",
    "Gemma",
    "Imelda",
    "Jonalyn",
    "Leah",
    "Liezel",
    "Mylene",
    "Nida",
    "Rachelle",
    "Shiela",
    "Teresita",
    "Vilma",
    "Wilma",
    "Aileen",
    "Arlene",
    "Princess",
    "Joy",
    "Grace",
    "Maricel",
    "Marilou",
    "Cherry",
    "Jasmine",
    "Rochelle",
    "Daisy",
    "Elena",
    "Lourdes",
    "Remedios",
    "Rosario",
    "Corazon",
    "Luzviminda",
    "Ana Marie",
    "Mary Ann",
    "Kimberly",
    "Trisha",
    "Janine",
    "Airah",
    "Bea",
    "Camille",
    "Hazel",
    "Irene",
    "Jhen",
    "Lalaine",
    "Marjorie",
)
PH_MALE = (
    "Jose",
    "Juan",
    "Rodrigo",
    "Mark",
    "John Paul",
    "Jomar",
    "Ronaldo",
    "Reynaldo",
    "Eduardo",
    "Ariel",
    "Jayson",
    "Rommel",
    "Noel",
    "Dennis",
    "Romeo",
    "Efren",
    "Danilo",
    "Ramil",
    "Jerome",
    "Kevin",
    "Christian",
    "Rafael",
    "Arnel",
    "Benjie",
    "Carlo",
    "Dante",
    "Edgar",
    "Ferdinand",
    "Gilbert",
    "Herminio",
    "Isagani",
    "Jun",
    "Lito",
    "Manuel",
    "Nestor",
    "Orlando",
    "Pablo",
    "Ricardo",
    "Rogelio",
    "Santiago",
    "Teodoro",
    "Virgilio",
    "Wilfredo",
    "Allan",
    "Bong",
    "Jerwin",
    "Kenneth",
    "Marvin",
    "Paolo",
    "Renz",
    "Vincent",
    "Aldrin",
    "Michael",
    "Joshua",
    "Angelo",
)
PH_SURNAMES = (
    "Dela Cruz",
    "Santos",
    "Reyes",
    "Garcia",
    "Mendoza",
    "Bautista",
    "Villanueva",
    "Ramos",
    "Aquino",
    "Castillo",
    "Rivera",
    "Flores",
    "Gonzales",
    "De Leon",
    "Del Rosario",
    "Torres",
    "Cruz",
    "Navarro",
    "Manalo",
    "Pascual",
    "Soriano",
    "Mercado",
    "Aguilar",
    "Salazar",
    "Tolentino",
    "Domingo",
    "Fernandez",
    "Lopez",
    "Morales",
    "Perez",
    "Valdez",
    "Ocampo",
    "Magbanua",
    "Pacquing",
    "Dizon",
    "Samonte",
    "Lacson",
    "Macaraeg",
    "Cabrera",
    "Espiritu",
    "Panganiban",
    "Sison",
    "Manalastas",
    "Quiambao",
    "Bacani",
    "Caballero",
    "Gatchalian",
    "Ilagan",
    "Labrador",
    "Yap",
    "Tan",
    "Lim",
    "Sy",
    "Co",
    "Abella",
    "Alcantara",
    "Baluyot",
    "Buenaventura",
    "Cañete",
    "Cortez",
    "Dimaculangan",
    "Evangelista",
    "Galang",
    "Hernandez",
    "Javier",
    "Lagman",
    "Malonzo",
    "Nepomuceno",
    "Orbe",
    "Padilla",
    "Quijano",
    "Rosales",
    "Sarmiento",
    "Tiongson",
    "Umali",
    "Vergara",
    "Zamora",
    "Ybañez",
    "Pepito",
    "Ompad",
    "Gabisan",
    "Lapitan",
    "Cuizon",
    "Abellana",
    "Sanchez",
    "Villamor",
    "Remedio",
    "Bacalso",
)
FOREIGN_MALE = (
    "James",
    "John",
    "Robert",
    "Michael",
    "David",
    "William",
    "Richard",
    "Thomas",
    "Mark",
    "Paul",
    "Steven",
    "Andrew",
    "Kevin",
    "Brian",
    "Gary",
    "Peter",
    "Hans",
    "Klaus",
    "Jürgen",
    "Lars",
    "Pieter",
    "Jean",
    "Luca",
    "Marco",
    "Ahmed",
    "Omar",
    "Kenji",
    "Hiroshi",
    "Daniel",
    "Anthony",
    "Christopher",
    "Matthew",
    "Joseph",
    "Donald",
    "George",
    "Kenneth",
    "Edward",
    "Ronald",
    "Timothy",
    "Jason",
    "Jeffrey",
    "Ryan",
    "Gregory",
    "Frank",
    "Raymond",
    "Dennis",
    "Jerry",
    "Wayne",
    "Graham",
    "Nigel",
    "Colin",
    "Trevor",
    "Bruce",
    "Craig",
    "Shane",
    "Dieter",
    "Henrik",
)
FOREIGN_FEMALE = (
    "Susan",
    "Linda",
    "Karen",
    "Patricia",
    "Jennifer",
    "Emma",
    "Sarah",
    "Olivia",
    "Margaret",
    "Helen",
    "Sandra",
    "Donna",
    "Carol",
    "Ruth",
    "Sharon",
    "Michelle",
    "Laura",
    "Kimberly",
    "Deborah",
    "Jessica",
    "Amanda",
    "Melissa",
    "Rebecca",
    "Claire",
    "Sophie",
    "Anna",
    "Ingrid",
    "Chloe",
    "Isabella",
    "Mia",
    "Grace",
    "Hannah",
    "Lucy",
    "Julia",
    "Yuki",
    "Fatima",
)
FOREIGN_TEEN_M = (
    "Jayden",
    "Liam",
    "Noah",
    "Ethan",
    "Mason",
    "Logan",
    "Lucas",
    "Aiden",
    "Caleb",
    "Tyler",
    "Dylan",
    "Owen",
    "Connor",
    "Hunter",
    "Cooper",
    "Riley",
    "Jack",
    "Oliver",
    "Harry",
    "Charlie",
    "Lachlan",
    "Jordan",
    "Brayden",
    "Kai",
    "Leo",
    "Max",
    "Finn",
    "Austin",
    "Evan",
    "Blake",
)
FOREIGN_TEEN_F = (
    "Ava",
    "Chloe",
    "Mia",
    "Zoe",
    "Ella",
    "Lily",
    "Ruby",
    "Isla",
    "Sienna",
    "Maddison",
    "Harper",
    "Abigail",
    "Emily",
    "Layla",
    "Aria",
    "Scarlett",
    "Hazel",
    "Piper",
    "Willow",
    "Stella",
)
FOREIGN_SURNAMES = (
    "Smith",
    "Johnson",
    "Brown",
    "Taylor",
    "Wilson",
    "Anderson",
    "Thompson",
    "White",
    "Harris",
    "Martin",
    "Walker",
    "Young",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Adams",
    "Nelson",
    "Carter",
    "Mitchell",
    "Roberts",
    "Turner",
    "Phillips",
    "Campbell",
    "Parker",
    "Evans",
    "Edwards",
    "Collins",
    "Stewart",
    "Murphy",
    "Cook",
    "Morgan",
    "Bell",
    "Murray",
    "O'Brien",
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "de Vries",
    "Jansen",
    "Bakker",
    "Dubois",
    "Moreau",
    "Rossi",
    "Russo",
    "Tanaka",
    "Suzuki",
    "Nguyen",
    "Kelly",
    "Ryan",
    "Hughes",
    "Ward",
    "Cooper",
    "Jones",
    "Williams",
    "Davies",
    "Hall",
    "Lewis",
    "Clarke",
    "Jackson",
    "Wood",
    "Hansen",
    "Olsen",
    "Larsen",
    "Peeters",
    "Weber",
    "Wagner",
    "Becker",
    "Hoffmann",
    "Koch",
)
WEST_AFRICA_FIRST = ("Chinedu", "Emeka", "Tunde", "Kwame", "Kofi", "Yao", "Ibrahim", "Segun")
WEST_AFRICA_LAST = ("Okafor", "Adeyemi", "Mensah", "Kouassi", "Traoré", "Okonkwo", "Bello")

# (city, province, population weight, barangays)
PH_PLACES = (
    (
        "Quezon City",
        "Metro Manila",
        10,
        ("Batasan Hills", "Commonwealth", "Bagong Silangan", "Novaliches Proper", "Payatas"),
    ),
    ("Caloocan City", "Metro Manila", 6, ("Bagong Barrio", "Camarin", "Bagumbong", "Deparo")),
    ("Manila", "Metro Manila", 7, ("Tondo", "Sampaloc", "Paco", "Sta. Ana", "Malate")),
    ("Taguig City", "Metro Manila", 4, ("Western Bicutan", "Pinagsama", "Ususan", "Signal Village")),
    ("Pasay City", "Metro Manila", 3, ("Barangay 76", "Malibay", "San Isidro")),
    ("Cebu City", "Cebu", 5, ("Lahug", "Guadalupe", "Mabolo", "Pasil", "Tisa", "Punta Princesa")),
    ("Lapu-Lapu City", "Cebu", 3, ("Pusok", "Gun-ob", "Babag", "Marigondon", "Agus")),
    ("Cordova", "Cebu", 1, ("Poblacion", "Gabi", "Pilipog", "Buagsong", "Day-as")),
    ("Mandaue City", "Cebu", 2, ("Subangdaku", "Tipolo", "Alang-alang", "Bakilid")),
    ("Angeles City", "Pampanga", 2, ("Balibago", "Malabanias", "Pampang", "Sto. Domingo")),
    ("San Fernando", "Pampanga", 2, ("Dolores", "San Agustin", "Sindalan", "Telabastagan")),
    ("Davao City", "Davao del Sur", 6, ("Buhangin", "Talomo", "Toril", "Agdao", "Matina")),
    ("Cagayan de Oro", "Misamis Oriental", 3, ("Carmen", "Lapasan", "Bulua", "Kauswagan")),
    ("Bacolod City", "Negros Occidental", 3, ("Mandalagan", "Taculing", "Villamonte", "Singcang")),
    ("Iloilo City", "Iloilo", 3, ("Jaro", "La Paz", "Molo", "Mandurriao")),
    ("Tacloban City", "Leyte", 2, ("San Jose", "Sagkahan", "Marasbaras", "Abucay")),
    ("Legazpi City", "Albay", 1, ("Bitano", "Rawis", "Tahao", "Bonot")),
    ("General Santos", "South Cotabato", 2, ("Lagao", "Fatima", "Calumpang", "Labangal")),
    ("Antipolo City", "Rizal", 4, ("San Jose", "Mayamot", "Dela Paz", "San Roque")),
    ("Dasmariñas", "Cavite", 4, ("Salitran", "Paliparan", "Burol", "Sampaloc")),
    ("Batangas City", "Batangas", 2, ("Kumintang", "Alangilan", "Balagtas", "Pallocan")),
    ("Baguio City", "Benguet", 2, ("Irisan", "Aurora Hill", "Pinsao", "Bakakeng")),
    ("Zamboanga City", "Zamboanga del Sur", 3, ("Tetuan", "Putik", "Tumaga", "Sta. Maria")),
    ("Olongapo City", "Zambales", 1, ("Barretto", "Gordon Heights", "Sta. Rita", "Kalaklan")),
    ("Tagbilaran City", "Bohol", 1, ("Cogon", "Dampas", "Mansasa", "Taloto")),
)

STREET_NAMES = (
    "Rizal St.",
    "Mabini St.",
    "Bonifacio Ave.",
    "Luna St.",
    "Del Pilar St.",
    "Quezon Blvd.",
    "Burgos St.",
    "Aguinaldo St.",
    "Sampaguita St.",
    "Ilang-Ilang St.",
    "Narra St.",
    "Acacia St.",
    "Kamagong St.",
    "Molave St.",
    "Jasmin St.",
    "Orchid St.",
    "Pag-asa St.",
    "Maligaya St.",
)

PH_MOBILE_PREFIX = (
    "917",
    "918",
    "919",
    "927",
    "928",
    "955",
    "956",
    "966",
    "977",
    "995",
    "998",
    "999",
    "905",
    "906",
    "915",
    "926",
    "935",
    "945",
    "961",
    "976",
)


def ph_mobile(rng) -> str:
    """A PH mobile number in canonical 09XXXXXXXXX form."""
    return "0" + rng.choice(PH_MOBILE_PREFIX) + "%07d" % rng.randrange(10**7)


def phone_variant(rng, phone: str, p: float = 0.5) -> str:
    """The same PH number written the way different institutions record it."""
    if not phone or not phone.startswith("09") or rng.random() > p:
        return phone
    core = phone[1:]
    k = rng.randrange(5)
    if k == 0:
        return "+63" + core
    if k == 1:
        return "63" + core
    if k == 2:
        return f"0{core[:3]}-{core[3:6]}-{core[6:]}"
    if k == 3:
        return f"+63 {core[:3]} {core[3:6]} {core[6:]}"
    return f"(0{core[:3]}) {core[3:6]} {core[6:]}"


FOREIGN_PHONE = {
    "US": lambda r: "+1 %03d 555 %04d" % (r.randrange(201, 989), r.randrange(100, 199)),
    "CA": lambda r: "+1 %03d 555 %04d" % (r.choice((416, 604, 403, 514, 613)), r.randrange(100, 199)),
    "GB": lambda r: "+44 7700 900%03d" % r.randrange(1000),
    "AU": lambda r: "+61 4%02d %03d %03d" % (r.randrange(100), r.randrange(1000), r.randrange(1000)),
    "NZ": lambda r: "+64 21 %03d %04d" % (r.randrange(1000), r.randrange(10000)),
}


def foreign_phone(rng, cc: str) -> str:
    f = FOREIGN_PHONE.get(cc)
    if f:
        return f(rng)
    return "+%d %d" % (
        rng.choice((49, 31, 33, 39, 966, 971, 974, 965, 65, 852, 81, 47, 353)),
        rng.randrange(10**8, 10**9),
    )


def _ascii(s: str) -> str:
    return (
        s.replace("ñ", "n")
        .replace("Ñ", "N")
        .replace("ü", "u")
        .replace("é", "e")
        .replace("è", "e")
        .replace("ö", "o")
        .replace("ä", "a")
        .replace("ø", "o")
        .replace("'", "")
    )


def email_for(rng, first: str, last: str) -> str:
    f = _ascii(first.split()[0].lower().replace(".", ""))
    la = _ascii(last.lower().replace(" ", ""))
    k = rng.randrange(6)
    dom = rng.choice(("example.com", "example.com", "example.net", "example.org"))
    if k == 0:
        local = f"{f}.{la}"
    elif k == 1:
        local = "%s%s%d" % (f, la, rng.randrange(1, 99))
    elif k == 2:
        local = "%s_%s%d" % (f[:1], la, rng.randrange(70, 2010))
    elif k == 3:
        local = "%s.%s%d" % (la, f, rng.randrange(1, 999))
    elif k == 4:
        local = f"{f}{rng.randrange(100, 99999)}"
    else:
        local = "%s.%s.%d" % (f, la[:4], rng.randrange(10, 99))
    return local + "@" + dom


def typo(rng, s: str) -> str:
    letters = [i for i, c in enumerate(s) if c.isalpha()]
    if len(letters) < 4:
        return s
    i = rng.choice(letters[1:-1])
    k = rng.randrange(4)
    if k == 0 and i + 1 < len(s) and s[i + 1].isalpha():
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    if k == 1:
        return s[:i] + s[i + 1 :]
    if k == 2:
        return s[:i] + s[i] + s[i:]
    vow = "aeiou"
    if s[i].lower() in vow:
        return s[:i] + rng.choice(vow) + s[i + 1 :]
    return s[:i] + s[i] + s[i:]


def surname_variant(rng, last: str) -> str:
    k = rng.randrange(6)
    if last.startswith("Dela "):
        return rng.choice(
            (
                "Dela " + last[5:],
                "dela " + last[5:],
                "Dela" + last[5:],
                "De la " + last[5:],
                "Dela " + last[5:],
            )
        )
    if last.startswith("De ") or last.startswith("Del "):
        return rng.choice((last, last.replace(" ", ""), last.lower().capitalize(), last))
    if k == 0:
        return typo(rng, last)
    return last.replace("ñ", "n") if rng.random() < 0.5 else last


def full_name(first: str, middle: str, last: str) -> str:
    return " ".join(x for x in (first, middle, last) if x)


def name_variant(rng, first: str, middle: str, last: str, strength: float = 0.5) -> str:
    """A name as a clerk, a sender or a user might type it."""
    if rng.random() > strength:
        return full_name(first, middle, last)
    f = first
    if f.startswith("Maria ") and rng.random() < 0.6:
        f = rng.choice(("Ma. ", "Ma ", "MA. ")) + f[6:]
    elif f.startswith("Ma. ") and rng.random() < 0.6:
        f = rng.choice(("Maria ", "Ma ")) + f[4:]
    elif " " in f and rng.random() < 0.3:
        f = f.split()[0] if rng.random() < 0.5 else f.split()[-1]
    m = middle
    r = rng.random()
    if m:
        if r < 0.35:
            m = m[0] + "."
        elif r < 0.6:
            m = ""
    la = surname_variant(rng, last)
    if rng.random() < 0.2:
        f = typo(rng, f)
    form = rng.randrange(10)
    if form == 0:
        s = "{}, {}".format(la.upper(), full_name(f, m, "").upper())
    elif form == 1:
        s = full_name(f, m, la).upper()
    elif form == 2:
        s = full_name(f, m, la).lower()
    elif form == 3:
        s = f"{la} {f}"
    else:
        s = full_name(f, m, la)
    return " ".join(s.split())


def address(rng, city: str, prov: str, brgy: str) -> str:
    k = rng.randrange(3)
    if k == 0:
        return "Blk %d Lot %d, Purok %d, Brgy. %s, %s, %s" % (
            rng.randrange(1, 40),
            rng.randrange(1, 30),
            rng.randrange(1, 8),
            brgy,
            city,
            prov,
        )
    if k == 1:
        return "%d %s, Brgy. %s, %s, %s" % (rng.randrange(1, 999), rng.choice(STREET_NAMES), brgy, city, prov)
    return "Sitio {}, Brgy. {}, {}, {}".format(
        rng.choice(("Mangga", "Riverside", "Centro", "Ilaya", "Looc", "Tabok")), brgy, city, prov
    )


def address_variant(rng, addr: str, p: float = 0.5) -> str:
    if not addr or rng.random() > p:
        return addr
    a = addr
    k = rng.randrange(6)
    if k == 0:
        a = a.replace("Blk ", "Block ").replace("Lot ", "Lt ")
    elif k == 1:
        a = a.replace("Brgy. ", "Barangay ")
    elif k == 2:
        a = a.upper()
    elif k == 3:
        a = a.replace(", ", " ").replace("Brgy. ", "Bgy ")
    elif k == 4:
        parts = a.split(", ")
        a = ", ".join(parts[:-1])
    else:
        a = a.replace("Purok ", "Prk ").replace("St.", "Street")
    return a


def neighbour_address(rng, addr: str) -> str:
    """A house on the same street or purok: different number, same barangay."""
    import re

    def bump(m):
        return "%s%d" % (m.group(1), max(1, int(m.group(2)) + rng.choice((-3, -2, -1, 1, 2, 3))))

    out = re.sub(r"(Lot )(\d+)", bump, addr, count=1)
    if out == addr:
        out = re.sub(r"^(\s*)(\d+)", bump, addr, count=1)
    if out == addr:
        out = addr.replace("Sitio ", "Sitio ", 1) + " (near chapel)"
    return out


FOREIGN_CITIES = {
    "US": (
        "Houston",
        "Phoenix",
        "San Diego",
        "Columbus",
        "Jacksonville",
        "Las Vegas",
        "Seattle",
        "Tampa",
        "Reno",
        "Fresno",
    ),
    "CA": ("Toronto", "Vancouver", "Calgary", "Winnipeg", "Mississauga"),
    "GB": ("Leeds", "Bristol", "Manchester", "Reading", "Norwich", "Croydon"),
    "AU": ("Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Gold Coast", "Cairns", "Darwin"),
    "NZ": ("Auckland", "Wellington", "Christchurch"),
    "DE": ("Berlin", "Hamburg", "Köln", "Essen"),
    "NL": ("Rotterdam", "Utrecht", "Eindhoven"),
    "FR": ("Lyon", "Lille", "Nantes"),
    "IT": ("Milano", "Roma", "Napoli"),
    "IE": ("Dublin", "Cork"),
    "NO": ("Oslo", "Bergen"),
    "SA": ("Riyadh", "Jeddah", "Dammam"),
    "AE": ("Dubai", "Abu Dhabi", "Sharjah"),
    "QA": ("Doha",),
    "KW": ("Kuwait City",),
    "SG": ("Singapore",),
    "HK": ("Hong Kong",),
    "JP": ("Tokyo", "Nagoya", "Osaka"),
    "NG": ("Lagos", "Abuja"),
    "CI": ("Abidjan",),
}

AU_STREETS = (
    "George St",
    "King St",
    "Smith St",
    "Church St",
    "High St",
    "Victoria Rd",
    "Station St",
    "Park Rd",
    "Beach Rd",
    "Queen St",
)
