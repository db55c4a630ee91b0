"""Innocuous synthetic chat next to platform sessions: a few short messages before some sessions.

Only the indicator phrasing FIUs and hotlines publish appears (payment arrangement for offender
pairs), plus everyday lines for the look-alikes: family video calls (which also talk about
sending money home) and adult-webcam customers. No sexual terms, no grooming scripts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .catalog import CO
from .events import Sessions
from .registry import Registry

#: a facilitator arranging payment before a private session (AMLC/IJM indicator phrasing)
HOST_PAYMENT = (
    "send load first po",
    "padala muna sa gcash bago",
    "bayad muna po",
    "500 per min po",
    "pay first then private",
    "padalaha una sa gcash",
    "send via palawan express po",
    "control number po",
)
#: the viewer's side of that exchange
VIEWER_PAYMENT = ("how much for private", "magkano po", "tagpila", "sent na", "ok sending now")
#: family video calls: greetings, and money sent home for school and bills
FAMILY = (
    "kumusta ka na",
    "ingat kayo dyan",
    "padala ko na pang tuition",
    "send load ate",
    "salamat po",
    "miss you all",
    "video call tayo mamaya",
    "nakuha mo na ang padala",
)
#: adult-webcam customers and performers
WEBCAM = ("good evening", "thanks see you next time", "love the music tonight", "hello again")

#: (lines, share of sessions with a message, share sent by the host)
KINDS = {
    "offender_payer": ((HOST_PAYMENT, VIEWER_PAYMENT), 0.5, 0.7),
    "diaspora_remitter": ((FAMILY, FAMILY), 0.4, 0.5),
    "webcam_customer": ((WEBCAM, WEBCAM), 0.3, 0.3),
}
TEXTS: tuple[str, ...] = tuple(dict.fromkeys(x for (a, b), _, _ in KINDS.values() for x in a + b))


@dataclass
class Messages:
    ts: np.ndarray
    sender: np.ndarray  # account
    recipient: np.ndarray  # account
    text: np.ndarray  # index into TEXTS

    def __len__(self) -> int:
        return len(self.ts)


def chat_messages(reg: Registry, rng: np.random.Generator, sessions: Sessions) -> Messages:
    """Messages a few minutes before some sessions of offenders, families and webcam customers."""
    cohort = reg.persons["cohort"][np.maximum(sessions.owner, 0)]
    parts: list[tuple[np.ndarray, ...]] = []
    for name, ((host_lines, viewer_lines), share, by_host) in KINDS.items():
        rows = np.flatnonzero((sessions.owner >= 0) & (cohort == CO[name]) & (sessions.viewer >= 0))
        rows = rows[rng.random(len(rows)) < share]
        k = len(rows)
        host_sends = rng.random(k) < by_host
        h, v = sessions.host[rows], sessions.viewer[rows]
        lines = np.where(
            host_sends,
            np.array([TEXTS.index(x) for x in host_lines])[rng.integers(0, len(host_lines), k)],
            np.array([TEXTS.index(x) for x in viewer_lines])[rng.integers(0, len(viewer_lines), k)],
        )
        ts = sessions.start[rows] - rng.integers(60, 20 * 60, k)
        parts.append((ts, np.where(host_sends, h, v), np.where(host_sends, v, h), lines))
    if not parts:
        return Messages(*(np.zeros(0, np.int64) for _ in range(4)))
    ts, snd, rcv, text = (np.concatenate(c).astype(np.int64) for c in zip(*parts, strict=True))
    order = np.argsort(ts, kind="stable")
    return Messages(ts[order], snd[order], rcv[order], text[order])
