"""Innocuous everyday words for payment references, chat lines and tip descriptions (world H).

Nothing here is sexual or abusive; the same plain words are used by offenders and by everyone else.
"""

REF_FAMILY = (
    "",
    "",
    "",
    "family support",
    "allowance",
    "pang gastos",
    "for Nanay",
    "tuition",
    "school fees",
    "medicine",
    "padala",
    "gift",
    "bday gift",
    "pang bayad kuryente",
    "load",
    "groceries",
    "salamat",
    "for the kids",
    "monthly",
    "rent",
    "emergency",
    "pamasko",
)
REF_OFFENDER = (
    "",
    "",
    "",
    "",
    "",
    "school fees",
    "gift",
    "allowance",
    "load",
    "for the kids",
    "medical",
    "family support",
    "tuition",
    "birthday",
    "thanks",
    "padala",
    "salamat",
    "uniform",
    "for baby milk",
    "rent",
    "help",
    "medical bills",
    "food",
    "school",
    "pasalubong",
)
REF_CAREFUL = (
    "",
    "family support",
    "allowance",
    "school fees",
    "monthly support",
    "education",
    "for groceries",
    "rent help",
)
REF_SELLER = (
    "",
    "",
    "order",
    "payment",
    "order #%d",
    "bag",
    "dried mangoes",
    "pasalubong",
    "shoes",
    "preorder",
    "balance",
    "item %d",
    "COD",
)
REF_ADULT = (
    "",
    "",
    "show",
    "tip",
    "tokens",
    "cam",
    "thanks",
    "private show",
    "for tonight",
    "session",
    "schedule",
)
REF_TRAVEL = (
    "",
    "",
    "rent",
    "for the kids school",
    "school fees",
    "groceries",
    "load",
    "bills",
    "for you",
    "allowance",
    "miss you",
    "medicine",
    "ticket",
)
REF_ROMANCE = (
    "",
    "customs fee",
    "hospital",
    "ticket",
    "visa fee",
    "loan",
    "for the lawyer",
    "clearance fee",
    "travel",
    "release fee",
    "tax",
)
REF_SPONSOR = (
    "sponsorship",
    "sponsor ref CS-%04d",
    "",
    "monthly donation",
    "child sponsorship %04d",
    "sponsor %04d",
)
REF_FREELANCE = ("invoice %d", "VA services", "", "INV-%d", "weekly hours", "design work", "support retainer")
REF_TEEN = ("", "", "game", "skins", "for the game", "pay back", "gift card", "thanks", "pizza", "tix")
REF_SEXT = ("", "", "", "", "gift", "ok", "pay", "last", "game", "sorry", "here")
REF_P2P = ("", "", "", "p2p", "order %d", "usdt", "buy", "sell")
REF_CHURCH = ("tithe", "offering", "love gift", "mission", "", "building fund", "thanksgiving")
REF_RECRUIT = ("placement fee", "medical", "processing fee", "training fee", "", "PDOS", "visa processing")
REF_P2P_FRIENDS = ("", "", "bayad", "utang", "share", "pamasahe", "load", "ambag", "thanks")

PAYER_CHAT = (
    (0, "hi you online?"),
    (1, "yes po"),
    (0, "ready na?"),
    (1, "wait lang po 10 mins"),
    (1, "send first po"),
    (0, "how much today"),
    (1, "same po 2000"),
    (0, "ok sending now"),
    (0, "sent na, check padala"),
    (1, "salamat po"),
    (1, "use name of my cousin po for pickup"),
    (0, "what name to put"),
    (1, "ready na po"),
    (0, "cam later 9pm?"),
    (1, "ok po"),
    (1, "new number po this one"),
    (0, "next week again"),
    (1, "load po pls"),
    (0, "control number sent"),
    (1, "received na po"),
    (0, "same time tomorrow"),
    (1, "online po later"),
    (0, "gift for school fees"),
)
ADULT_CHAT = (
    (0, "hi are you online tonight?"),
    (1, "yes from 10pm"),
    (0, "how much for private show"),
    (1, "30 min 40 usd, 1 hr 70"),
    (0, "ok sending now"),
    (1, "thanks received"),
    (1, "cam ready"),
    (0, "tokens sent"),
    (1, "price list on my page"),
    (0, "schedule tomorrow?"),
    (1, "send first po"),
    (1, "thank you for the tip"),
    (0, "same time next week"),
    (1, "ok see you"),
)
FAMILY_CHAT = (
    (0, "padala na po"),
    (1, "salamat anak"),
    (0, "received na?"),
    (1, "oo, nakuha na"),
    (0, "allowance ni bunso"),
    (1, "ingat ka dyan"),
    (0, "pang tuition po yan"),
    (1, "salamat po"),
    (0, "kumain na kayo?"),
    (1, "load po pls"),
    (0, "send ko bukas"),
    (1, "ok po"),
)
SELLER_CHAT = (
    (0, "available pa po?"),
    (1, "yes po available"),
    (0, "how much shipping"),
    (1, "shipping fee 150"),
    (1, "send first po before ship"),
    (0, "ok sent"),
    (1, "order confirmed po"),
    (1, "tracking number po"),
    (0, "salamat po"),
    (1, "salamat po sa order"),
)
GAME_CHAT = (
    (0, "how much for the skin"),
    (1, "10 usd"),
    (1, "send first then i give account"),
    (0, "gift card ok?"),
    (1, "ok code pls"),
    (0, "sent"),
    (1, "received, check ur inbox"),
    (0, "thanks bro"),
    (1, "want more? sale today"),
    (0, "ok one more"),
)
TRAVEL_CHAT = (
    (0, "miss you"),
    (1, "miss you too"),
    (0, "sent load"),
    (1, "salamat"),
    (0, "for rent this month"),
    (1, "kids say hi"),
    (0, "call later?"),
    (1, "ok good night"),
    (0, "received?"),
    (1, "yes thank you"),
)
ROMANCE_CHAT = (
    (1, "customs fee needed for the package"),
    (0, "how much"),
    (1, "please send first I will pay back"),
    (1, "hospital bill today"),
    (0, "sent it"),
    (1, "thank you my love"),
    (1, "ticket money for next month"),
    (0, "is this the last one"),
    (1, "yes last one promise"),
)
SEXT_CHAT = (
    (0, "hey"),
    (1, "who is this"),
    (0, "send now"),
    (0, "gift card code"),
    (1, "please wait"),
    (0, "you have 1 hour"),
    (1, "i sent it"),
    (0, "not enough"),
    (0, "one more then done"),
    (1, "i have no more"),
    (0, "pay first"),
    (1, "ok"),
    (0, "last one"),
    (1, "please stop"),
)
TEEN_CHAT = (
    (0, "you on tonight?"),
    (1, "yeah after dinner"),
    (0, "sent for the game"),
    (1, "thanks bro"),
    (0, "pay u back friday"),
    (1, "all good"),
    (0, "skins sale rn"),
    (1, "lol ok"),
)
SPONSOR_CHAT = (
    (0, "hello, did the letter arrive?"),
    (1, "yes thank you, update coming"),
    (0, "thanks for the photos of the school"),
)
FREELANCE_CHAT = (
    (0, "invoice received"),
    (1, "thanks, hours attached"),
    (0, "paid today"),
    (1, "salamat, received"),
)

HOTLINE_FACIL = (
    "Caller reports neighbour household receives frequent padala from abroad and children kept indoors; visitors on cam late at night.",
    "Barangay worker concerned about minors in household; many foreign remittance pickups at different branches.",
    "Anonymous tip: family receives money from foreign men several times a week, pickups under different names.",
)
HOTLINE_FALSE = (
    "Caller suspicious of neighbour receiving many remittances from abroad; unsure of purpose.",
    "Neighbour reports frequent late-night video calls and money from abroad.",
    "Tip about household receiving padala from several foreigners.",
)
PLATFORM_SEXT = (
    "User report: account pressured a teen user for gift cards and e-wallet payments.",
    "Several teen users reported this account for demanding payment.",
)
PLATFORM_PAYER = (
    "Account messaged several users in the Philippines asking about cam shows and prices; age of counterparts unclear.",
    "Trust and safety review: adult account arranging paid video calls with accounts in PH; possible minors.",
)
PLATFORM_FALSE = (
    "User report: account sells game items, buyer says item not delivered.",
    "Report: adult account advertising paid shows; age verification pending.",
    "Report: account asking many users for money.",
)
NGO_PAYER = (
    "Concern raised by a family member about frequent small transfers to several people in the Philippines.",
    "Referral: member of public saw chat about sending money to the Philippines for a show.",
)
NGO_SEXT = ("Parent reports son paid an online contact several times in two days; contact demanded more.",)
NGO_FALSE = (
    "Concern about older relative sending large sums to an online partner in the Philippines.",
    "Report about a man who travels to the Philippines often and sends money there.",
)
