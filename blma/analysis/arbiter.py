"""The arbiter: a small trained second opinion the analyzer can consult where rules are weak.

Rules are precise on the wordings they were written for and blind to paraphrase; they also
find it hard to tell a soft promise from a firm one when the softness is in an unusual word.
The arbiter is two linear models trained on the project's development data
(``scripts/train_arbiter.py``; data, figures and limits in ``model/README.md``):

- :meth:`Arbiter.relevance`: for one sentence, the probability that it addresses each of the
  34 protections;
- :meth:`Arbiter.strength`: for one sentence and one protection, the probabilities that its
  wording makes the protection present, partial or contrary.

It runs on the standard library alone: the model is a JSON file of TF-IDF weights, and the
features are rebuilt here exactly as scikit-learn built them in training
(:mod:`blma.analysis.arbiter_features`), so no scikit-learn is needed at run time and the
probabilities equal scikit-learn's ``predict_proba`` (``tests/test_arbiter.py`` holds them to
1e-6). Each term keeps only its nonzero class weights, so scoring a sentence costs a dict
lookup per word n-gram and a few multiply-adds.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from blma.analysis.arbiter_features import cue_values, terms
from blma.errors import DataError, UnknownIdError

DEFAULT_MODEL = Path(__file__).resolve().parent / "model" / "arbiter.json"
FORMAT = "blma-arbiter/1"

_Weights = tuple[tuple[int, float], ...]


def _pairs(flat: list[float]) -> _Weights:
    """[k1, w1, k2, w2, ...] as ((k1, w1), (k2, w2), ...)."""
    return tuple((int(flat[i]), float(flat[i + 1])) for i in range(0, len(flat), 2))


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _softmax(z: list[float]) -> list[float]:
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = sum(e)
    return [v / total for v in e]


class Arbiter:
    """A loaded model; immutable and safe to share between threads."""

    def __init__(self, model: dict) -> None:
        if model.get("format") != FORMAT:
            raise DataError(f"arbiter model: format {model.get('format')!r}, expected {FORMAT!r}")
        features = model["features"]
        if not (features["lowercase"] and features["sublinear_tf"] and features["norm"] == "l2"):
            raise DataError("arbiter model: feature settings this run time does not implement")
        self.about: dict = model["about"]
        self.protections: tuple[str, ...] = tuple(model["protections"])
        self.strength_classes: tuple[str, ...] = tuple(model["strength_classes"])
        self._token_re = re.compile(features["token_pattern"])
        self._ngram_range = (int(features["ngram_range"][0]), int(features["ngram_range"][1]))
        # term -> (idf, relevance weights by protection index, strength weights by class index)
        self._terms: dict[str, tuple[float, _Weights, _Weights]] = {
            term: (float(idf), _pairs(rel), _pairs(strength))
            for term, (idf, rel, strength) in model["terms"].items()
        }
        self._relevance_bias = [float(b) for b in model["relevance_intercepts"]]
        self._strength_bias = [float(b) for b in model["strength_intercepts"]]
        cue_names = list(model["cues"])
        self._cues = [re.compile(model["cues"][name], re.IGNORECASE) for name in cue_names]
        self._cue_weights = [[float(w) for w in model["strength_cue_weights"][name]] for name in cue_names]
        self._protection_weights = {
            pid: [float(w) for w in weights] for pid, weights in model["strength_protection_weights"].items()
        }

    @classmethod
    def load(cls, path: Path | None = None) -> Arbiter:
        """The model at ``path`` (default ``model/arbiter.json``), read once per process."""
        return _load(str(Path(path or DEFAULT_MODEL).resolve()))

    def _vector(self, text: str) -> list[tuple[float, _Weights, _Weights]]:
        """The sentence's TF-IDF entries (value, weights), as scikit-learn computes them."""
        counts = Counter(t for t in terms(text, self._token_re, self._ngram_range) if t in self._terms)
        entries = []
        for term, count in counts.items():
            idf, rel, strength = self._terms[term]
            entries.append(((1.0 + math.log(count)) * idf, rel, strength))
        norm = math.sqrt(sum(value * value for value, _, _ in entries))
        return [(value / norm, rel, strength) for value, rel, strength in entries] if norm else []

    def relevance(self, text: str) -> dict[str, float]:
        """P(the sentence addresses the protection), for every protection; they need not sum to 1."""
        scores = list(self._relevance_bias)
        for value, rel, _ in self._vector(text):
            for k, w in rel:
                scores[k] += w * value
        return {pid: _sigmoid(z) for pid, z in zip(self.protections, scores, strict=True)}

    def strength(self, protection: str, text: str) -> dict[str, float]:
        """P(present), P(partial), P(contrary) of the sentence's wording for ``protection``; sums to 1.

        Meaningful for a sentence that addresses the protection (see :meth:`relevance`); for
        one that does not, the answer says how firm its wording is, not whether it is relevant.
        """
        try:
            scores = [
                b + w for b, w in zip(self._strength_bias, self._protection_weights[protection], strict=True)
            ]
        except KeyError:
            raise UnknownIdError(f"unknown protection id '{protection}'") from None
        for value, _, strength in self._vector(text):
            for k, w in strength:
                scores[k] += w * value
        for found, weights in zip(cue_values(text, self._cues), self._cue_weights, strict=True):
            if found:
                scores = [s + w for s, w in zip(scores, weights, strict=True)]
        return dict(zip(self.strength_classes, _softmax(scores), strict=True))


@lru_cache(maxsize=4)
def _load(path: str) -> Arbiter:
    try:
        with open(path, encoding="utf-8") as fh:
            model = json.load(fh)
    except FileNotFoundError:
        raise DataError(f"arbiter model not found: {path} (build it with `make train`)") from None
    except (OSError, ValueError) as exc:
        raise DataError(f"arbiter model {path} cannot be read: {exc}") from None
    return Arbiter(model)
