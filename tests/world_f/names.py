"""Name, place and country tables for world F (benign, invented)."""

PH_FIRST_F = (
    "Maria Ana Rosalie Jocelyn Marites Lorna Cristina Analyn Jennifer Rowena Evelyn Liza "
    "Charmaine Kristine Angelica Joy Mylene Divina Teresita Remedios Gloria Nida Arlene Sheila"
).split()
PH_FIRST_M = (
    "Jose Juan Rodel Ramil Jomar Arnel Reynaldo Ronaldo Mark Jerome Eduardo Rogelio Danilo "
    "Joel Ricardo Noel Alvin Bong Rey Carlo Paolo Antonio Ernesto Wilfredo"
).split()
PH_LAST = (
    "Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Tomas Andrada Castillo Flores "
    "Villanueva Ramos Castro Rivera Aquino Navarro Salazar Mercado Aguilar Dela_Cruz "
    "Pascual Soriano Manalo Dizon Gonzales Lopez Del_Rosario Domingo Lim Tan Fernandez "
    "Valdez Cabrera Magbanua Sison Panganiban Lacson Macaraeg"
).split()
W_FIRST_M = (
    "James John Robert Michael David William Richard Thomas Mark Paul Steven Kevin Brian "
    "Gary Peter Andrew Stefan Klaus Jan Pieter Hans Lars Marco Luca Pierre Olivier Kenji"
).split()
W_FIRST_F = (
    "Mary Patricia Linda Susan Karen Sarah Emma Olivia Sophie Anna Laura Julia Claire "
    "Heather Megan Ingrid Chloe Yuki"
).split()
W_LAST = (
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore "
    "Martin Thompson White Harris Clark Lewis Walker Hall Young King Wright Scott Green "
    "Baker Adams Nelson Muller Schmidt Jansen de_Vries Rossi Dubois Martin Tanaka Novak"
).split()
AF_FIRST = "Chinedu Emeka Tunde Kwame Kofi Ibrahim Yaw Ade Olu Segun Koffi Moussa".split()
AF_LAST = "Okafor Adeyemi Mensah Boateng Owusu Diallo Kone Traore Balogun Eze Nwosu".split()

PH_CITIES = (
    "Quezon City|Manila|Caloocan|Pasig|Taguig|Cebu City|Lapu-Lapu|Mandaue|Davao City|"
    "Cagayan de Oro|Angeles|San Fernando|Olongapo|Bacolod|Iloilo City|Tacloban|"
    "General Santos|Zamboanga City|Baguio|Dumaguete|Legazpi|Batangas City|Antipolo|Cainta"
).split("|")
BARANGAYS = "Poblacion|San Isidro|Sto. Nino|San Roque|Bagong Silang|Mabini|Rizal|Malinta|Looc|Pajo".split("|")

# country -> (utc offset hours, currency, usd per unit)
COUNTRY = {
    "PH": (8, "PHP", 0.0175),
    "US": (-5, "USD", 1.0),
    "GB": (0, "GBP", 1.27),
    "AU": (10, "AUD", 0.66),
    "CA": (-5, "CAD", 0.74),
    "SA": (3, "SAR", 0.267),
    "DE": (1, "EUR", 1.08),
    "FR": (1, "EUR", 1.08),
    "NL": (1, "EUR", 1.08),
    "IT": (1, "EUR", 1.08),
    "JP": (9, "JPY", 0.0068),
    "SG": (8, "SGD", 0.74),
    "AE": (4, "AED", 0.272),
    "HK": (8, "HKD", 0.128),
    "KW": (3, "KWD", 3.25),
    "QA": (3, "QAR", 0.275),
    "NO": (1, "NOK", 0.094),
    "CH": (1, "CHF", 1.12),
    "NZ": (12, "NZD", 0.61),
    "NG": (1, "NGN", 0.0011),
    "GH": (0, "GHS", 0.08),
    "CI": (0, "XOF", 0.0017),
    "KR": (9, "KRW", 0.00075),
    "TW": (8, "TWD", 0.031),
}

# offender-payer corridors (AMLC 2023 ordering, US about half)
OFFENDER_CORRIDORS = {
    "US": 0.48,
    "GB": 0.1,
    "AU": 0.1,
    "CA": 0.07,
    "DE": 0.05,
    "JP": 0.03,
    "SG": 0.03,
    "FR": 0.03,
    "NL": 0.04,
    "SA": 0.02,
    "CH": 0.02,
    "NO": 0.02,
    "NZ": 0.01,
}
# OFW / diaspora corridors
DIASPORA_CORRIDORS = {
    "US": 0.3,
    "SA": 0.13,
    "AE": 0.1,
    "SG": 0.06,
    "JP": 0.05,
    "GB": 0.05,
    "CA": 0.07,
    "HK": 0.05,
    "KW": 0.04,
    "QA": 0.04,
    "AU": 0.04,
    "IT": 0.03,
    "TW": 0.02,
    "KR": 0.02,
}
WEST = ["US", "GB", "AU", "CA", "DE", "FR", "NL", "JP", "CH", "NO", "NZ", "IT"]

OFFENDER_REFS = [
    "school fees",
    "gift",
    "uniform",
    "medical bills",
    "family support",
    "education",
    "school uniform",
    "accommodation",
    "allowance",
]
FAMILY_REFS = [
    "family support",
    "allowance",
    "padala",
    "for bills",
    "pang gastos",
    "school fees",
    "tuition",
    "rent",
    "gift",
    "birthday",
    "medical bills",
    "groceries",
]
CHAT_PAYER = [
    "sent po",
    "payment sent",
    "for school fees",
    "gift for you",
    "for the uniform",
    "family support this week",
    "check pls",
    "done, sent",
]
CHAT_RECEIVER = [
    "received po, thank you",
    "ok received",
    "salamat po",
    "thank you sir",
    "will release now",
    "ok po",
]
CHAT_TRADE = [
    "payment sent via gcash",
    "please release",
    "released, thanks",
    "rate ok?",
    "sent, pls check",
    "received, releasing",
    "thank you, good trade",
    "ok",
]
