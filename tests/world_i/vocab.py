"""Invented names, places, merchants and innocuous phrases for world I (no real personal data)."""

PH_FIRST_F = (
    "Maria Analyn Jocelyn Marites Rosalie Kristine Lovely Jenelyn Maricel Cristina Rowena Joy Mylene Ailene "
    "Divina Rhea Lorna Gemma Shiela Charmaine Princess Angelica Ma. Teresa Evelyn Norma Erlinda Luzviminda "
    "Nerissa Arlene Leah Rochelle Jasmine Mary Grace Jennifer Cherry Liezel Marivic Imelda"
).split()
PH_FIRST_M = (
    "Jose Juan Mark Rodel Jhun Jerome Reynaldo Romeo Ernesto Arnel Ronaldo Rolando Noel Danilo Jomar Jayson "
    "Ariel Bong Edwin Rommel Alvin Randy Christian Jun Efren Nestor Wilfredo Renato Joel Marlon Dindo"
).split()
PH_LAST = (
    "Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Villanueva Ramos Aquino Castillo Manalo Pascual "
    "Soriano Gonzales Lopez Navarro Salazar Tolentino Macaraeg Dimaculangan Panganiban Evangelista Flores "
    "Domingo Agustin Fernandez Mercado Valdez Dizon Sarmiento Lacson Gutierrez Espiritu Cabrera Magbanua "
    "Villarin Alcantara Dumalagan Cabahug Pacquing Sumalpong Abellana Ybanez Tampus Canete Pepito Gabutero"
).split() + ["Dela Cruz", "Del Rosario", "De Leon", "San Jose", "Delos Santos"]
US_FIRST_M = (
    "James Robert Michael William David Richard Joseph Thomas Charles Daniel Matthew Steven Paul Andrew Joshua "
    "Kevin Brian Gary Timothy Ronald Jason Eric Larry Scott Frank Gregory Raymond Dennis Jerry Tyler Aaron "
    "Dylan Ethan Logan Noah Caleb Connor Marc Luc Pierre"
).split()
US_FIRST_F = (
    "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Emily Ashley Megan Rachel "
    "Amanda Nicole Heather Laura Rebecca Chloe Olivia Madison Hannah Isabelle Sophie"
).split()
US_LAST = (
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson "
    "Thompson White Harris Clark Lewis Walker Hall Young King Wright Scott Green Baker Adams Nelson Carter "
    "Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers "
    "Morgan Cooper Peterson Reed Bailey Kelly Howard Hughes Price Bennett Wood Barnes Ross Henderson Coleman "
    "Jenkins Perry Powell Long Patterson Tremblay Gagnon Roy Cote Bouchard Gauthier Morin Lavoie Fortin "
    "Kowalski Novak Schmidt Fischer Weber Olsen Larsen Hansen Nguyen Tran Kim Park Chen Wong Patel Shah"
).split()
NG_FIRST = "Chinedu Emeka Tunde Ifeanyi Oluwaseun Kelechi Obinna Segun Uche Babajide".split()
NG_LAST = "Okafor Adeyemi Eze Balogun Okonkwo Nwosu Adebayo Ogunleye Chukwu Bello".split()
CI_FIRST = "Kouassi Yao Konan Koffi Seydou Moussa Ibrahim Adama".split()
CI_LAST = "Kone Traore Ouattara Bamba Coulibaly Diabate Toure Yeo".split()

# city, region code, UTC offset in hours (standard time)
US_CITIES = [
    ("New York", "NY", -5),
    ("Los Angeles", "CA", -8),
    ("Chicago", "IL", -6),
    ("Houston", "TX", -6),
    ("Phoenix", "AZ", -7),
    ("San Diego", "CA", -8),
    ("Seattle", "WA", -8),
    ("Jacksonville", "FL", -5),
    ("Las Vegas", "NV", -8),
    ("Honolulu", "HI", -10),
    ("Daly City", "CA", -8),
    ("Virginia Beach", "VA", -5),
    ("Denver", "CO", -7),
    ("Atlanta", "GA", -5),
    ("Columbus", "OH", -5),
    ("Boise", "ID", -7),
    ("Tampa", "FL", -5),
    ("Milwaukee", "WI", -6),
    ("Anchorage", "AK", -9),
    ("Charlotte", "NC", -5),
]
CA_CITIES = [
    ("Toronto", "ON", -5),
    ("Vancouver", "BC", -8),
    ("Winnipeg", "MB", -6),
    ("Calgary", "AB", -7),
    ("Mississauga", "ON", -5),
    ("Surrey", "BC", -8),
    ("Montreal", "QC", -5),
    ("Edmonton", "AB", -7),
]
PH_CITIES = [
    "Manila",
    "Quezon City",
    "Cebu City",
    "Davao City",
    "Angeles City",
    "Taguig",
    "Cagayan de Oro",
    "Bacolod",
    "Iloilo City",
    "Lapu-Lapu City",
    "Caloocan",
    "Pasay",
    "Cordova",
    "Mandaue",
    "General Santos",
    "Tacloban",
]
STREETS = (
    "Oak Maple Cedar Pine Elm Lake Hill Park Washington Lincoln Jefferson Ridge Sunset River Spring Mill "
    "Church Highland Meadow Forest Willow Chestnut Walnut Birch Aspen Harbor Bay Valley Summit Grove"
).split()
STREET_KIND = ["St", "Ave", "Rd", "Blvd", "Dr", "Ln", "Ct", "Way"]
BARANGAYS = (
    "San Isidro|Poblacion|Bagong Silang|Santo Nino|San Roque|Mabini|Bagumbayan|Tambo|Pasil|Ermita|Talamban|"
    "Lahug|Mambaling|Pardo|Basak|Tisa|Labangon|Banilad|Sambag|Malate|Tondo|Payatas|Commonwealth|Batasan"
).split("|")

# merchants: name, MCC, country (None = no country in the record), group
MERCHANTS = [
    ("FreshMart #{}", "5411", "US", "grocery"),
    ("Valley Grocers", "5411", "US", "grocery"),
    ("NorthGate Foods", "5411", "CA", "grocery"),
    ("QuickFuel {}", "5541", "US", "fuel"),
    ("Corner Diner", "5812", "US", "food"),
    ("Burger Barn", "5814", "US", "food"),
    ("Pho Garden", "5812", "US", "food"),
    ("MegaStore {}", "5311", "US", "retail"),
    ("CityPharm", "5912", "US", "retail"),
    ("ElectroHub", "5732", "US", "retail"),
    ("PowerGrid Utility", "4900", "US", "bills"),
    ("Cellwave Wireless", "4814", "US", "bills"),
    ("StreamBox", "4899", None, "streaming"),
    ("TuneCloud", "4899", None, "streaming"),
    ("PixelForge Games", "5816", None, "gaming"),
    ("Stormline Gaming", "5816", None, "gaming"),
    ("GemVault Digital", "5816", None, "gaming"),
    ("Arcadia Game Store", "5734", "US", "gaming"),
    ("ShieldTunnel VPN", "4816", None, "vpn"),
    ("SafeRoute Privacy", "4816", None, "vpn"),
    ("CloakNet", "5734", None, "vpn"),
    ("HeartMatch", "7273", None, "dating"),
    ("AmoreLink", "7273", None, "dating"),
    ("AsiaHearts Connect", "7273", None, "dating"),
    ("LiveLounge Media", "5967", None, "adult"),
    ("NightStage Club", "5967", None, "adult"),
    ("VelvetCam Tokens", "5967", None, "adult"),
    ("PacificAir", "4511", "US", "air"),
    ("SkyBridge Airlines", "4511", None, "air"),
    ("IslandHop Air", "4511", "PH", "air"),
    ("Manila Bay Suites", "7011", "PH", "hotel"),
    ("Cebu Coast Resort", "7011", "PH", "hotel"),
    ("Roamly Travel", "4722", None, "travel"),
    ("BPX ATM Makati", "6011", "PH", "atm_ph"),
    ("Metro ATM Cebu", "6011", "PH", "atm_ph"),
    ("GiftHub Cards", "5999", "US", "giftcard"),
    ("CardCorner Gift", "5947", None, "giftcard"),
    ("SnapShot Camera Store", "5946", "US", "retail"),
]

REF_OSEC = [
    "school fees",
    "gift",
    "allowance",
    "load",
    "for school",
    "tuition",
    "help",
    "medicine",
    "uniform",
    "family support",
    "bday gift",
    "food",
    "for baby",
    "rent",
    "padala",
    "salamat",
]
REF_DIASPORA = [
    "allowance",
    "school fees",
    "tuition",
    "padala",
    "for nanay",
    "groceries",
    "bday gift",
    "gift",
    "rent",
    "medicine",
    "family support",
    "pang gastos",
    "xmas gift",
    "load",
    "bills",
]
REF_GAME = [
    "diamonds",
    "skin",
    "boost rank",
    "acct",
    "game item",
    "load",
    "topup",
    "coins",
    "bundle",
    "gift",
    "mlbb",
    "rank up",
    "item",
    "thanks",
]
REF_ROMANCE = [
    "ticket",
    "visa",
    "hospital",
    "for you",
    "customs fee",
    "gift",
    "love you",
    "rent",
    "help",
    "medicine",
    "school fees",
    "allowance",
]
REF_ADULT = ["show", "tip", "private", "cam", "gift", "tokens", "thanks", "for u", "bday gift"]
REF_VA = ["invoice {}", "VA wk {}", "inv #{}", "hours wk {}", "bonus", "payroll", "retainer", "project {}"]
REF_SEX = ["", "", "", "pls", "sorry", "ok", "sent", "here", "stop"]

CHAT_OSEC_PAYER = [
    "ready na?",
    "send first?",
    "how much today",
    "show later ok",
    "cam ok?",
    "sent already",
    "same time tonight",
    "is she there",
    "1500 php ok",
    "tomorrow again",
    "padala sent",
    "ok 20 mins",
    "online now?",
    "check your wallet",
]
CHAT_OSEC_FAC = [
    "ready na po",
    "send first po",
    "salamat po",
    "1500 po",
    "2000 po for 30 mins",
    "cam ready",
    "wait lang po",
    "online na kami",
    "sir padala na po?",
    "received po salamat",
    "later 9pm po",
    "load lang po",
    "kids school fees po",
    "ok po",
]
CHAT_ADULT_CUST = [
    "private show now?",
    "how much for 20 mins",
    "sent tip",
    "cam ok?",
    "send first?",
    "ready?",
    "same time tomorrow",
    "tokens sent",
    "you online?",
]
CHAT_ADULT_PERF = [
    "private 20 mins 40 usd",
    "send first po",
    "ready na",
    "salamat po",
    "tip pls",
    "online at 10pm",
    "cam ready",
    "thank u babe",
    "received po",
]
CHAT_GAME_BUY = [
    "still have the skin?",
    "how much diamonds",
    "sent payment",
    "ready na?",
    "boost to mythic?",
    "send first?",
    "acct details pls",
    "thanks bro",
]
CHAT_GAME_SELL = [
    "ready na po",
    "send first po",
    "salamat po",
    "500 diamonds 10 usd",
    "done po check",
    "login now po",
    "rank up done",
    "received po",
]
CHAT_FAMILY_OUT = [
    "padala sent",
    "for school fees",
    "kumusta kayo",
    "call later?",
    "did you get it",
    "tell nanay hi",
    "allowance for the month",
    "miss you all",
]
CHAT_FAMILY_IN = [
    "salamat po",
    "received na",
    "ingat ka",
    "call mamaya",
    "thank you kuya",
    "miss you",
    "tuition paid na",
    "love you",
]
CHAT_ROM_VICTIM = [
    "i sent it",
    "how is your mom",
    "when can you come",
    "love you",
    "how much for the ticket",
    "did you get it",
    "call me tonight",
]
CHAT_ROM_SCAM = [
    "i need help for hospital",
    "send first po",
    "miss you",
    "ticket is 600",
    "salamat po",
    "please send today",
    "visa fee",
]
CHAT_VA_CLIENT = ["report ready?", "invoice paid", "call at 9am", "great work", "new task in the doc"]
CHAT_VA_VA = ["report sent po", "thank you sir", "invoice attached", "online na po", "ok noted"]
CHAT_SEX_OFF = [
    "send 100 now",
    "you have 10 minutes",
    "pay or i share it",
    "cash app only",
    "gift card code now",
    "more now",
    "last one i promise",
    "send 200 and done",
    "i will post it",
    "dont block me",
]
CHAT_SEX_VIC = [
    "please stop",
    "i only have 50",
    "i sent it",
    "please dont",
    "i cant get more",
    "ok wait",
    "i paid already",
    "leave me alone",
]
CHAT_TRAVEL = [
    "miss you",
    "thanks for the tour",
    "see you next year",
    "for your mom",
    "sent a gift",
    "salamat po",
    "call later",
]
CHAT_SPOUSE = [
    "sent allowance",
    "kumusta",
    "love you",
    "call tonight",
    "for nanay medicine",
    "salamat hon",
    "school fees for bunso",
    "miss you",
]
CHAT_ORD = ["lunch tmrw?", "thanks!", "here is my half", "rent", "see you", "ok", "lol", "on my way"]
