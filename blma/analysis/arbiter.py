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

import gzip
import hashlib
import json
import marshal
import math
import pickle
import re
import sys
import zlib
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from blma import user_cache
from blma.analysis import arbiter_features
from blma.analysis.arbiter_features import cue_values, negation_values, terms
from blma.errors import DataError, UnknownIdError
from blma.resources import package_path

DEFAULT_MODEL = package_path("analysis/model/arbiter.json.gz")  # gzip: a third of the JSON's size
FORMAT = "blma-arbiter/2"  # 2: the strength model reads negated words

_Weights = tuple[tuple[int, float], ...]
K = TypeVar("K")
V = TypeVar("V")
VECTORS_KEPT = 4096  # sentences whose features are kept between questions


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
    """A loaded model; safe to share between threads (its only state is a cache of sentence features)."""

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
        # term -> (idf, relevance weights by protection index, strength weights by class index),
        # each kept packed (marshal) and unpacked on first use: a document meets a few hundred of
        # the 20,000 terms, and unpickling them all as tuples took most of a fresh start's load
        self._terms: dict[str, bytes] = {
            term: marshal.dumps((float(idf), _pairs(rel), _pairs(strength)))
            for term, (idf, rel, strength) in model["terms"].items()
        }
        self._unpacked: dict[str, tuple[float, _Weights, _Weights]] = {}
        self._relevance_bias = [float(b) for b in model["relevance_intercepts"]]
        self._strength_bias = [float(b) for b in model["strength_intercepts"]]
        negated = model["strength_negated_weights"]
        self._negated_index = {term: k for k, term in enumerate(negated)}
        self._negated_weights = [_pairs(negated[term]) for term in negated]
        cue_names = list(model["cues"])
        self._cues = [re.compile(model["cues"][name], re.IGNORECASE) for name in cue_names]
        self._cue_weights = [[float(w) for w in model["strength_cue_weights"][name]] for name in cue_names]
        self._protection_weights = {
            pid: [float(w) for w in weights] for pid, weights in model["strength_protection_weights"].items()
        }
        self._vectors: dict[str, list[tuple[float, _Weights, _Weights]]] = {}
        # the answers themselves, by sentence: an analysis asks about most sentences more than once
        # (the off-topic, paraphrase and harm checks each read relevance), and an agreement often
        # repeats a sentence word for word (a clause in each of several annexes)
        self._relevances: dict[str, tuple[float, ...]] = {}
        self._strengths: dict[tuple[str, str], tuple[float, ...]] = {}

    def __getstate__(self) -> dict:  # cached without the sentences and terms it has seen
        return {**self.__dict__, "_vectors": {}, "_unpacked": {}, "_relevances": {}, "_strengths": {}}

    @classmethod
    def load(cls, path: Path | None = None) -> Arbiter:
        """The model at ``path`` (default ``model/arbiter.json.gz``), read once per process."""
        return _load(str(Path(path or DEFAULT_MODEL).resolve()))

    def _vector(self, text: str) -> list[tuple[float, _Weights, _Weights]]:
        """The sentence's TF-IDF entries (value, weights), as scikit-learn computes them; kept for
        the next question about the same sentence (relevance, then strength)."""
        vector = self._vectors.get(text)
        if vector is None:
            vector = _kept(self._vectors, text, self._compute_vector(text))
        return vector

    def _compute_vector(self, text: str) -> list[tuple[float, _Weights, _Weights]]:
        counts = Counter(t for t in terms(text, self._token_re, self._ngram_range) if t in self._terms)
        entries = []
        unpacked = self._unpacked
        for term, count in counts.items():
            entry = unpacked.get(term)
            if entry is None:
                entry = unpacked[term] = marshal.loads(self._terms[term])
            idf, rel, strength = entry
            entries.append(((1.0 + math.log(count)) * idf, rel, strength))
        norm = math.sqrt(sum(value * value for value, _, _ in entries))
        return [(value / norm, rel, strength) for value, rel, strength in entries] if norm else []

    def relevance(self, text: str) -> dict[str, float]:
        """P(the sentence addresses the protection), for every protection; they need not sum to 1."""
        known = self._relevances.get(text)
        if known is None:
            scores = list(self._relevance_bias)
            for value, rel, _ in self._vector(text):
                for k, w in rel:
                    scores[k] += w * value
            known = _kept(self._relevances, text, tuple(_sigmoid(z) for z in scores))
        return dict(zip(self.protections, known, strict=True))

    def strength(self, protection: str, text: str) -> dict[str, float]:
        """P(present), P(partial), P(contrary) of the sentence's wording for ``protection``; sums to 1.

        Meaningful for a sentence that addresses the protection (see :meth:`relevance`); for
        one that does not, the answer says how firm its wording is, not whether it is relevant.
        """
        known = self._strengths.get((protection, text))
        if known is not None:
            return dict(zip(self.strength_classes, known, strict=True))
        try:
            scores = [
                b + w for b, w in zip(self._strength_bias, self._protection_weights[protection], strict=True)
            ]
        except KeyError:
            raise UnknownIdError(f"unknown protection id '{protection}'") from None
        for value, _, strength in self._vector(text):
            for k, w in strength:
                scores[k] += w * value
        for column, value in negation_values(text, self._negated_index):
            for k, w in self._negated_weights[column]:
                scores[k] += w * value
        for found, weights in zip(cue_values(text, self._cues), self._cue_weights, strict=True):
            if found:
                scores = [s + w for s, w in zip(scores, weights, strict=True)]
        known = _kept(self._strengths, (protection, text), tuple(_softmax(scores)))
        return dict(zip(self.strength_classes, known, strict=True))


def _kept(kept: dict[K, V], key: K, value: V) -> V:
    """``value``, kept under ``key`` for the next question about it (at most ``VECTORS_KEPT`` kept)."""
    if len(kept) >= VECTORS_KEPT:
        kept.clear()
    kept[key] = value
    return value


@lru_cache(maxsize=4)
def _load(path: str) -> Arbiter:
    """The model, from the user's cache when it was read before (parsing the JSON takes 0.2 s)."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise DataError(f"arbiter model not found: {path} (build it with `make train`)") from None
    except OSError as exc:
        raise DataError(f"arbiter model {path} cannot be read: {exc}") from None
    name = f"arbiter-{hashlib.sha256(raw + _CODE_VERSION).hexdigest()[:32]}.pickle"
    cached = user_cache.read(name) if _CODE_VERSION else None
    if cached is not None:
        try:
            arbiter = pickle.loads(cached)  # our own file, named by the hash of the model and this code
        except Exception:  # any unreadable pickle is simply rebuilt
            arbiter = None
        if isinstance(arbiter, Arbiter):
            return arbiter
    try:
        arbiter = Arbiter(json.loads(model_text(raw, path)))
    except ValueError as exc:
        raise DataError(f"arbiter model {path} cannot be read: {exc}") from None
    if _CODE_VERSION:
        user_cache.write(name, pickle.dumps(arbiter, protocol=pickle.HIGHEST_PROTOCOL))
    return arbiter


def model_text(raw: bytes, path: str | Path) -> str:
    """The JSON text of a model file's bytes: gzip-compressed when its name ends in ``.gz``."""
    if str(path).endswith(".gz"):
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as exc:  # not gzip, cut short, damaged
            raise DataError(f"arbiter model {path} cannot be read: {exc}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"arbiter model {path} cannot be read: {exc}") from None


def _code_version() -> bytes:
    """This code's own text and Python's version (the cache holds marshal data): a cached model is
    only used by the code and interpreter that cached it (b"": never)."""
    try:
        return Path(__file__).read_bytes() + Path(arbiter_features.__file__).read_bytes() + sys.version.encode()
    except OSError:
        return b""


_CODE_VERSION = _code_version()
