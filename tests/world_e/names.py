"""Static vocabularies for world E: names, places, merchants, references, chat snippets.

Everything here is benign. Chat and reference texts only use innocuous everyday words
and the neutral indicator words quoted in public typology notes ("show", "cam",
"padala", "send load", "po", "school fees", "for grocery" ...).
"""

from __future__ import annotations

PH_FIRST_F = (
    "Maria Ana Rosalie Jocelyn Marites Lorna Gemma Rowena Maricel Janet Liza Charmaine Kristine "
    "Angelica Jennifer Rhea Joy Analyn Cherry Evangeline Imelda Teresita Rosario Divina Leah Aileen "
    "Jessa Princess Camille Nicole Ella Bea Shiela Mylene Glenda Rachelle Precious Arlene Editha "
    "Nenita Lourdes Corazon Felisa Josephine Mae Irene Trisha Kimberly Hazel Rosemarie Jenny Lani "
    "Marilou Nida Susana Gloria Dolores Remedios Maybelle Jasmine Mary-Ann Lyka Angel Daisy"
).split()
PH_FIRST_M = (
    "Jose Juan Mark Ramon Rodel Jun Ricardo Eduardo Rogelio Danilo Arnel Joel Jerome Christian "
    "Carlo Paolo Jayson Ronald Renato Noel Rey Allan Romeo Ernesto Bong Dindo Raffy Miguel Gabriel "
    "Kevin Kenneth Jericho Angelo Nestor Rommel Edgar Alvin Randy Dennis Jomar Marvin Ariel Jessie "
    "Rolando Efren Teodoro Virgilio Francis Patrick Ryan Joshua Vincent"
).split()
PH_LAST = (
    "Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Tomas Andrada Castillo Flores "
    "Villanueva Ramos Castro Rivera Aquino Navarro Salazar Mercado Gonzales Lopez Perez Fernandez "
    "Manalo Pascual Soriano Tolentino Dizon Cabrera Magbanua Nuñez Peña Villareal Lim Tan Sy Go "
    "Panganiban Macaraeg Dumalagan Abellana Cabahug Ybañez Alcoseba Gabuya Tumulak Dayrit Sarmiento "
    "Valdez Aguilar Robles Lacson Buenaventura Evangelista Marquez Bacalso Pacquing Lagman Baluyot "
    "Sison Delos_Santos Dela_Cruz De_Leon Del_Rosario Abad Ilagan Caballero Estrada Jimenez Ponce"
).split()
PH_LAST = [x.replace("_", " ") for x in PH_LAST]

WEST_FIRST_M = (
    "James John Robert Michael William David Richard Thomas Mark Paul Steven Andrew Kevin Brian "
    "Gary Timothy Jason Peter Craig Wayne Greg Scott Daniel Matthew Christopher Anthony Dennis "
    "Roger Keith Glen Ronald Douglas Terry Larry Frank Alan Stuart Neil Graham Darren Shane Bruce"
).split()
WEST_FIRST_F = (
    "Mary Patricia Linda Barbara Susan Karen Sarah Emily Jessica Emma Olivia Chloe Megan Rachel "
    "Laura Helen Donna Sandra Kim Amy Julie Michelle Nicole Heather Lisa Jennifer Margaret Carol"
).split()
WEST_LAST = (
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin "
    "Thompson White Harris Clark Lewis Walker Hall Young King Wright Scott Green Baker Adams Nelson "
    "Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Parker Collins Edwards Stewart "
    "Morris Murphy Cook Rogers Morgan Cooper Kelly Ward O'Brien Hughes MacDonald Fraser Walsh "
    "Bennett Gray Watson Brooks Price Sanders Wood Barnes Ross Henderson Coleman Jenkins Perry"
).split()
DE_FIRST_M = "Thomas Michael Andreas Stefan Frank Jürgen Klaus Wolfgang Uwe Markus Dieter Horst Jan".split()
DE_FIRST_F = "Anna Sabine Petra Claudia Monika Julia Katrin Birgit".split()
DE_LAST = (
    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein "
    "Wolf Schröder Neumann Braun Zimmermann Krüger Hartmann"
).split()
NORDIC_FIRST_M = "Lars Anders Per Johan Erik Magnus Nils Ole Bjørn Henrik Fredrik Stig Kjell".split()
NORDIC_FIRST_F = "Karin Ingrid Sofia Maja Astrid Linnea Kari Hanne".split()
NORDIC_LAST = (
    "Andersson Johansson Karlsson Nilsson Eriksson Larsson Hansen Johansen Olsen Berg Lund Haugen "
    "Persson Svensson Lindqvist Dahl Bakken Solberg"
).split()
NL_FIRST_M = "Jan Pieter Willem Daan Sander Joost Bram Ruud Kees Henk".split()
NL_FIRST_F = "Anouk Femke Sanne Lotte Marieke".split()
NL_LAST = (
    "de Jong;Jansen;de Vries;van den Berg;van Dijk;Bakker;Visser;Smit;Meijer;Mulder;de Boer;Bos"
).split(";")
FR_FIRST_M = "Jean Pierre Michel Philippe Alain Nicolas Luca Marco Giuseppe Antonio".split()
FR_FIRST_F = "Marie Nathalie Isabelle Sophie Giulia Francesca".split()
FR_LAST = "Martin Bernard Dubois Durand Lefebvre Moreau Rossi Russo Ferrari Esposito Bianchi".split()
JP_FIRST_M = "Hiroshi Takashi Kenji Satoshi Akira Makoto Kazuo Daisuke Shinji Tetsuya".split()
JP_FIRST_F = "Yumi Keiko Naoko Yuki Aiko Haruka".split()
JP_LAST = "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida".split()
KR_FIRST_M = "Min-jun Seo-jun Ji-hoon Dong-hyun Sung-min Hyun-woo Jae-won Young-ho".split()
KR_FIRST_F = "Ji-woo Seo-yeon Min-seo Eun-ji Su-bin".split()
KR_LAST = "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim".split()
AR_FIRST_M = "Mohammed Ahmed Ali Omar Khalid Hassan Youssef Abdullah Faisal Saeed Rashid".split()
AR_FIRST_F = "Fatima Aisha Mariam Noura Layla".split()
AR_LAST = ("Al Mansoori;Al Hashimi;Khan;Hussain;Al Qahtani;Al Harbi;Rahman;Al Suwaidi;Haddad;Nasser").split(
    ";"
)
CN_FIRST_M = "Wei Ming;Jun Jie;Kok Leong;Chee Keong;Ka Ho;Wing Kit;Zhi Hao".split(";")
CN_FIRST_F = "Mei Ling;Hui Min;Siew Lan;Wai Man;Xin Yi".split(";")
CN_LAST = "Tan Lim Lee Ng Ong Wong Chan Goh Chua Teo Leung".split()
AF_FIRST_M = "Chinedu Emeka Tunde Ibrahim Yao Kouassi Abdoulaye Segun Uche Kelechi Moussa".split()
AF_FIRST_F = "Ngozi Amaka Aminata Fatou".split()
AF_LAST = "Okafor Adeyemi Okonkwo Bello Eze Nwosu Kone Traore Coulibaly Ouattara Balogun Diallo".split()
IN_FIRST_M = "Rahul Amit Vikram Arjun Sanjay Rohan".split()
IN_FIRST_F = "Priya Anjali Neha Pooja".split()
IN_LAST = "Sharma Patel Singh Gupta Reddy Iyer Nair".split()

NAME_GROUP_BY_COUNTRY = {
    "US": "west",
    "GB": "west",
    "AU": "west",
    "CA": "west",
    "NZ": "west",
    "IE": "west",
    "DE": "de",
    "AT": "de",
    "CH": "de",
    "SE": "nordic",
    "NO": "nordic",
    "DK": "nordic",
    "FI": "nordic",
    "NL": "nl",
    "BE": "nl",
    "FR": "fr",
    "IT": "fr",
    "ES": "fr",
    "JP": "jp",
    "KR": "kr",
    "AE": "ar",
    "SA": "ar",
    "QA": "ar",
    "KW": "ar",
    "SG": "cn",
    "HK": "cn",
    "TW": "cn",
    "MY": "cn",
    "NG": "af",
    "CI": "af",
    "GH": "af",
    "IN": "in",
    "PH": "ph",
}
NAME_POOLS = {
    "ph": (PH_FIRST_M, PH_FIRST_F, PH_LAST),
    "west": (WEST_FIRST_M, WEST_FIRST_F, WEST_LAST),
    "de": (DE_FIRST_M, DE_FIRST_F, DE_LAST),
    "nordic": (NORDIC_FIRST_M, NORDIC_FIRST_F, NORDIC_LAST),
    "nl": (NL_FIRST_M, NL_FIRST_F, NL_LAST),
    "fr": (FR_FIRST_M, FR_FIRST_F, FR_LAST),
    "jp": (JP_FIRST_M, JP_FIRST_F, JP_LAST),
    "kr": (KR_FIRST_M, KR_FIRST_F, KR_LAST),
    "ar": (AR_FIRST_M, AR_FIRST_F, AR_LAST),
    "cn": (CN_FIRST_M, CN_FIRST_F, CN_LAST),
    "af": (AF_FIRST_M, AF_FIRST_F, AF_LAST),
    "in": (IN_FIRST_M, IN_FIRST_F, IN_LAST),
}

# (city, weight, ip-prefix pool index)
PH_CITIES = [
    ("Quezon City", 9),
    ("Manila", 7),
    ("Caloocan", 5),
    ("Taguig", 3),
    ("Pasig", 3),
    ("Makati", 3),
    ("Cebu City", 6),
    ("Lapu-Lapu City", 3),
    ("Mandaue City", 3),
    ("Cordova", 1),
    ("Davao City", 6),
    ("Cagayan de Oro", 3),
    ("Angeles City", 2),
    ("San Fernando", 2),
    ("Iloilo City", 3),
    ("Bacolod", 3),
    ("Antipolo", 3),
    ("Batangas City", 2),
    ("Tacloban", 2),
    ("Zamboanga City", 3),
    ("General Santos", 2),
    ("Legazpi", 1),
    ("Baguio", 2),
    ("Dasmariñas", 3),
    ("Bacoor", 2),
    ("Calamba", 2),
    ("Olongapo", 1),
    ("Dumaguete", 1),
    ("Tagbilaran", 1),
    ("Naga", 1),
]
BARANGAYS = (
    "San Isidro;Poblacion;San Roque;Santo Niño;Bagong Silang;Mabolo;Lahug;Ibabao;Pusok;Pajo;"
    "Basak;Holy Spirit;Commonwealth;Batasan Hills;Bagumbayan;San Jose;Sta. Cruz;Malinta;Talamban;"
    "Guadalupe;Tisa;Labangon;Pardo;Talisay;Buhangin;Matina;Lapasan;Carmen;Sampaloc;Tondo;"
    "San Antonio;Bagong Pag-asa;Maybunga;Pinagbuhatan;Putatan;Sucat;Bangkal;Looc;Marigondon"
).split(";")
STREETS = "Rizal;Mabini;Bonifacio;Luna;Burgos;Quezon;Magsaysay;Osmeña;Aguinaldo;Roxas;Jacinto".split(";")

FOREIGN_CITIES = {
    "US": [
        "Los Angeles",
        "Houston",
        "New York",
        "Chicago",
        "San Diego",
        "Seattle",
        "Phoenix",
        "Honolulu",
        "Las Vegas",
        "Dallas",
        "Jacksonville",
        "Columbus",
    ],
    "GB": ["London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Bristol"],
    "AU": ["Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Cairns"],
    "CA": ["Toronto", "Vancouver", "Calgary", "Winnipeg", "Edmonton", "Montreal"],
    "DE": ["Berlin", "Hamburg", "Munich", "Cologne", "Frankfurt"],
    "SE": ["Stockholm", "Gothenburg", "Malmö"],
    "NO": ["Oslo", "Bergen", "Stavanger"],
    "NL": ["Amsterdam", "Rotterdam", "Utrecht"],
    "JP": ["Tokyo", "Osaka", "Nagoya"],
    "KR": ["Seoul", "Busan", "Incheon"],
    "AE": ["Dubai", "Abu Dhabi", "Sharjah"],
    "SG": ["Singapore"],
    "HK": ["Hong Kong"],
    "SA": ["Riyadh", "Jeddah", "Dammam"],
    "QA": ["Doha"],
    "KW": ["Kuwait City"],
    "IT": ["Rome", "Milan"],
    "FR": ["Paris", "Lyon"],
    "NZ": ["Auckland", "Wellington"],
    "CH": ["Zurich", "Geneva"],
    "NG": ["Lagos", "Abuja"],
    "CI": ["Abidjan"],
    "IN": ["Bengaluru", "Pune"],
    "IE": ["Dublin"],
    "DK": ["Copenhagen"],
    "TW": ["Taipei"],
    "MY": ["Kuala Lumpur"],
    "ES": ["Madrid"],
    "BE": ["Brussels"],
    "FI": ["Helsinki"],
    "AT": ["Vienna"],
}

CURRENCY = {
    "US": "USD",
    "GB": "GBP",
    "AU": "AUD",
    "CA": "CAD",
    "DE": "EUR",
    "NL": "EUR",
    "FR": "EUR",
    "IT": "EUR",
    "ES": "EUR",
    "IE": "EUR",
    "BE": "EUR",
    "FI": "EUR",
    "AT": "EUR",
    "SE": "SEK",
    "NO": "NOK",
    "DK": "DKK",
    "CH": "CHF",
    "JP": "JPY",
    "KR": "KRW",
    "AE": "AED",
    "SG": "SGD",
    "HK": "HKD",
    "SA": "SAR",
    "QA": "QAR",
    "KW": "KWD",
    "NZ": "NZD",
    "NG": "NGN",
    "CI": "XOF",
    "IN": "INR",
    "TW": "TWD",
    "MY": "MYR",
    "PH": "PHP",
}
USD_PER_UNIT = {
    "USD": 1.0,
    "PHP": 0.0177,
    "GBP": 1.27,
    "EUR": 1.08,
    "AUD": 0.66,
    "CAD": 0.73,
    "SEK": 0.095,
    "NOK": 0.093,
    "DKK": 0.145,
    "CHF": 1.12,
    "JPY": 0.0068,
    "KRW": 0.00074,
    "AED": 0.2723,
    "SGD": 0.74,
    "HKD": 0.128,
    "SAR": 0.2666,
    "QAR": 0.2747,
    "KWD": 3.25,
    "NZD": 0.61,
    "NGN": 0.00068,
    "XOF": 0.00165,
    "INR": 0.012,
    "TWD": 0.031,
    "MYR": 0.213,
}
ZERO_DECIMAL = {"JPY", "KRW", "XOF"}

# (offset minutes, dst rule, weight); rules: N = North America, E = Europe, S = southern
TIMEZONES = {
    "US": [(-300, "N", 0.45), (-360, "N", 0.27), (-420, "N", 0.07), (-480, "N", 0.19), (-600, "", 0.02)],
    "CA": [(-300, "N", 0.55), (-480, "N", 0.22), (-420, "N", 0.15), (-360, "N", 0.08)],
    "GB": [(0, "E", 1.0)],
    "IE": [(0, "E", 1.0)],
    "AU": [(600, "S", 0.6), (600, "", 0.2), (480, "", 0.12), (570, "S", 0.08)],
    "NZ": [(720, "S", 1.0)],
    "JP": [(540, "", 1.0)],
    "KR": [(540, "", 1.0)],
    "AE": [(240, "", 1.0)],
    "SA": [(180, "", 1.0)],
    "QA": [(180, "", 1.0)],
    "KW": [(180, "", 1.0)],
    "SG": [(480, "", 1.0)],
    "HK": [(480, "", 1.0)],
    "TW": [(480, "", 1.0)],
    "MY": [(480, "", 1.0)],
    "PH": [(480, "", 1.0)],
    "NG": [(60, "", 1.0)],
    "CI": [(0, "", 1.0)],
    "IN": [(330, "", 1.0)],
    "FI": [(120, "E", 1.0)],
}
for _c in ("DE", "SE", "NO", "DK", "NL", "BE", "FR", "IT", "ES", "CH", "AT"):
    TIMEZONES[_c] = [(60, "E", 1.0)]

# country -> (phone prefix, digits)
PHONE = {
    "US": ("+1", 10),
    "CA": ("+1", 10),
    "GB": ("+447", 9),
    "AU": ("+614", 8),
    "NZ": ("+642", 8),
    "DE": ("+4915", 9),
    "SE": ("+467", 8),
    "NO": ("+474", 7),
    "NL": ("+316", 8),
    "JP": ("+8190", 8),
    "KR": ("+8210", 8),
    "AE": ("+9715", 8),
    "SG": ("+658", 7),
    "HK": ("+8529", 7),
    "SA": ("+9665", 8),
    "QA": ("+9743", 7),
    "KW": ("+9656", 7),
    "IT": ("+393", 9),
    "FR": ("+336", 8),
    "CH": ("+417", 8),
    "NG": ("+23480", 8),
    "CI": ("+22507", 8),
    "IN": ("+919", 9),
    "IE": ("+3538", 8),
    "DK": ("+452", 7),
    "TW": ("+8869", 8),
    "MY": ("+601", 8),
    "ES": ("+346", 8),
    "BE": ("+324", 8),
    "FI": ("+3584", 8),
    "AT": ("+4366", 9),
}

EMAIL_DOMAINS = [
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "hotmail.com",
    "icloud.com",
    "proton.me",
    "ymail.com",
    "mail.com",
    "gmx.de",
    "live.com",
]

# card-app merchants: (name, mcc, country, tag)
CARD_MERCHANTS = [
    ("FreshMart", "5411", "", "grocery"),
    ("Corner Grocer", "5411", "", "grocery"),
    ("City Diner", "5812", "", "food"),
    ("Noodle House", "5812", "", "food"),
    ("QuickFuel", "5541", "", "fuel"),
    ("StreamFlix", "4899", "US", "streaming"),
    ("TuneBox Music", "5815", "SE", "streaming"),
    ("GameHub Store", "5816", "US", "games"),
    ("PlayCoins", "5816", "SG", "games"),
    ("NordShield VPN", "4816", "PA", "vpn"),
    ("SurfSafe VPN", "4816", "VG", "vpn"),
    ("HideLine Proxy", "4816", "CY", "vpn"),
    ("ScreenGrab Pro", "5734", "US", "capture"),
    ("ClipSaver Recorder", "5734", "EE", "capture"),
    ("LoveLinks", "7273", "US", "dating"),
    ("AsiaHearts Dating", "7273", "AU", "dating"),
    ("FilMatch", "7273", "PH", "dating"),
    ("Philippine Air", "4511", "PH", "airline_ph"),
    ("Cebu Skyways", "4511", "PH", "airline_ph"),
    ("Gulf Wings", "4511", "AE", "airline"),
    ("Pacific Jet", "4511", "US", "airline"),
    ("Mactan Seaside Hotel", "7011", "PH", "hotel_ph"),
    ("Manila Bay Suites", "7011", "PH", "hotel_ph"),
    ("Boracay Palms Resort", "7011", "PH", "hotel_ph"),
    ("Harbour Inn", "7011", "", "hotel"),
    ("GiftCardHub", "5999", "US", "giftcard"),
    ("Goldline Jewellers", "5944", "", "jewel"),
    ("MegaElectro", "5732", "", "electronics"),
    ("PharmaPlus", "5912", "", "pharmacy"),
    ("TeleTop Mobile", "4814", "", "telecom"),
    ("Sari Eats PH", "5812", "PH", "food_ph"),
    ("Island Dive Center", "7999", "PH", "tour_ph"),
    ("ShopGlobal", "5399", "US", "shop"),
    ("CloudDrive Plus", "4816", "US", "cloud"),
]

WALLET_BILLERS = [
    ("Luzon Power Co", "4900"),
    ("Visayas Electric", "4900"),
    ("Metro Water District", "4900"),
    ("FiberNet Home", "4899"),
    ("Pag-ibig Contributions", "9399"),
    ("Social Security Pay", "9399"),
    ("Credit Card Payment", "6012"),
    ("Sky Cable PH", "4899"),
    ("Home Credit Loans", "6012"),
]
WALLET_SHOPS = [
    ("QuickMart 24/7", "5411"),
    ("Jolly Burger", "5814"),
    ("ShopNow PH", "5399"),
    ("RideGo", "4121"),
    ("Mercury Pharma", "5912"),
    ("SM Grocer", "5411"),
    ("FoodPanda-ish Express", "5814"),
    ("Puregold Market", "5411"),
    ("Mang Inasal Grill", "5814"),
    ("Bench Apparel", "5651"),
]
WALLET_TELCO = [("TeleLoad Prepaid", "4814"), ("SmartLoad Reload", "4814"), ("DITO eLoad", "4814")]
WALLET_GAMES = [
    ("TopUp Center", "5816"),
    ("Codex Gaming Credits", "5816"),
    ("Mobile Legends Diamonds", "5816"),
]
COURIERS = [("J&T Express PH", "4215"), ("LBC Cargo", "4215"), ("Ninja Van PH", "4215")]
SCHOOL_WORDS = ["University", "College", "Institute of Technology", "Academy", "State University"]

REF_DIASPORA = [
    "family support",
    "allowance",
    "school fees",
    "tuition",
    "for grocery",
    "grocery",
    "pang grocery",
    "medicine",
    "medical bills",
    "bday gift",
    "gift",
    "pamasko",
    "rent",
    "bills",
    "electric bill",
    "padala",
    "for mama",
    "pang load",
    "load",
    "uniform",
    "school uniform",
    "for lola",
    "baon",
    "emergency",
    "hospital",
    "tulong",
    "support",
    "education",
    "christmas gift",
    "happy birthday",
    "for the kids",
    "pang bahay",
    "ayuda",
    "pambayad",
    "for papa",
    "allowance po",
    "FAMILY SUPPORT",
    "Allowance",
    "monthly",
    "for tita",
]
REF_CAREFUL = [
    "school fees",
    "for grocery",
    "allowance",
    "medicine",
    "medical bills",
    "tuition",
    "gift",
    "family support",
    "uniform",
    "school uniform",
    "education",
    "help",
    "for food",
    "rent",
    "bills",
    "support",
    "emergency",
    "grocery",
    "for school",
    "books",
]
REF_OFFENDER_LOOSE = ["gift", "help", "load", "for you", "food", "thanks", "extra", "bonus", "pa load", "ok"]
REF_SELLER = [
    "order",
    "ord#",
    "payment for order",
    "dried mangoes",
    "bag",
    "shipping fee",
    "item",
    "balance",
    "deposit",
    "pasalubong",
    "mine",
    "pre-order",
    "pouch",
    "tablea",
    "barong",
]
REF_FREELANCE = [
    "invoice",
    "INV-",
    "VA services",
    "salary",
    "weekly pay",
    "payment for tasks",
    "design work",
    "project milestone",
    "bookkeeping",
    "social media mgmt",
    "support hours",
]
REF_ADULT = ["tip", "gift", "for you", "thank you", "bonus", "thanks", "coffee", "treat"]
REF_CHARITY = [
    "child sponsorship",
    "sponsorship",
    "monthly donation",
    "donation",
    "sponsor #",
    "scholarship fund",
    "feeding program",
    "pledge",
]
REF_ROMANCE = [
    "plane ticket",
    "hospital bill",
    "customs fee",
    "visa fee",
    "for you",
    "emergency",
    "medical bills",
    "rent",
    "laptop",
    "processing fee",
    "tax clearance",
]
REF_GAMING = ["donation", "gg", "for the stream", "topup", "diamonds", "tip"]
REF_TRAVEL = ["tour", "boat rental", "driver", "thank you", "tip", "guide fee", "deposit", "room", "van"]
REF_STUDENT = ["tuition", "tuition 1st sem", "tuition 2nd sem", "enrollment", "misc fee", "school fees"]

CHAT_FAMILY = [
    "kumusta na kayo",
    "padala sent na",
    "salamat po",
    "ingat ka",
    "miss you anak",
    "received po",
    "ok na po",
    "video call later?",
    "tulog na mga bata",
    "kain na kayo",
    "napadala ko na",
    "thank you po",
    "pasensya late",
    "uwi ako december",
    "bayad na kuryente",
    "sige po",
    "load mo na",
    "send load po",
    "ok po",
    "love you",
    "happy birthday",
]
CHAT_SELLER = [
    "mine po",
    "how much po",
    "available pa?",
    "sent payment",
    "shipping to US?",
    "thank you po",
    "order confirmed",
    "ship na po bukas",
    "2 pcs po",
    "live ulit later",
    "tracking no. sent",
    "received na po",
    "ok po",
    "pa reserve",
    "sold out na po",
]
CHAT_ADULT = [
    "hi",
    "thanks for the tip",
    "show tonight?",
    "going live at 9",
    "see you later",
    "cam on na",
    "good morning",
    "how was your day",
    "miss you",
    "thank you so much",
    "ok",
    "talk later",
    "private show later?",
    "sent",
    "you're sweet",
]
CHAT_FREELANCE = [
    "invoice sent",
    "task done",
    "meeting at 9?",
    "please check the doc",
    "thanks",
    "updated the sheet",
    "sent the report",
    "ok noted",
    "payment sent",
    "good morning",
]
CHAT_GAMER = [
    "gg",
    "nice play",
    "lol",
    "again?",
    "one more",
    "wp",
    "hi stream",
    "thanks for the sub",
    "ggwp",
    "noob",
    "hahaha",
    "ayos",
]
CHAT_OSEC_PAYER = [
    "hi",
    "hello",
    "show later?",
    "how much",
    "ok sent",
    "what time",
    "ready?",
    "cam on",
    "ok",
    "sent already",
    "tomorrow same time",
    "thanks",
    "online?",
]
CHAT_OSEC_FAC = [
    "hello sir",
    "ready na po",
    "send padala first po",
    "salamat po sir",
    "cam on na po",
    "send load po",
    "ok po",
    "2k po sir",
    "wait lang po",
    "online na po",
    "sir pls",
    "received po",
    "good eve sir",
    "later po",
    "yes po",
]
CHAT_SXT_OFFENDER = [
    "hi",
    "add me",
    "where are you from",
    "cam?",
    "send now",
    "last chance",
    "gift card code",
    "pay 100 now",
    "you have 1 hour",
    "ok",
    "more",
    "send again",
]
CHAT_SXT_VICTIM = [
    "hi",
    "who is this",
    "ok",
    "pls",
    "i sent it",
    "i dont have more",
    "wait",
    "pls stop",
    "ok ok",
    "how much",
]

PLATFORM_USER_WORDS = [
    "angel",
    "mayet",
    "ella",
    "jen",
    "rosie",
    "kiko",
    "boss",
    "lakwatsero",
    "pinoy",
    "gamer",
    "tito",
    "dreamer",
    "sunshine",
    "bunso",
    "kuya",
    "island",
    "mango",
    "lucky",
    "ninja",
    "star",
    "vlogs",
    "live",
    "tv",
    "official",
    "music",
    "kitchen",
    "shop",
    "store",
    "travel",
    "fan",
]
