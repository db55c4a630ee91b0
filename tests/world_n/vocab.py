"""Innocuous vocabulary for world N: names, places, chat phrases, payment references.

Everything here is invented or generic. Chat and reference text is built ONLY from the phrases in
PHRASES, REFERENCES and REPORT_TEXT plus numbers, order ids and @handles; the self-test checks it.
"""

PH_GIVEN_F = (
    "Maria Ana Rosa Liza Joy Grace Jocelyn Marites Cristina Divina Lorna Nenita Rowena Sheryl Jenny "
    "Aileen Maricel Analyn Rhea Kristine Janelle Camille Angelica Princess Jasmine Nicole Bea Trisha "
    "Erlinda Teresita Gloria Evelyn Leonora Remedios Lourdes Rosalie Glenda Marivic Josephine Carmela "
    "Lovely Mylene Charito Imelda Luzviminda Rochelle Arlene Hazel Precious"
).split()
PH_GIVEN_M = (
    "Jose Juan Roberto Ricardo Eduardo Rogelio Danilo Mark Jerome Ramon Arnel Noel Romeo Rodel Jun "
    "Carlo Paolo Renato Ferdinand Emmanuel Jayson Kevin Christian Angelo Rey Dennis Allan Edwin "
    "Ronaldo Benjie Joel Alvin Reynaldo Wilfredo Nestor Rommel Gerald Marlon Ariel"
).split()
PH_SURNAMES = (
    "Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Tomas Andrada Castillo Flores Villanueva "
    "Ramos Castro Rivera Aquino Navarro Salazar Mercado Gonzales Lopez Santiago Soriano Pascual Manalo "
    "Dizon Aguilar Valdez Fernandez Gutierrez Padilla Rosales Lim Tan Sy Gomez Robles Evangelista "
    "Domingo Marquez Perez Cabrera Alvarez Javier Hernandez Legaspi Macaraeg Panganiban Sarmiento "
    "Tolentino Yap Bernardo Galang Lacson Mallari Quiambao Tiongson Dimaculangan Cortez Bacani "
    "Manalastas Cabral Eusebio Samonte Lagman Buenaventura Villareal Abad"
).split() + ["Dela Cruz", "De Leon", "Delos Santos", "San Jose", "De Guzman"]

FX_GIVEN_M = (
    "James John Robert Michael William David Richard Thomas Mark Paul Steven Andrew Kenneth Gary Peter "
    "Brian Kevin Daniel Gregory Wayne Dale Craig Stefan Klaus Jurgen Pieter Lars Henrik Olivier Marco "
    "Hiroshi Kenji Minjun Ahmed Khalid Graham Neil Trevor Darren Shane Colin Rodney Glen Bruce Howard"
).split()
FX_GIVEN_F = (
    "Susan Linda Karen Helen Sarah Emma Julia Anna Yuki Jiwoo Claire Megan Fiona Heidi Ingrid".split()
)
FX_SURNAMES = (
    "Smith Johnson Brown Taylor Miller Wilson Moore Anderson Thompson White Harris Martin Clark Lewis "
    "Walker Hall Young King Wright Scott Green Baker Adams Nelson Carter Mitchell Roberts Turner "
    "Phillips Campbell Parker Evans Edwards Collins Stewart Murphy Cook Morgan Bell Bailey Cooper Reed "
    "Kelly Howard Ward Fischer Weber Schneider Becker Jansen Bakker Dubois Moreau Rossi Russo Tanaka "
    "Suzuki Sato Kim Lee Park Nilsen Hansen Berg Brennan MacLeod Hughes Foster Price Barnes"
).split()
WA_GIVEN = "Chinedu Emeka Tunde Ifeanyi Segun Kouassi Yao Konan Ibrahim Moussa".split()
WA_SURNAMES = "Okafor Adeyemi Okonkwo Balogun Eze Kone Traore Ouattara Diallo Bamba".split()

PH_CITIES = (
    "Manila|Quezon City|Caloocan|Pasay|Taguig|Cebu City|Lapu-Lapu|Mandaue|Davao City|Cagayan de Oro|"
    "Iloilo City|Bacolod|Angeles|San Fernando|Olongapo|Baguio|Tacloban|General Santos|Zamboanga City|"
    "Legazpi|Antipolo|Dasmarinas|Batangas City|Naga"
).split("|")
PH_BARANGAYS = (
    "Maligaya|Masagana|Mabini|Rizal|San Isidro|San Roque|Sto. Nino|Poblacion|Bagumbayan|Malinis|"
    "Bagong Silang|Mabuhay|Pag-asa|Kalayaan|Sampaguita|Magsaysay|Bayanihan|Masikap"
).split("|")
PH_STREETS = "Mabini|Rizal|Luna|Bonifacio|Sampaguita|Ilang-Ilang|Kamagong|Narra|Acacia|Molave|Dama de Noche|Camia".split(
    "|"
)

FX_CITIES = {
    "US": [
        "Houston",
        "Phoenix",
        "Columbus",
        "Denver",
        "Tampa",
        "Sacramento",
        "Las Vegas",
        "San Diego",
        "Seattle",
        "Jersey City",
    ],
    "GB": ["Leeds", "Bristol", "Leicester", "Croydon", "Reading"],
    "AU": ["Brisbane", "Perth", "Adelaide", "Geelong", "Darwin"],
    "CA": ["Winnipeg", "Calgary", "Mississauga", "Surrey"],
    "NZ": ["Auckland", "Hamilton"],
    "DE": ["Hamburg", "Cologne"],
    "NL": ["Utrecht", "Eindhoven"],
    "FR": ["Lyon", "Lille"],
    "IT": ["Milan", "Rome"],
    "NO": ["Bergen", "Oslo"],
    "CH": ["Zurich", "Basel"],
    "JP": ["Osaka", "Nagoya"],
    "KR": ["Seoul", "Busan"],
    "SG": ["Singapore"],
    "HK": ["Hong Kong"],
    "SA": ["Riyadh", "Jeddah"],
    "AE": ["Dubai", "Abu Dhabi"],
    "QA": ["Doha"],
    "KW": ["Kuwait City"],
    "NG": ["Lagos", "Benin City"],
    "CI": ["Abidjan"],
}

PHONE_CC = {
    "PH": "63",
    "US": "1",
    "CA": "1",
    "GB": "44",
    "AU": "61",
    "NZ": "64",
    "DE": "49",
    "NL": "31",
    "FR": "33",
    "IT": "39",
    "NO": "47",
    "CH": "41",
    "JP": "81",
    "KR": "82",
    "SG": "65",
    "HK": "852",
    "SA": "966",
    "AE": "971",
    "QA": "974",
    "KW": "965",
    "NG": "234",
    "CI": "225",
}

# ---- text ------------------------------------------------------------------------------------
# Chat phrases shared by EVERY cohort (offenders and look-alikes alike): greetings, money, prices,
# wallets, time. Nothing sexual, nothing abusive.
PHRASES = (
    "hi|hello po|hi po|good morning|good evening|kumusta|ok|ok po|sige|noted|salamat|salamat po|"
    "thank you po|thank you|ingat|take care|god bless|see you|later na|tomorrow na lang|busy pa|"
    "online ka?|online na|are you there?|call later|video call later|can we talk later|"
    "send first|sent na|sent already|received|received po|not yet received|pls check|"
    "ready na|ready na po|wait lang|5 mins|later tonight|after work|"
    "how much|how much po|magkano|price?|last price?|available pa?|sold out|"
    "load|pa-load|load po|need load|rent po|pambayad ng rent|school fees|tuition|allowance|"
    "bills|electric bill|water bill|groceries|medical bills|pang gamot|for the hospital|"
    "paysayo|kwartapay|padala|pick up at padala|bank transfer|via swiftpeso|gift card|code pls|"
    "crypto ok?|wallet address|same account|new number|use this account|account of my tita|"
    "order received|shipping tomorrow|cod?|out for delivery|check out na|"
    "lesson tomorrow|lesson fee|see you in class|homework done|"
    "invoice sent|payment received|deadline friday|meeting at 9|"
    "miss you|miss you too|love you|good night|sleep na|eat ka na|"
    "happy birthday|merry christmas|happy new year|for the fiesta|mass offering|feeding program|"
    "hulog|paluwagan|my turn this month|donation|get well soon|"
    "diamonds|skin|game credits|top up|"
    "50|100|200|300|500|1k|2k|3k|5k|1,000|1,500|2,000|3,000|5,000|"
    "usd 20|usd 50|usd 100|aud 50|gbp 30|php 500|php 1,000|php 2,000|php 3,000"
).split("|")

REFERENCES = (
    "school fees|gift|medical bills|uniform|school uniform|family support|education|allowance|load|"
    "rent po|accommodation|tuition|bills|birthday gift|christmas gift|for mama|padala|groceries|"
    "sponsorship|donation|mass offering|feeding program|for the fiesta|hulog|paluwagan|pa-load|"
    "get well soon|hospital bills|lesson fee|payment|diamonds|game credits|top up|ticket|visa fee|"
    "tip|salary|payroll|share|support"
).split("|")

REPORT_TEXT = (
    "frequent foreign transfers received by several people in one house|"
    "many video calls late at night from one house|"
    "neighbour reports many padala pickups by one family|"
    "account asked the reporter for money and gift card codes|"
    "account asked for load and money after a short chat|"
    "user paid several times in one night and then stopped|"
    "account asks many users to send money first|"
    "possible scam account asking for money|"
    "streamer may be under age, please review|"
    "user asks other users to move to another app|"
    "suspicious payments to several people in the philippines|"
    "fundraiser may be fake|"
    "tutor account contacted by many foreign users|"
    "seller did not ship the order"
).split("|")
