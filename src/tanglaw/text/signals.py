"""The `message_signals` stage table: each chat message scored for each text category.

One row per message and category whose score reaches the pack's `text.min_score`, with the
category, the score and a short snippet of the message's normal form (at most
`text.snippet_chars` characters, around the first lexicon term found).
"""

from __future__ import annotations

import pyarrow as pa

from ..engine.core import Engine
from ..pack import Pack
from .classifier import LexiconClassifier, TextClassifier, checked_scores, load_classifier
from .normalize import Normalizer, parse_pairs

STAGE = "detect"
COLUMNS = pa.schema(
    [
        ("message_id", pa.string()),
        ("category", pa.string()),
        ("score", pa.float64()),
        ("snippet", pa.string()),
    ]
)


def normalizer_of(pack: Pack) -> Normalizer:
    t = pack["text"]
    return Normalizer(parse_pairs(t["emoji"], "text.emoji"), parse_pairs(t["leet"], "text.leet"))


def lexicon_of(pack: Pack, category: str, normalizer: Normalizer) -> LexiconClassifier:
    t = pack["text"]
    terms = [w for words in t["lexicons"][category].values() for w in words]
    return LexiconClassifier(terms, normalizer, float(t["term_weight"]))


def snippet(normal: str, at: int, limit: int) -> str:
    """At most `limit` characters of `normal`, starting a little before position `at`."""
    if len(normal) <= limit:
        return normal
    start = max(0, min(at - limit // 4, len(normal) - limit))
    return normal[start : start + limit].strip()


def build_message_signals(engine: Engine, pack: Pack) -> None:
    t = pack["text"]
    rows = engine.rows(
        "SELECT message_id, coalesce(text, '') FROM messages WHERE coalesce(text, '') <> '' ORDER BY message_id",
        stage=STAGE,
    )
    out: dict[str, list[object]] = {n: [] for n in COLUMNS.names}
    if rows:
        norm = normalizer_of(pack)
        ids = [r[0] for r in rows]
        texts = [r[1] for r in rows]
        normals = [norm(x) for x in texts]
        limit = int(t["snippet_chars"])
        spec = str(t["classifier"])
        for category in t["lexicons"]:
            lex = lexicon_of(pack, category, norm)
            clf: TextClassifier = load_classifier(spec, category) if spec else lex
            scores = checked_scores(clf, texts, spec) if spec else lex.score_normal(normals)
            for mid, normal, s in zip(ids, normals, scores, strict=True):
                if s < float(t["min_score"]):
                    continue
                found = lex.matches(normal)
                out["message_id"].append(mid)
                out["category"].append(category)
                out["score"].append(float(s))
                out["snippet"].append(snippet(normal, found[0][1] if found else 0, limit))
    engine.register_arrow("__detect__message_signals", pa.table(out, schema=COLUMNS))
    engine.execute(
        """
        CREATE TABLE message_signals AS
        SELECT m.message_id, m.sent_at, m.sender_account_id, m.recipient_account_id, m.session_id,
               s.category, s.score, s.snippet
        FROM __detect__message_signals s JOIN messages m USING (message_id);
        DROP TABLE __detect__message_signals
        """,
        stage=STAGE,
    )
