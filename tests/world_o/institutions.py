"""The organisations of world O and which view includes them.

| code         | what                                                    | full | receiver | platform |
|--------------|---------------------------------------------------------|------|----------|----------|
| bank-ph-a    | Philippine bank                                          | yes  | yes      |          |
| wallet-ph-b  | Philippine e-wallet (also redeems gift cards)            | yes  | yes      |          |
| remit-ph-c   | Philippine remittance/pawnshop network, cash pickup      | yes  | yes      |          |
| vasp-ph-d    | Philippine crypto exchange                               | yes  | yes      |          |
| bank-us-e    | US bank (accounts and cards)                             | yes  |          |          |
| bank-gb-f    | UK bank                                                  | yes  |          |          |
| bank-au-g    | Australian bank                                          | yes  |          |          |
| bank-eu-h    | euro-area bank (DE, NL, FR, IT, ES, BE, IE)              | yes  |          |          |
| remit-intl-j | international online remitter (many sending countries)   | yes  |          |          |
| p2p-intl-k   | international P2P payment app                            | yes  |          |          |
| vasp-intl-l  | international crypto exchange                            | yes  |          |          |
| vidchat-p    | chat / video / live-stream platform                      | yes  |          | yes      |
| hotline-ph-r | Philippine hotline (tips)                                | yes  |          |          |

External institutions (other banks and remitters abroad, gift-card issuers, self-custody crypto,
card merchants, employers) never export anything: their accounts appear only as counterparties.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Inst:
    code: str
    what: str
    country: str
    group: str  # ph | foreign | platform | hotline | external
    currency: str
    tz: int  # minutes; offset the institution writes its timestamps in
    kinds: tuple[str, ...]

    @property
    def ph(self) -> bool:
        return self.group == "ph"

    @property
    def exported(self) -> bool:
        return self.group != "external"


INSTS: dict[str, Inst] = {
    i.code: i
    for i in [
        Inst("bank-ph-a", "Philippine bank", "PH", "ph", "PHP", 480, ("bank",)),
        Inst("wallet-ph-b", "Philippine e-wallet", "PH", "ph", "PHP", 480, ("ewallet", "merchant")),
        Inst(
            "remit-ph-c",
            "Philippine remittance and pawnshop network",
            "PH",
            "ph",
            "PHP",
            480,
            ("remittance", "merchant"),
        ),
        Inst("vasp-ph-d", "Philippine crypto exchange", "PH", "ph", "USD", 480, ("crypto",)),
        Inst("bank-us-e", "US bank", "US", "foreign", "USD", -300, ("bank", "card")),
        Inst("bank-gb-f", "UK bank", "GB", "foreign", "GBP", 0, ("bank", "card")),
        Inst("bank-au-g", "Australian bank", "AU", "foreign", "AUD", 600, ("bank", "card")),
        Inst("bank-eu-h", "euro-area bank", "DE", "foreign", "EUR", 60, ("bank", "card")),
        Inst("remit-intl-j", "international online remitter", "GB", "foreign", "USD", 0, ("remittance",)),
        Inst(
            "p2p-intl-k", "international P2P payment app", "US", "foreign", "USD", 0, ("ewallet", "merchant")
        ),
        Inst("vasp-intl-l", "international crypto exchange", "SG", "foreign", "USD", 0, ("crypto",)),
        Inst("vidchat-p", "chat and video platform", "SG", "platform", "USD", 0, ("platform", "merchant")),
        Inst("hotline-ph-r", "Philippine hotline", "PH", "hotline", "PHP", 480, ()),
        Inst("ext-bank", "banks abroad outside the bundle", "", "external", "", 0, ("bank",)),
        Inst("ext-remit", "remitters outside the bundle", "", "external", "", 0, ("remittance",)),
        Inst("ext-card", "card issuers outside the bundle", "", "external", "", 0, ("card",)),
        Inst("ext-giftcard", "gift-card programmes", "", "external", "", 0, ("card",)),
        Inst("ext-chain", "self-custody crypto wallets", "", "external", "", 0, ("crypto",)),
        Inst("ext-merchant", "card merchants and employers", "", "external", "", 0, ("merchant",)),
    ]
}

BANK_OF_COUNTRY = {
    "US": "bank-us-e",
    "GB": "bank-gb-f",
    "AU": "bank-au-g",
    **{c: "bank-eu-h" for c in ("DE", "NL", "FR", "IT", "ES", "BE", "IE")},
}

VIEWS = ("full", "receiver", "platform")


def in_view(inst: Inst, view: str) -> bool:
    if view == "full":
        return inst.exported
    if view == "receiver":
        return inst.group == "ph"
    if view == "platform":
        return inst.group == "platform"
    raise ValueError(view)
