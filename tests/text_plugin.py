"""A user's text classifier, for the plug-in tests: flags every text with "blue" as grooming."""

from __future__ import annotations

from collections.abc import Sequence


class BlueWords:
    def __init__(self, category: str) -> None:
        self.category = category

    def score(self, texts: Sequence[str]) -> list[float]:
        hit = self.category == "grooming"
        return [1.0 if hit and "blue" in t.lower() else 0.0 for t in texts]


class WrongLength:
    def __init__(self, category: str) -> None:
        self.category = category

    def score(self, texts: Sequence[str]) -> list[float]:
        return [0.5]


class NoScore:
    def __init__(self, category: str) -> None:
        self.category = category
