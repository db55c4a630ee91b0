"""The chat-text part of docs/typologies.md: normalisation, the classifier plug-in, the lexicons."""

from __future__ import annotations

from ..pack import Pack

LANGUAGES = {"en": "English", "tl": "Tagalog/Taglish", "ceb": "Cebuano"}


def text_markdown(pack: Pack) -> list[str]:
    t = pack["text"]
    lines = [
        "## Chat text signals",
        "",
        "The `PLAT_CHAT_*` typologies read the `messages` table. Each message is normalised (Unicode NFKC,",
        "emoji read as words, case folded, accents dropped, spaced-out letters such as `p a y` or",
        "`g.c.a.s.h` joined, leetspeak inside words read as letters, punctuation dropped, repeated letters",
        "collapsed) and scored per category; a message counts when its score reaches",
        f"`text.min_score` ({t['min_score']}). Evidence quotes at most `text.snippet_chars`",
        f"({t['snippet_chars']}) characters of the normal form, with the message ids.",
        "",
        "The built-in classifier counts the distinct lexicon terms found (each adds `text.term_weight`",
        "by noisy-or; `#` in a term stands for a number). To use a model of your own, set",
        '`text.classifier = "my_package.module:MyClassifier"`: it is imported only when a bundle has',
        'messages, built as `MyClassifier(category="grooming")`, and asked `score(texts)` for one number',
        "in 0–1 per text; a module that cannot be imported, a missing class or a wrong answer stops the",
        "run with exit code 2 and a line naming the problem.",
        "",
        "The lexicons hold only innocuous indicator phrasing of the kind authorities and FIUs publish; no",
        "sexual terms.",
        "",
        "| category | language | terms |",
        "|---|---|---|",
    ]
    for cat, by_lang in t["lexicons"].items():
        for lang, terms in by_lang.items():
            shown = ", ".join(f"`{w}`" for w in terms)
            lines.append(f"| {cat} | {LANGUAGES.get(lang, lang)} | {shown} |")
    lines += ["", "Emoji read as words: " + ", ".join(f"{e}" for e in t["emoji"]) + ".", ""]
    return lines
