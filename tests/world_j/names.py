"""Name, place and wording pools for world J.

Every person is invented: given names and surnames are drawn independently from generic pools, so no
combination refers to anyone. Phone numbers use a ``555`` block, e-mails ``@example.com``, and street
addresses use the word "Example" (or its translation), so none of them can be mistaken for a real one.
"""

from __future__ import annotations

PH_F = (
    "Maria Ana Rosalie Jocelyn Maricel Lorna Rowena Cristina Jennifer Michelle Janet Divina Imelda Teresita "
    "Marites Luzviminda Grace Joy Angelica Kristine Rhea Mae Shiela Charmaine Lovely Princess Aileen Analyn "
    "Evangeline Nenita Corazon Editha Gemma Rochelle Jasmine Camille Nicole Kimberly April Hazel Liza Marilou "
    "Remedios Josephine Arlene Rubilyn Jonalyn Cherry Rica Bea"
).split()
PH_M = (
    "Jose Juan Rodel Reynaldo Ramil Arnel Jun Roberto Eduardo Mark Jayson Ronnie Danilo Ernesto Romeo Noel "
    "Rogelio Marvin Jerome Christian Kevin Joel Alvin Dante Efren Renato Benjie Carlo Paolo Rommel Jomar "
    "Edgardo Wilfredo Nestor Ariel Jericho Dindo Gilbert Randy"
).split()
PH_LAST = (
    "Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Tomas Andrada Castillo Flores Villanueva Ramos "
    "Castro Rivera Aquino Navarro Salazar Mercado Gonzales Lopez Hernandez Perez Pascual Manalo Dizon "
    "Domingo Soriano Valdez Aguilar Fernandez Sarmiento Panganiban Magbanua Dimaculangan Macaraeg Lacson "
    "Tolentino Galang Cabrera Buenaventura Evangelista Ilagan Yap Sy Tan Gutierrez Francisco Samonte "
    "Lualhati Malonzo Dalisay Bernardo Marquez Umali Alcantara Baluyot Caballero Dumalagan Espiritu "
    "Fajardo Gatchalian Hilario Javier Lagman Maglaya Nepomuceno Obando Pangilinan Quiambao Sabado "
    "Tiongson Ventura Zamora Abad Balagtas Cordero Dacanay"
).split() + ["Dela Cruz", "De Guzman", "Del Rosario", "De Leon", "Delos Santos", "San Jose"]

GB_F = (
    "Emma Olivia Sophie Charlotte Emily Jessica Hannah Lucy Amelia Grace Chloe Megan Rebecca Laura Sarah "
    "Rachel Helen Claire Karen Susan Joanne Nicola Gemma Hayley Zoe Abigail Eleanor Harriet Imogen Fiona"
).split()
GB_M = (
    "James Oliver Jack Harry Thomas George William Daniel Matthew Samuel Joseph David Andrew Richard Paul "
    "Mark Stephen Peter Michael Christopher Gareth Neil Simon Graham Martin Ian Colin Keith Barry Nigel "
    "Alan Trevor Craig Dean Lee Ryan Callum Liam Connor Kieran"
).split()
GB_LAST = (
    "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White "
    "Roberts Green Hall Wood Jackson Clarke Harrison Hughes Edwards Turner Parker Cooper Morris Ward King "
    "Baker Lewis Hill Moore Allen Mitchell Kelly Carter Bennett Shaw Holmes Fletcher Pearson Barker Atkinson "
    "Ashworth Pemberton Hargreaves Whitfield Blackwood Stainton Thornbury Fairbairn"
).split()
DE_F = "Anna Lena Julia Sarah Laura Katharina Sabine Claudia Petra Monika Birgit Jana Lea Miriam Ute".split()
DE_M = (
    "Thomas Michael Andreas Stefan Markus Christian Frank Jürgen Klaus Uwe Jan Tobias Lukas Felix Jonas "
    "Matthias Dirk Holger Sven Torsten"
).split()
DE_LAST = (
    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf "
    "Neumann Schwarz Zimmermann Braun Hofmann Krüger Lehmann Köhler Brandt Vogel Winkler Lorenz"
).split()
NL_F = "Sanne Lotte Eva Anouk Femke Marieke Ingrid Els Saskia Iris".split()
NL_M = "Jeroen Bas Sander Pieter Wouter Maarten Joost Ruud Erik Hans Gert Bram".split()
NL_LAST = [
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
]
FR_F = "Camille Léa Chloé Manon Julie Claire Isabelle Nathalie Sophie Aurélie".split()
FR_M = "Julien Nicolas Pierre Antoine Mathieu Olivier Laurent Philippe Thierry Sébastien Hugo Louis".split()
FR_LAST = (
    "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel "
    "Garnier Fournier Girard Bonnet"
).split()
ES_F = "Lucía María Carmen Laura Marta Elena Paula Sara Cristina Nuria".split()
ES_M = "Javier Carlos David Daniel Sergio Pablo Alejandro Jorge Raúl Álvaro Manuel Iván".split()
ES_LAST = "García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Ruiz Díaz Moreno".split()
IT_F = "Giulia Francesca Chiara Sara Valentina Elena Martina Federica Alessia Silvia".split()
IT_M = "Marco Luca Andrea Giuseppe Alessandro Matteo Davide Simone Stefano Roberto Paolo Fabio".split()
IT_LAST = "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti".split()
IE_F = "Aoife Siobhan Niamh Ciara Sinead Orla Roisin Grainne Aisling Maeve".split()
IE_M = "Sean Ciaran Padraig Eoin Declan Cathal Niall Cormac Donal Fergal Brendan Darragh".split()
IE_LAST = (
    "Murphy Kelly O'Sullivan Walsh O'Brien Byrne Ryan O'Connor O'Neill Doyle McCarthy Gallagher Doherty "
    "Kennedy Lynch Quinn"
).split()
AU_F = GB_F + "Kylie Tegan Brooke Shannon Jacinta Leanne".split()
AU_M = GB_M + "Bruce Shane Darren Brett Wayne Troy Jarrod Mitchell".split()
AU_LAST = GB_LAST + "Nguyen O'Brien Kelly Ryan Murphy McDonald Campbell Stewart Anderson Harris".split()
JP_F, JP_M = "Yui Aoi Haruka Sakura Yuki Mio".split(), "Haruto Ren Sota Takumi Kenji Daiki".split()
JP_LAST = "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato".split()
KR_F, KR_M = "Ji-woo Seo-yeon Min-ji Ha-eun Soo-ah".split(), "Min-jun Seo-jun Do-yun Ji-ho Hyun-woo".split()
KR_LAST = "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim".split()
US_F = "Ashley Jessica Amanda Brittany Megan Lauren Kayla Courtney Heather Tiffany".split()
US_M = "Tyler Brandon Justin Kyle Cody Dustin Travis Derek Chad Brett Jason Corey".split()
US_LAST = "Miller Davis Anderson Jackson Martinez Thomas Moore Taylor Harris Clark Lewis Young Walker".split()
NG_F, NG_M = "Chioma Ngozi Funmi Aisha Blessing".split(), "Chinedu Emeka Tunde Ibrahim Segun Kelechi".split()
NG_LAST = "Okafor Adeyemi Okonkwo Balogun Eze Ibrahim Nwosu Adebayo Chukwu Olawale".split()
NO_F, NO_M = "Ingrid Kari Silje Marit Hege".split(), "Ole Lars Knut Bjørn Espen Håkon".split()
NO_LAST = "Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen".split()
CN_F, CN_M = "Mei Xiu Ying Lan".split(), "Wei Jun Hao Lei".split()
CN_LAST = "Wang Li Zhang Liu Chen Yang Huang Zhao".split()
IN_F, IN_M = "Priya Anjali Sunita Kavya Deepa".split(), "Rahul Amit Vikram Sanjay Arjun".split()
IN_LAST = "Sharma Patel Singh Kumar Nair Reddy Iyer".split()
VN_F, VN_M = "Linh Trang Mai Thu Hoa".split(), "Minh Duc Huy Tuan Long".split()
VN_LAST = "Nguyen Tran Le Pham Hoang Vu".split()

POOLS = {
    "PH": (PH_F, PH_M, PH_LAST),
    "GB": (GB_F, GB_M, GB_LAST),
    "IE": (IE_F, IE_M, IE_LAST),
    "DE": (DE_F, DE_M, DE_LAST),
    "AT": (DE_F, DE_M, DE_LAST),
    "NL": (NL_F, NL_M, NL_LAST),
    "BE": (NL_F + FR_F, NL_M + FR_M, NL_LAST + FR_LAST),
    "FR": (FR_F, FR_M, FR_LAST),
    "ES": (ES_F, ES_M, ES_LAST),
    "IT": (IT_F, IT_M, IT_LAST),
    "AU": (AU_F, AU_M, AU_LAST),
    "NZ": (AU_F, AU_M, AU_LAST),
    "US": (US_F, US_M, US_LAST),
    "CA": (US_F + GB_F, US_M + GB_M, US_LAST + GB_LAST),
    "JP": (JP_F, JP_M, JP_LAST),
    "KR": (KR_F, KR_M, KR_LAST),
    "TW": (CN_F, CN_M, CN_LAST),
    "CN": (CN_F, CN_M, CN_LAST),
    "NG": (NG_F, NG_M, NG_LAST),
    "CI": (NG_F, NG_M, NG_LAST),
    "GH": (NG_F, NG_M, NG_LAST),
    "NO": (NO_F, NO_M, NO_LAST),
    "IN": (IN_F, IN_M, IN_LAST),
    "VN": (VN_F, VN_M, VN_LAST),
}

CITIES = {
    "PH": [
        "Quezon City",
        "Cebu City",
        "Davao City",
        "Pasay",
        "Angeles",
        "Lapu-Lapu",
        "Taguig",
        "Caloocan",
        "Cagayan de Oro",
        "Iloilo City",
        "Bacolod",
        "Dasmariñas",
        "Tacloban",
        "Zamboanga City",
        "Olongapo",
        "General Santos",
        "Mandaue",
        "Antipolo",
        "Las Piñas",
        "Batangas City",
    ],
    "GB": [
        "London",
        "Manchester",
        "Birmingham",
        "Leeds",
        "Glasgow",
        "Liverpool",
        "Bristol",
        "Sheffield",
        "Cardiff",
        "Newcastle",
        "Nottingham",
        "Leicester",
        "Brighton",
        "Plymouth",
        "Norwich",
    ],
    "IE": ["Dublin", "Cork", "Galway", "Limerick"],
    "DE": ["Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Stuttgart", "Düsseldorf", "Leipzig"],
    "AT": ["Wien", "Graz", "Linz"],
    "NL": ["Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven"],
    "BE": ["Brussel", "Antwerpen", "Gent"],
    "FR": ["Paris", "Lyon", "Marseille", "Toulouse", "Lille", "Nantes"],
    "ES": ["Madrid", "Barcelona", "Valencia", "Sevilla"],
    "IT": ["Roma", "Milano", "Napoli", "Torino", "Bologna"],
    "AU": ["Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Darwin", "Cairns", "Gold Coast"],
    "NZ": ["Auckland", "Wellington", "Christchurch"],
    "NO": ["Oslo", "Bergen"],
}

STREET = {
    "GB": "{n} Example Street, {c}, ZZ9 9ZZ",
    "IE": "{n} Sample Road, {c}",
    "DE": "Beispielstraße {n}, {c}",
    "AT": "Beispielgasse {n}, {c}",
    "NL": "Voorbeeldstraat {n}, {c}",
    "BE": "Voorbeeldlaan {n}, {c}",
    "FR": "{n} rue de l'Exemple, {c}",
    "ES": "Calle Ejemplo {n}, {c}",
    "IT": "Via Esempio {n}, {c}",
    "AU": "{n} Sample Street, {c}",
    "NZ": "{n} Sample Street, {c}",
    "NO": "Eksempelveien {n}, {c}",
    "PH": "{n} Purok {k}, Barangay Halimbawa {b}, {c}",
}

DIAL = {
    "PH": "+63",
    "GB": "+44",
    "IE": "+353",
    "DE": "+49",
    "AT": "+43",
    "NL": "+31",
    "BE": "+32",
    "FR": "+33",
    "ES": "+34",
    "IT": "+39",
    "AU": "+61",
    "NZ": "+64",
    "NO": "+47",
    "US": "+1",
    "CA": "+1",
    "JP": "+81",
    "KR": "+82",
    "NG": "+234",
    "CI": "+225",
    "GH": "+233",
    "SA": "+966",
    "AE": "+971",
    "HK": "+852",
    "SG": "+65",
    "TW": "+886",
    "CN": "+86",
    "IN": "+91",
    "VN": "+84",
}

# local UTC offset in seconds (fixed; daylight saving is ignored)
TZ = {
    "PH": 28800,
    "GB": 0,
    "IE": 0,
    "DE": 3600,
    "AT": 3600,
    "NL": 3600,
    "BE": 3600,
    "FR": 3600,
    "ES": 3600,
    "IT": 3600,
    "NO": 3600,
    "AU": 36000,
    "NZ": 43200,
    "US": -18000,
    "CA": -18000,
    "JP": 32400,
    "KR": 32400,
    "NG": 3600,
    "CI": 0,
    "GH": 0,
    "SA": 10800,
    "AE": 14400,
    "HK": 28800,
    "SG": 28800,
    "TW": 28800,
    "CN": 28800,
    "IN": 19800,
    "VN": 25200,
}

CUR = {
    "PH": "PHP",
    "GB": "GBP",
    "IE": "EUR",
    "DE": "EUR",
    "AT": "EUR",
    "NL": "EUR",
    "BE": "EUR",
    "FR": "EUR",
    "ES": "EUR",
    "IT": "EUR",
    "NO": "NOK",
    "AU": "AUD",
    "NZ": "NZD",
    "US": "USD",
    "CA": "CAD",
    "JP": "JPY",
    "KR": "KRW",
    "NG": "NGN",
    "CI": "XOF",
    "GH": "GHS",
    "SA": "SAR",
    "AE": "AED",
    "HK": "HKD",
    "SG": "SGD",
    "TW": "TWD",
    "CN": "CNY",
    "IN": "INR",
    "VN": "VND",
}

# approximate US dollars per unit at the start of the period
USD_PER = {
    "GBP": 1.27,
    "EUR": 1.08,
    "AUD": 0.66,
    "NZD": 0.60,
    "USD": 1.0,
    "CAD": 0.73,
    "SAR": 0.2667,
    "AED": 0.2723,
    "HKD": 0.128,
    "SGD": 0.74,
    "JPY": 0.0067,
    "KRW": 0.00074,
    "NGN": 0.00068,
    "XOF": 0.00165,
    "GHS": 0.075,
    "PHP": 0.0176,
    "NOK": 0.093,
    "TWD": 0.031,
    "CNY": 0.138,
    "INR": 0.012,
    "VND": 0.00004,
}

# ---------------------------------------------------------------- payment references (payer free text)
REF_FAMILY = [
    "allowance",
    "padala",
    "school fees",
    "tuition",
    "pang-gastos",
    "bills",
    "monthly support",
    "for nanay",
    "groceries",
    "medical",
    "birthday gift",
    "load",
    "family support",
    "rent",
    "baon",
    "pang-kuryente",
    "gift",
    "help",
    "education",
    "uniform",
    "for the house",
    "ayuda",
]
REF_FAMILY_SEASON = {5: ["school fees", "enrollment", "uniform", "books"], 11: ["Christmas", "noche buena"]}
REF_OSEC_NIGHT = [
    "school fees",
    "allowance",
    "padala",
    "gift",
    "medical",
    "family support",
    "help",
    "load",
    "food",
    "tuition",
    "uniform",
    "rent",
    "bills",
    "for you",
]
REF_OSEC_CAREFUL = [
    "school fees",
    "tuition",
    "groceries",
    "rent help",
    "birthday gift",
    "medical bills",
    "monthly support",
    "allowance",
    "uniform",
    "education",
    "family support",
    "bills",
]
REF_ADULT = ["tip", "show", "private", "thanks", "for cam", "gift", "allowance", "for you", "bonus", "help"]
REF_TUTOR = [
    "English lessons",
    "lessons",
    "tuition",
    "school fees",
    "10 sessions",
    "class fee",
    "conversation class",
    "lessons for kids",
    "IELTS prep",
    "reading class",
]
REF_FREELANCE = ["VA services", "design work", "bookkeeping", "web dev", "social media mgmt", "translation"]
REF_SELLER = ["order", "item", "payment for order", "shipping", "dried mango", "handmade bag", "shell lamp"]
REF_GAME = ["diamonds", "skin", "acct", "item", "coins", "top up", "ok", "boost", "load"]
REF_SEXT = ["pls", "ok", "sorry", "last", "gift", "here", "done"]
REF_ROMANCE = [
    "hospital",
    "medical bills",
    "ticket",
    "visa fee",
    "customs fee",
    "allowance",
    "gift",
    "school fees",
    "rent",
    "for us",
    "help",
    "laptop",
]
REF_CHARITY = [
    "sponsorship",
    "education fund",
    "school fees",
    "donation",
    "tithe",
    "mission support",
    "scholar",
]
REF_TRAVEL = ["thanks", "gift", "help", "medical", "school fees", "for your family", "allowance", "padala"]
REF_PARTNER = [
    "allowance",
    "rent",
    "love",
    "bills",
    "school fees",
    "medical",
    "groceries",
    "for us",
    "padala",
]
REF_CARE = ["caregiver", "sahod", "salary", "for lola meds", "care fee", "allowance"]
REF_P2P = ["p2p", "usdt", "order", "trade"]
REF_PH_P2P = [
    "padala",
    "bayad",
    "utang",
    "load",
    "share sa kuryente",
    "pamasahe",
    "allowance",
    "baon",
    "rent",
    "salamat",
    "school fees",
    "pang-ulam",
]
REF_GB_P2P = ["rent", "dinner", "thanks", "football", "holiday", "bills", "pub", "birthday", "allowance"]

# ---------------------------------------------------------------- chat lines (innocuous)
CHAT = {
    "family": [
        "kumusta po kayo?",
        "padala sent na",
        "received po, salamat",
        "allowance for this month",
        "school fees due next week",
        "pa-load naman po",
        "ingat ka dyan",
        "ready na yung requirements",
        "send first po pamasahe",
        "ok na po, thank you",
        "video call later?",
        "open cam later, lola wants to see",
        "salamat anak",
        "sahod na ba?",
        "show mo kay lola yung medal",
        "load pls for school",
    ],
    "osec": [
        "hello po",
        "ready na po",
        "send first po",
        "padala muna po",
        "cam later?",
        "private ok",
        "received po salamat",
        "allowance po for school",
        "school fees due po",
        "load pls",
        "online ka?",
        "later po 9pm",
        "ok na po",
        "show later?",
        "new wallet po",
        "same wallet po",
    ],
    "adult": [
        "online now?",
        "show later?",
        "private is same price",
        "send first pls",
        "received, thank you",
        "cam on in 5 mins",
        "ready",
        "my wallet is the same",
        "talk tomorrow",
        "tip received thanks",
        "new wallet number",
        "load for my data pls",
        "ok see you later",
    ],
    "tutor": [
        "class ready?",
        "cam on please",
        "lesson at 7pm tonight",
        "send payment for next 10 lessons",
        "school fees for the term received",
        "ready for class",
        "private lesson tomorrow?",
        "thank you teacher",
        "homework done",
        "show me your notebook",
        "see you next class",
    ],
    "seller": [
        "is this available?",
        "send first before I ship",
        "order shipped",
        "ready for pickup",
        "wallet ok?",
        "thank you for the order",
        "load also available",
        "can you show more photos of the bag?",
    ],
    "sext": [
        "hi",
        "pay now",
        "send first",
        "gift card ok",
        "last one",
        "ok",
        "please stop",
        "I sent it",
        "one more",
        "you have 1 hour",
    ],
    "gamer": [
        "got diamonds?",
        "send first",
        "gift card ok?",
        "pay now then I send the item",
        "last one",
        "ok sent",
        "thanks bro",
        "one more skin pls",
        "ready?",
        "private lobby later",
    ],
    "romance": [
        "good morning",
        "I miss you",
        "hospital bill is due",
        "send first, I explain later",
        "thank you love",
        "ticket money",
        "private call later?",
        "allowance received",
        "cam is broken today",
    ],
    "friend": [
        "thanks for the tour",
        "padala received",
        "ingat",
        "hope family is well",
        "school fees na naman",
        "ready na ba?",
        "call later",
        "send first then I book",
        "salamat po sir",
    ],
}

# ---------------------------------------------------------------- merchants
# category: (mcc, names, median amount in GBP-equivalent)
MERCHANTS = {
    "grocery": ("5411", ["Greenbasket Foods", "Daily Larder", "Fresh Corner", "Market Square Foods"], 28.0),
    "restaurant": ("5812", ["The Copper Pot", "Lantern Kitchen", "Noodle Yard", "Harbour Grill"], 22.0),
    "fuel": ("5541", ["Northway Fuel", "Roadstar Petrol"], 45.0),
    "clothing": ("5651", ["Threadline", "Coastwear"], 40.0),
    "pharmacy": ("5912", ["Wellspring Pharmacy", "Careplus Chemist"], 12.0),
    "streaming": ("4899", ["Streamly", "Tunebox"], 9.99),
    "marketplace": ("5399", ["Bazaaro Online", "Shoply Market"], 25.0),
    "electronics": ("5732", ["Voltbox Electronics", "Gadget Depot"], 120.0),
    "vpn": ("4816", ["TUNNELY VPN", "QUIETNET PRIVACY", "SAFEHOP VPN"], 7.99),
    "software": ("5734", ["CLIPKEEP RECORDER", "SCREENSNAP PRO", "PHOTOFORGE"], 29.0),
    "dating": ("7273", ["HEARTLINE DATING", "ASIAMATCH CONNECT", "KINDRED DATING"], 24.99),
    "adult_platform": ("5967", ["FANLANE.COM"], 30.0),
    "games": ("5816", ["PIXELFORGE GAMES", "ARENA COINS", "QUESTHUB"], 12.0),
    "gift_card": ("5815", ["GAMEVAULT GIFT CARD", "CARDSTACK GIFT", "PLAYPASS VOUCHER"], 25.0),
    "airline": ("4511", ["SKYWARD AIR", "PACIFIC ISLE AIRWAYS", "ORIENT SKY"], 650.0),
    "travel_agency": ("4722", ["WANDERDESK TRAVEL"], 300.0),
}
PH_MERCHANTS = {
    "hotel": (
        "7011",
        ["Bayview Suites Cebu", "Coral Cove Resort", "Makati Sky Hotel", "Palm Reef Inn"],
        60.0,
    ),
    "atm": ("6011", ["SILANGAN ATM", "ISLA BANK ATM", "METRO ATM"], 80.0),
    "restaurant": ("5812", ["Kusina ni Aling Nena", "Inasal Corner", "Seaside Grill"], 10.0),
    "tour": ("4722", ["Island Hop Tours", "Blue Reef Dive Shop"], 45.0),
}
PH_DOMESTIC = {
    "load": ("4814", ["LOADXPRESS", "TELCO LOAD", "E-LOAD CENTER"]),
    "utility": ("4900", ["LUZ POWER CO", "AGUA CLARA WATER", "FIBERLINK INTERNET"]),
    "store": (
        "5411",
        ["Sari-Sari ni Lorna", "Mini Mart Halimbawa", "Palengke Stall 12", "Bigasan ni Mang Jun"],
    ),
    "food": ("5814", ["Masaya Corner", "Lugawan", "Bake Shop Halimbawa"]),
    "courier": ("4215", ["Padala Courier Halimbawa", "Express Courier Sample"]),
    "pharmacy": ("5912", ["Botika Halimbawa", "Farmacia Sample"]),
}
