"""From integer entities and event buffers to Arrow tables in the shapes of data contract v1
and of the ground-truth format."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .catalog import (
    CAT_MCC,
    CHANNELS,
    COHORTS,
    K_MERCHANT,
    K_PLATFORM,
    KINDS,
    REFERENCES,
    ROLES,
    SOURCES,
    SRC_TZ_OFFSET,
    SRC_TZ_RULE,
    STREAM_S,
)
from .chats import TEXTS as CHAT_TEXTS
from .chats import Messages
from .events import Sessions, Txns
from .geo import CC, CURRENCIES
from .networks import SEXTORTION_NETWORK_BASE
from .registry import Registry
from .textfmt import dates, ids, lookup, timestamps, with_nulls
from .texts import (
    addresses,
    cities,
    devices,
    display_names,
    emails,
    id_numbers,
    ips,
    org_names,
    person_names,
    phones,
    usernames,
)

S = pa.string()
SCHEMAS: dict[str, pa.Schema] = {
    "parties": pa.schema(
        [
            ("party_id", S),
            ("source", S),
            ("kind", S),
            ("name", S),
            ("birth_date", S),
            ("gender", S),
            ("country", S),
            ("city", S),
            ("address", S),
            ("phone", S),
            ("email", S),
            ("id_number", S),
            ("created_at", S),
        ]
    ),
    "accounts": pa.schema(
        [
            ("account_id", S),
            ("source", S),
            ("party_id", S),
            ("kind", S),
            ("country", S),
            ("username", S),
            ("display_name", S),
            ("opened_at", S),
            ("closed_at", S),
            ("banned_reason", S),
        ]
    ),
    "transactions": pa.schema(
        [
            ("txn_id", S),
            ("source", S),
            ("timestamp", S),
            ("amount", pa.float64()),
            ("currency", S),
            ("sender_account_id", S),
            ("receiver_account_id", S),
            ("channel", S),
            ("sender_country", S),
            ("receiver_country", S),
            ("reference", S),
            ("merchant_category", S),
            ("merchant_name", S),
        ]
    ),
    "sessions": pa.schema(
        [
            ("session_id", S),
            ("source", S),
            ("started_at", S),
            ("ended_at", S),
            ("host_account_id", S),
            ("viewer_account_id", S),
            ("host_country", S),
            ("viewer_country", S),
            ("host_ip", S),
            ("viewer_ip", S),
            ("host_device_id", S),
            ("viewer_device_id", S),
            ("private", pa.bool_()),
            ("paid_amount", pa.float64()),
            ("currency", S),
        ]
    ),
    "messages": pa.schema(
        [
            ("message_id", S),
            ("source", S),
            ("sent_at", S),
            ("sender_account_id", S),
            ("recipient_account_id", S),
            ("session_id", S),
            ("text", S),
        ]
    ),
    "fx_rates": pa.schema([("date", S), ("currency", S), ("usd_per_unit", pa.float64())]),
    "truth_persons": pa.schema(
        [
            ("person_id", S),
            ("cohort", S),
            ("role", S),
            ("network_id", S),
        ]
    ),
    "truth_accounts": pa.schema([("account_id", S), ("party_id", S), ("person_id", S)]),
}
SOURCE_NAMES = tuple(s.name for s in SOURCES)
PHONE_STYLES = tuple(s.phone_style for s in SOURCES)
BANNED_REASON = "csea"


def _width(n: int) -> int:
    return max(8, len(str(max(n - 1, 1))))


class TableMaker:
    """Turns rows of the registry and event buffers into contract tables.

    Party and account ids are random permutations of 0..n-1, so that no id reveals when or
    why a record was created; transactions and sessions are numbered in the order written.
    """

    def __init__(self, reg: Registry, rng: np.random.Generator, first_private_session: int):
        self.reg = reg
        n_acc, n_par = len(reg.accounts), len(reg.parties)
        self.acc_num = rng.permutation(n_acc)
        self.par_num = rng.permutation(n_par)
        self.acc_w, self.par_w = _width(n_acc), _width(n_par)
        self.per_w = _width(len(reg.persons))
        self._acc_ids = ids("acc-", self.acc_num, self.acc_w)
        self._par_ids = ids("pty-", self.par_num, self.par_w)
        self.next_txn = 0
        self.next_session = first_private_session
        acc = reg.accounts
        plat = np.flatnonzero(acc["kind"] == K_PLATFORM)
        self._plat_pos = np.full(n_acc, -1, dtype=np.int64)
        self._plat_pos[plat] = np.arange(len(plat))
        self._usernames = usernames(reg, acc["person"][plat], acc["handle"][plat])

    # ids ------------------------------------------------------------------------------
    def account_ids(self, acct: np.ndarray) -> pa.Array:
        arr = self._acc_ids.take(pa.array(np.maximum(acct, 0)))
        return with_nulls(arr, acct >= 0)

    def party_ids(self, party: np.ndarray) -> pa.Array:
        arr = self._par_ids.take(pa.array(np.maximum(party, 0)))
        return with_nulls(arr, party >= 0)

    def person_ids(self, person: np.ndarray) -> pa.Array:
        return ids("per-", person, self.per_w)

    def account_order(self) -> np.ndarray:
        """Accounts in the order of their ids."""
        return np.argsort(self.acc_num)

    def party_order(self) -> np.ndarray:
        return np.argsort(self.par_num)

    # time -----------------------------------------------------------------------------
    def _ts(self, ts: np.ndarray, source: np.ndarray, holder: np.ndarray) -> pa.Array:
        rule = SRC_TZ_RULE[source]
        offset = np.where(rule == 2, self.reg.persons["offset"][holder], SRC_TZ_OFFSET[source])
        return timestamps(ts, offset, rule == 0)

    # tables ---------------------------------------------------------------------------
    def transactions(self, t: Txns) -> pa.Table:
        acc = self.reg.accounts
        n = len(t)
        numbers = np.arange(self.next_txn, self.next_txn + n)
        self.next_txn += n
        holder = acc["person"][t.snd]
        merchant = acc["kind"][t.rcv] == K_MERCHANT
        category = np.where(merchant, acc["category"][t.rcv], -1)
        mcc = lookup(CAT_MCC, category)
        mcc = pc.if_else(pc.equal(mcc, ""), pa.scalar(None, S), mcc)
        name = with_nulls(org_names(self.reg, acc["person"][t.rcv]), merchant)
        cols = {
            "txn_id": ids("txn-", numbers, 10),
            "source": lookup(SOURCE_NAMES, t.src),
            "timestamp": self._ts(t.ts, t.src, holder),
            "amount": pa.array(t.amount, pa.float64()),
            "currency": lookup(CURRENCIES, t.cur),
            "sender_account_id": self.account_ids(t.snd),
            "receiver_account_id": self.account_ids(t.rcv),
            "channel": lookup(CHANNELS, t.chan),
            "sender_country": lookup(CC, acc["country"][t.snd]),
            "receiver_country": lookup(CC, acc["country"][t.rcv]),
            "reference": lookup(REFERENCES, np.where(t.ref > 0, t.ref, -1)),
            "merchant_category": mcc,
            "merchant_name": name,
        }
        return pa.table(cols, schema=SCHEMAS["transactions"])

    def sessions(self, s: Sessions) -> pa.Table:
        acc, persons = self.reg.accounts, self.reg.persons
        n = len(s)
        new = s.sid < 0
        sid = s.sid.copy()
        sid[new] = np.arange(self.next_session, self.next_session + int(new.sum()))
        self.next_session += int(new.sum())
        host_p, viewer_p = acc["person"][s.host], acc["person"][s.viewer]
        src = np.full(n, STREAM_S, dtype=np.int8)
        paid = ~np.isnan(s.paid)
        cols = {
            "session_id": ids("ses-", sid, 10),
            "source": lookup(SOURCE_NAMES, src),
            "started_at": self._ts(s.start, src, host_p),
            "ended_at": self._ts(s.end, src, host_p),
            "host_account_id": self.account_ids(s.host),
            "viewer_account_id": self.account_ids(s.viewer),
            "host_country": lookup(CC, persons["country"][host_p]),
            "viewer_country": lookup(CC, persons["country"][viewer_p]),
            "host_ip": ips(self.reg, host_p),
            "viewer_ip": ips(self.reg, viewer_p),
            "host_device_id": devices(self.reg, host_p),
            "viewer_device_id": devices(self.reg, viewer_p),
            "private": pa.array(s.private, pa.bool_()),
            "paid_amount": pa.array(np.where(paid, s.paid, 0.0), pa.float64(), mask=~paid),
            "currency": with_nulls(lookup(CURRENCIES, np.zeros(n, np.int64)), paid),
        }
        return pa.table(cols, schema=SCHEMAS["sessions"])

    def messages(self, m: Messages) -> pa.Table:
        """Chat messages on the platform (session ids are left empty)."""
        n = len(m)
        src = np.full(n, STREAM_S, dtype=np.int8)
        cols = {
            "message_id": ids("msg-", np.arange(n), 10),
            "source": lookup(SOURCE_NAMES, src),
            "sent_at": self._ts(m.ts, src, self.reg.accounts["person"][m.sender]),
            "sender_account_id": self.account_ids(m.sender),
            "recipient_account_id": self.account_ids(m.recipient),
            "session_id": pa.nulls(n, S),
            "text": lookup(CHAT_TEXTS, m.text),
        }
        return pa.table(cols, schema=SCHEMAS["messages"])

    def parties(self, idx: np.ndarray) -> pa.Table:
        reg = self.reg
        par, persons = reg.parties, reg.persons
        person = par["person"][idx]
        source = par["source"][idx]
        is_org = persons["kind"][person] == 1
        birth = persons["birth"][person] + np.where(par["birth_mode"][idx] == 1, 365, 0)
        has_birth = (par["birth_mode"][idx] >= 0) & ~is_org
        gender = np.where((par["gender_known"][idx] == 1) & ~is_org, persons["gender"][person], -1)
        # Phones are written in each source's style.
        phone_text = np.empty(len(idx), dtype=object)
        for s in np.unique(source):
            sel = np.flatnonzero(source == s)
            text = phones(
                reg, par["phone_person"][idx[sel]], par["phone_which"][idx[sel]], PHONE_STYLES[int(s)]
            )
            phone_text[sel] = np.asarray(text.to_numpy(zero_copy_only=False), dtype=object)
        cols = {
            "party_id": self.party_ids(idx),
            "source": lookup(SOURCE_NAMES, source),
            "kind": lookup(("person", "organization"), persons["kind"][person]),
            "name": person_names(reg, person, par["variant"][idx], par["first_alias"][idx]),
            "birth_date": with_nulls(dates(birth), has_birth),
            "gender": lookup(("f", "m"), gender),
            "country": lookup(CC, persons["country"][person]),
            "city": cities(reg, person),
            "address": addresses(reg, person, par["address"][idx]),
            "phone": pa.array(phone_text, S),
            "email": emails(reg, person, par["email_which"][idx]),
            "id_number": id_numbers(reg, person, np.where(is_org, -1, par["id_which"][idx])),
            "created_at": self._ts(par["created"][idx], source, person),
        }
        return pa.table(cols, schema=SCHEMAS["parties"])

    def accounts(self, idx: np.ndarray) -> pa.Table:
        reg = self.reg
        acc, persons = reg.accounts, reg.persons
        person = acc["person"][idx]
        source = acc["source"][idx]
        kind = acc["kind"][idx]
        plat = self._plat_pos[idx]
        is_plat = plat >= 0
        user = self._usernames.take(pa.array(np.maximum(plat, 0)))
        user = with_nulls(user, is_plat)
        display = display_names(reg, person, acc["handle"][idx], user)
        display = pc.if_else(
            pa.array(persons["kind"][person] == 1), org_names(reg, person), with_nulls(display, is_plat)
        )
        closed = acc["closed"][idx]
        banned = acc["banned"][idx] == 1
        cols = {
            "account_id": self.account_ids(idx),
            "source": lookup(SOURCE_NAMES, source),
            "party_id": self.party_ids(acc["party"][idx]),
            "kind": lookup(KINDS, kind),
            "country": lookup(CC, acc["country"][idx]),
            "username": user,
            "display_name": display,
            "opened_at": self._ts(acc["opened"][idx], source, person),
            "closed_at": with_nulls(self._ts(np.maximum(closed, 0), source, person), closed >= 0),
            "banned_reason": with_nulls(lookup((BANNED_REASON,), np.zeros(len(idx), np.int64)), banned),
        }
        return pa.table(cols, schema=SCHEMAS["accounts"])

    def truth_persons(self, idx: np.ndarray) -> pa.Table:
        p = self.reg.persons
        net = p["network"][idx]
        sx = net >= SEXTORTION_NETWORK_BASE
        net_num = np.where(sx, net - SEXTORTION_NETWORK_BASE, net)
        net_id = pc.if_else(
            pa.array(sx), ids("sx-", np.maximum(net_num, 0), 5), ids("net-", np.maximum(net_num, 0), 5)
        )
        net_id = pc.if_else(pa.array(net >= 0), net_id, "")
        cols = {
            "person_id": self.person_ids(idx),
            "cohort": lookup(COHORTS, p["cohort"][idx]),
            "role": lookup(ROLES, p["role"][idx]),
            "network_id": net_id,
        }
        return pa.table(cols, schema=SCHEMAS["truth_persons"])

    def truth_accounts(self, idx: np.ndarray) -> pa.Table:
        acc = self.reg.accounts
        cols = {
            "account_id": self.account_ids(idx),
            "party_id": pc.fill_null(self.party_ids(acc["party"][idx]), ""),
            "person_id": self.person_ids(acc["person"][idx]),
        }
        return pa.table(cols, schema=SCHEMAS["truth_accounts"])
