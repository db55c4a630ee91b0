"""Chat text signals: a normaliser, lexicons from the typology pack, and pluggable classifiers.

The lexicons hold only the innocuous indicator phrasing that authorities and FIUs publish
(payment arrangement, moving a contact off-platform, grooming and sextortion indicators); no
sexual terms. Evidence quotes at most a short snippet of the normalised text.
"""

from __future__ import annotations

from .classifier import LexiconClassifier, TextClassifier, load_classifier
from .normalize import Normalizer

__all__ = ["LexiconClassifier", "Normalizer", "TextClassifier", "load_classifier"]
