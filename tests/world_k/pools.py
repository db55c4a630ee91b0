"""Static pools for world K: invented names, places, countries, merchants and chat phrases.

Every cohort draws from the same name pools, so a name never says who someone is. Chat and
payment phrases are everyday money talk; every cohort's pool uses the published innocuous
indicator words, so text alone cannot separate offenders from anyone else.
"""

from __future__ import annotations


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


FEMALE = _unique(
    "Maria Ana Grace Joy Liza Rose Carmen Elena Sofia Julia Clara Nina Paula Irene Lorna Mae "
    "Kristine Angela Diana Helen Jenny Karen Linda Lucy Marites Nora Olivia Pia Rachel Sarah "
    "Tina Vilma Wendy Alma Bea Celia Daisy Emma Fe Gina Hazel Ivy Jane Kim Lea Mila Nelia Rica "
    "Susan Tess Vera Yvonne Zeny Amy Beth Cora Dina Elsa Faith Hannah Iris Jolina Katrina "
    "Lyn Marissa Noreen Precy Queenie Rowena Shiela Tala".split()
)
MALE = _unique(
    "John Jose Mark Paul Peter David Michael James Robert Daniel Carlo Mario Ramon Rey Jun Ben "
    "Tom Frank George Henry Ivan Jake Kevin Leo Martin Noel Oscar Rico Sam Tony Victor Walter "
    "Alan Brian Chris Dennis Eric Fred Gary Hugo Ian Joel Karl Larry Mike Nick Owen Phil Ralph "
    "Steve Ted Vince Will Andy Bobby Cesar Dan Ed Felix Glenn Hans Ivo Jonas Kurt Lars Marco "
    "Nestor Omar Rafael Simon Teodoro Ulrich".split()
)
SURNAMES = _unique(
    (
        "Santos Reyes Cruz Bautista Garcia Mendoza Torres Flores Ramos Castillo Smith Brown "
        "Miller Wilson Taylor Clark Walker Hall Young King Wright Green Baker Adams Nelson Hill "
        "Campbell Mitchell Roberts Turner Phillips Parker Evans Edwards Collins Stewart Morris "
        "Rogers Reed Cook Morgan Bell Murphy Bailey Cooper Richardson Cox Howard Ward Peterson "
        "Gray Watson Brooks Kelly Sanders Price Bennett Wood Barnes Ross Henderson Coleman "
        "Jenkins Perry Powell Long Patterson Hughes Butler Simmons Foster Bryant Russell Griffin "
        "Hayes Myers Ford Hamilton Graham Sullivan Wallace Woods Cole West Jordan Owens "
        "Reynolds Fisher Ellis Harrison Gibson Marshall Wells Webb Tucker Porter Hunter Hicks "
        "Crawford Boyd Mason Kennedy Warren Dixon Burns Gordon Shaw Holmes Rice Robertson Hunt "
        "Black Daniels Palmer Mills Grant Knight Ferguson Stone Hawkins Dunn Perkins Hudson "
        "Spencer Gardner Stephens Payne Pierce Berry Matthews Arnold Wagner Willis Watkins "
        "Olson Carroll Duncan Snyder Hart Cunningham Bradley Lane Andrews Ruiz Harper Fox Riley "
        "Armstrong Carpenter Weaver Greene Lawrence Elliott Chavez Sims Austin Peters Kelley "
        "Franklin Lawson Fields Aquino Villanueva Navarro Pascual Salazar Santiago Soriano "
        "Tolentino Valdez Vergara Yap Lim Tan Ocampo Pineda Manalo Lopez Gonzales Perez Rivera "
        "Dizon Mercado Marquez Domingo Gutierrez Aguilar Castro Morales Rosales Salvador Samson "
        "Sison Uy Velasco Villareal Zamora Abad Bernardo Cabrera Espinosa Fernandez Galang "
        "Hernandez Ignacio Javier Lacson Macaraeg Padilla Quiambao Sarmiento Umali Vasquez "
        "Weber Becker Schulz Hoffmann Koch Richter Klein Wolf Neumann Schwarz Braun Bernard "
        "Dubois Petit Durand Leroy Moreau Laurent Lefebvre Sato Suzuki Takahashi Tanaka Kim Lee "
        "Park Choi Nguyen Singh Khan Ali Okafor Adeyemi Eze Kone Traore Yilmaz Kowalski Novak "
        "Jensen Larsen Hansen Berg Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci "
        "Marino Greco"
    ).split()
    + ["Dela Cruz", "Delos Santos", "San Jose"]
)

STREETS = _unique(
    "Mango Acacia Sampaguita Narra Molave Ilang-Ilang Maple Oak Pine Cedar Lakeview Riverside "
    "Hillcrest Sunset Garden Market Church Station Park Harbor Orchid Bamboo Coconut Mabini "
    "Kalayaan Maharlika Magsaysay Aurora Dahlia Jasmine Camia Rosal Banaba Talisay".split()
)
BARANGAYS = _unique(
    "San Roque|Santa Cruz|Poblacion|Bagong Silang|Mabuhay|San Isidro|Santo Nino|Maligaya|"
    "Masagana|Bagumbayan|San Antonio|Kamuning|Malinis|Pag-asa|Bayanihan|Liwanag|San Pedro|"
    "Tibay|Sampalok|Calumpang".split("|")
)

# code: (currency, utc offsets in hours, phone country code, cities)
COUNTRIES: dict[str, tuple[str, tuple[float, ...], str, tuple[str, ...]]] = {
    "PH": (
        "PHP",
        (8.0,),
        "63",
        (
            "Quezon City",
            "Manila",
            "Cebu City",
            "Davao City",
            "Caloocan",
            "Taguig",
            "Pasig",
            "Cagayan de Oro",
            "Iloilo City",
            "Bacolod",
            "General Santos",
            "Angeles",
            "Lapu-Lapu",
            "Mandaue",
            "Tacloban",
            "Zamboanga City",
            "Baguio",
            "Batangas City",
            "Olongapo",
            "Legazpi",
        ),
    ),
    "US": ("USD", (-5.0, -6.0, -7.0, -8.0), "1", ("Houston", "Phoenix", "Columbus", "Denver")),
    "GB": ("GBP", (0.0,), "44", ("Leeds", "Bristol", "Norwich", "Derby")),
    "AU": ("AUD", (10.0, 8.0, 9.5), "61", ("Brisbane", "Perth", "Adelaide", "Geelong")),
    "CA": ("CAD", (-5.0, -8.0, -7.0), "1", ("Winnipeg", "Calgary", "Hamilton", "Surrey")),
    "DE": ("EUR", (1.0,), "49", ("Bremen", "Dresden", "Essen", "Kassel")),
    "FR": ("EUR", (1.0,), "33", ("Lyon", "Lille", "Nantes", "Rennes")),
    "NL": ("EUR", (1.0,), "31", ("Utrecht", "Breda", "Zwolle", "Delft")),
    "IT": ("EUR", (1.0,), "39", ("Turin", "Bologna", "Verona", "Parma")),
    "NZ": ("NZD", (12.0,), "64", ("Hamilton", "Napier", "Nelson", "Tauranga")),
    "JP": ("JPY", (9.0,), "81", ("Osaka", "Nagoya", "Sendai", "Kobe")),
    "KR": ("KRW", (9.0,), "82", ("Busan", "Incheon", "Daegu", "Suwon")),
    "SA": ("SAR", (3.0,), "966", ("Riyadh", "Jeddah", "Dammam", "Khobar")),
    "AE": ("AED", (4.0,), "971", ("Dubai", "Sharjah", "Ajman", "Al Ain")),
    "SG": ("SGD", (8.0,), "65", ("Singapore",)),
    "HK": ("HKD", (8.0,), "852", ("Kowloon", "Sha Tin", "Tsuen Wan")),
    "NG": ("NGN", (1.0,), "234", ("Lagos", "Ibadan", "Benin City")),
    "CI": ("XOF", (0.0,), "225", ("Abidjan", "Bouake")),
}

# approximate US dollars per unit; the daily rates random-walk around these
FX_BASE = {
    "USD": 1.0,
    "PHP": 0.0178,
    "GBP": 1.27,
    "AUD": 0.66,
    "CAD": 0.74,
    "EUR": 1.08,
    "NZD": 0.61,
    "JPY": 0.0069,
    "KRW": 0.00075,
    "SAR": 0.2667,
    "AED": 0.2723,
    "SGD": 0.74,
    "HKD": 0.128,
    "NGN": 0.0011,
    "XOF": 0.00165,
}
# round-number steps per currency (a "round" amount is a multiple of this)
ROUND_STEP = {
    "USD": 5,
    "GBP": 5,
    "AUD": 5,
    "CAD": 5,
    "EUR": 5,
    "NZD": 5,
    "SGD": 5,
    "JPY": 1000,
    "KRW": 10000,
    "SAR": 50,
    "AED": 50,
    "HKD": 50,
    "NGN": 5000,
    "XOF": 5000,
    "PHP": 100,
}

# country mixes (weights) used by several cohorts
DEMAND_MIX = {
    "US": 50,
    "GB": 8,
    "AU": 8,
    "CA": 7,
    "DE": 6,
    "FR": 3,
    "NL": 3,
    "NZ": 2,
    "JP": 2,
    "SG": 2,
    "SA": 2,
    "IT": 2,
    "KR": 1,
    "AE": 1,
}
DIASPORA_MIX = {
    "US": 22,
    "SA": 16,
    "AE": 11,
    "SG": 6,
    "HK": 6,
    "JP": 6,
    "CA": 8,
    "GB": 5,
    "AU": 4,
    "IT": 5,
    "KR": 3,
    "DE": 2,
    "NZ": 2,
    "NL": 1,
    "FR": 1,
}
VICTIM_MIX = {"US": 55, "GB": 10, "AU": 10, "CA": 10, "DE": 5, "NZ": 3, "NL": 3, "FR": 2, "IT": 2}
TUTEE_MIX = {"JP": 35, "KR": 25, "US": 10, "SA": 8, "AE": 6, "DE": 4, "IT": 4, "FR": 4, "GB": 4}
CLIENT_MIX = {"US": 50, "AU": 15, "GB": 12, "CA": 10, "DE": 5, "NZ": 3, "SG": 3, "NL": 2}

OUTSIDE_INSTITUTIONS = (
    ("XA", "ext-remit-1"),
    ("XB", "ext-remit-2"),
    ("XC", "ext-bank-1"),
    ("XD", "ext-bank-2"),
    ("XE", "ext-app-1"),
    ("XF", "ext-app-2"),
)

# foreign merchants (card purchases); (name, MCC, category)
FOREIGN_MERCHANTS = (
    ("Corner Grocery", "5411", "grocery"),
    ("Fresh Market", "5411", "grocery"),
    ("Value Foods", "5411", "grocery"),
    ("City Fuel", "5541", "fuel"),
    ("Highway Gas", "5541", "fuel"),
    ("Noodle House", "5812", "food"),
    ("Burger Place", "5814", "food"),
    ("Cafe Nine", "5814", "food"),
    ("Stream Plus", "4899", "streaming"),
    ("Music Box", "5815", "streaming"),
    ("Game Store Online", "5816", "games"),
    ("Pixel Gems", "5816", "games"),
    ("Arena Coins", "5816", "games"),
    ("Shield VPN", "4816", "vpn"),
    ("Quiet Net VPN", "4816", "vpn"),
    ("Screen Capture Pro", "5734", "software"),
    ("Phone Shop", "5732", "electronics"),
    ("Sky Air", "4511", "airline"),
    ("Island Air", "4511", "airline"),
    ("Harbor Hotel", "7011", "hotel"),
    ("Beach Resort Inn", "7011", "hotel"),
    ("Heart Match", "7273", "dating"),
    ("Pen Pals Asia", "7273", "dating"),
    ("Gift Card Hub", "5999", "giftcard"),
    ("Card Kiosk", "5999", "giftcard"),
    ("Power Utility", "4900", "utility"),
    ("Water Co", "4900", "utility"),
    ("Mobile Plan", "4814", "telecom"),
    ("Pharmacy Plus", "5912", "pharmacy"),
    ("Home Depot Store", "5200", "home"),
    ("Jewel Box", "5944", "jewellery"),
)
# the merchants that sit in the Philippines (card use while visiting)
PH_CARD_MERCHANTS = (
    ("Manila Bay Hotel", "7011", "hotel"),
    ("Island Hopping Tours", "4722", "travel"),
    ("Seaside Grill", "5812", "food"),
    ("Mall Department Store", "5311", "shopping"),
    ("ATM Cash Withdrawal", "6011", "atm"),
)
PH_BILLERS = (
    ("Load Center", "load"),
    ("Quick Load", "load"),
    ("Electric Coop", "utility"),
    ("Water District", "utility"),
    ("Fiber Internet", "utility"),
    ("School Cashier", "school"),
    ("Sari-Sari Supply", "shop"),
    ("Pharmacy Botika", "shop"),
    ("Online Mall", "shop"),
)
AGENT_NAMES = (
    "Padala Center",
    "Cash Agent",
    "Pawnshop Remit",
    "Corner Payout",
    "Bayad Outlet",
    "Express Pickup",
)
EMPLOYERS = (
    "Northwind Logistics",
    "Bluebell Care Home",
    "Harbor Shipping",
    "Summit Hospital",
    "Metro Cleaning",
    "Acme Retail",
    "Sunrise Hotel Group",
    "Delta Builders",
    "Orchard Foods",
    "Pinnacle Services",
)

INDICATOR_WORDS = (
    "load",
    "padala",
    "school fees",
    "allowance",
    "gift",
    "send first",
    "ready na",
    "show later",
    "private",
    "tokens",
    "rent po",
    "order #",
    "invoice",
    "ticket",
    "cam",
)

# payment references
REF_OFFENDER_KEYWORD = ("school fees", "load", "gift", "allowance", "padala", "help", "medical")
REF_OFFENDER_OTHER = ("thanks", "for you", "food", "as promised", "po", "ok", "bday", "support")
REF_FAMILY = (
    "allowance",
    "padala",
    "school fees",
    "rent po",
    "for bills",
    "gift",
    "load",
    "tuition",
    "birthday",
    "groceries",
    "for Nanay",
    "monthly",
    "support",
    "medicine",
)
REF_COUPLE = ("allowance", "rent po", "ticket", "gift", "load", "love", "for you", "groceries")
REF_ROMANCE = ("ticket", "visa fee", "medical", "customs fee", "gift", "hospital", "rent po")
REF_TRAVEL = ("gift", "load", "thanks", "school fees", "for your family", "rent po", "pasalubong")
REF_PERFORMER = ("tokens", "gift", "private", "tip", "thanks", "for rent")
REF_TUTOR = ("lessons", "school fees", "tuition", "10 lessons", "package")
REF_SPONSOR = ("sponsorship", "school fees program", "monthly gift", "donation", "scholar fund")

# chat phrases per conversation kind; every list uses indicator words
CHAT = {
    "family_out": (
        "padala sent na, check your wallet",
        "send first for the rent po, I will add more on payday",
        "school fees due next week? I will send",
        "did the allowance arrive?",
        "load sent to your number",
        "call later on cam after my shift",
        "gift for your birthday, sent via wallet",
        "kumusta na kayo? ingat lagi",
        "private lang ha, surprise for Nanay",
        "ticket home in December, booking now",
        "how much for the rent po this month?",
        "I sent it already",
    ),
    "family_in": (
        "received po the padala, salamat",
        "rent po is due on the 5th",
        "can you load my number po",
        "school fees po, 3500 for this term",
        "ready na the enrolment papers",
        "salamat sa allowance",
        "cam later? Nanay wants to say hi",
        "electric bill came, how much can you send",
        "ok po, will cash out tomorrow",
        "miss you, ingat ka dyan",
    ),
    "couple_out": (
        "miss you, cam later?",
        "sent the allowance for this week",
        "ticket booked for March",
        "load for your phone sent",
        "rent po covered this month",
        "gift from me, open it on cam",
        "private call later tonight",
        "did you get the money?",
    ),
    "couple_in": (
        "ready na ako, call now?",
        "show later the new apartment on cam",
        "rent po next week, sorry",
        "thank you for the load",
        "when is your ticket?",
        "received, love you",
        "can you send first for the deposit",
    ),
    "seller_out": (
        "live show later 8pm, new items",
        "order # confirmed, ships tomorrow",
        "please send first the payment before shipping",
        "ready na for pickup",
        "invoice sent to your email",
        "gift wrap available for padala orders",
        "private message me for the price",
        "we accept load and wallet payment",
    ),
    "seller_in": (
        "order # paid po",
        "how much shipping to my family?",
        "ready na my order?",
        "padala to my sister in Cebu",
        "can I pay later after payday",
        "sent, please check",
        "is the gift box still available",
    ),
    "performer_out": (
        "private show 60 tokens per min",
        "cam later at 10?",
        "send first the tokens po",
        "ready na, join my room",
        "show later after my break",
        "gift received, thanks",
        "rent po is due so tips welcome",
        "invoice for the custom request",
    ),
    "performer_in": (
        "tip 100 tokens",
        "private tonight?",
        "how many tokens for 10 min",
        "sent a gift",
        "online later?",
        "can I pay by padala",
    ),
    "tutor_out": (
        "lesson later at 7pm, cam ready na",
        "invoice for 10 lessons",
        "send first the package payment",
        "private lesson next week",
        "show later your homework",
        "school fees received, thank you",
    ),
    "tutor_in": (
        "lesson tomorrow please",
        "paid the tokens for the package",
        "ticket number for the refund",
        "I am ready na for the lesson",
        "can we do cam at 8?",
    ),
    "freelance_out": (
        "invoice sent",
        "ready na the report",
        "send first the deposit please",
        "cam meeting later?",
        "private doc shared",
    ),
    "freelance_in": (
        "paid the invoice",
        "ticket closed, thanks",
        "show later the draft",
        "gift card bonus sent",
        "load more tasks tomorrow",
    ),
    "romance_out": (
        "ticket to visit you soon",
        "sent the gift",
        "private, do not tell anyone",
        "load sent",
        "cam later?",
        "is it enough for the rent po",
    ),
    "romance_in": (
        "send first for the visa fee",
        "hospital needs payment today",
        "ready na my ticket",
        "customs fee for the gift",
        "thank you so much",
        "load my phone po",
    ),
    "friend": (
        "load mo ako",
        "rent po share this month",
        "gift for Ana's birthday",
        "send first then I pay back",
        "ready na ba?",
        "show later at the mall",
        "ticket for the concert",
        "invoice from the shop",
        "padala ko na bukas",
        "private chat lang",
        "allowance came in",
        "order # of the shoes",
    ),
    "hh_out": (
        "ready na po",
        "send first po",
        "show later",
        "private po",
        "received, thanks",
        "load po for internet",
        "online na",
        "school fees po",
        "what time?",
        "cam ready",
        "gift received",
        "rent po due",
    ),
    "hh_in": (
        "ready na?",
        "sent",
        "private later?",
        "tokens?",
        "ok, send first how much",
        "online later",
        "padala sent",
        "gift sent",
        "show later ok",
        "allowance sent",
    ),
    "hh_family": (
        "padala received",
        "load for your phone",
        "rent po this week",
        "cash out later at the agent",
        "school fees next month",
        "ready na dinner",
        "allowance sent",
    ),
    "sx_out": (
        "send first the gift card code",
        "pay now and it ends",
        "load my wallet",
        "ready na? send",
        "private, no one knows if you pay",
        "send more, last one",
        "invoice is 200",
    ),
    "sx_in": ("ok sent", "please stop", "I do not have more", "sent the code", "wait I pay"),
    "trader": (
        "order # ready na, send first",
        "invoice for the trade",
        "rate is ok, padala now",
        "released, check your wallet",
        "tokens sent",
        "private trade only",
    ),
    "gamer": (
        "load the coins po",
        "order # for the skins",
        "gift the item to my account",
        "ready na, send first",
        "tokens bundle please",
    ),
}
