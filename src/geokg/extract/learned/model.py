"""The learned event model's weights: a multinomial logistic regression over feature strings.

Saved as one compressed ``.npz`` (read with ``allow_pickle=False``; no pickle anywhere):

* ``features``: the vocabulary (unicode array), one row of ``weights`` each,
* ``classes``: ``"none"`` and the CAMEO roots ``"01"`` ... ``"20"``,
* ``weights`` (float32, features x classes) and ``bias`` (classes),
* ``meta``: a JSON string with the thresholds chosen by cross-validation on the training
  data, the roots the veto may drop (``veto_roots``: those whose rule facts are less
  precise than the rules overall on the training texts) and the training summary.

Scoring needs numpy only (scikit-learn is for training): the logits of a candidate are the
bias plus the rows of its known features, and a softmax gives the probabilities.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from geokg.errors import GeokgError

NONE = "none"
DEFAULT_PROPOSE = 0.5
DEFAULT_VETO = 0.05


class EventModelError(GeokgError):
    """The event model's weights file is missing or malformed."""


def shipped_model_path() -> Path:
    """Where the package keeps the trained weights."""
    return Path(str(resources.files("geokg") / "data" / "models" / "events.npz"))


@dataclass(frozen=True, eq=False)
class EventModel:
    """Weights, vocabulary, classes and thresholds of a trained event model."""

    features: tuple[str, ...]
    classes: tuple[str, ...]
    weights: npt.NDArray[np.float32]
    bias: npt.NDArray[np.float32]
    propose: float = DEFAULT_PROPOSE  # a proposal needs at least this probability
    veto: float = DEFAULT_VETO  # a rule fact whose root gets less is dropped
    meta: Mapping[str, Any] = field(default_factory=dict)
    # The CAMEO roots whose rule facts the veto may drop (None: every root).
    veto_roots: frozenset[str] | None = None
    index: Mapping[str, int] = field(init=False, repr=False)
    # The weights with one more row of zeros, the padding of a batch's feature positions.
    padded: npt.NDArray[np.float32] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.weights.shape != (len(self.features), len(self.classes)):
            raise EventModelError(
                f"event model: weights of shape {self.weights.shape} for "
                f"{len(self.features)} features and {len(self.classes)} classes"
            )
        if self.bias.shape != (len(self.classes),) or NONE not in self.classes:
            raise EventModelError("event model: bad bias or classes")
        object.__setattr__(self, "index", {f: n for n, f in enumerate(self.features)})
        zeros = np.zeros((1, len(self.classes)), dtype=self.weights.dtype)
        object.__setattr__(self, "padded", np.concatenate([self.weights, zeros]))

    def vetoes(self, root: str) -> bool:
        """May the veto drop a rule fact of ``root``?"""
        return self.veto_roots is None or root in self.veto_roots

    def class_index(self, name: str) -> int | None:
        try:
            return self.classes.index(name)
        except ValueError:
            return None

    def probabilities(self, batch: Sequence[Sequence[str]]) -> npt.NDArray[np.float64]:
        """Class probabilities (rows) of candidates given by their feature strings."""
        logits = np.tile(self.bias.astype(np.float64), (len(batch), 1))
        index = self.index
        # One gather and one sum for the whole batch. Rows are padded to the longest with
        # the zero row of ``padded`` (x + 0.0 is x): summing the padded axis adds each row's
        # weights one after the other in feature order, as ``weights[known].sum(axis=0)``
        # row by row does, so the probabilities are the same to the last bit.
        bags = [[index[f] for f in features if f in index] for features in batch]
        width = max(map(len, bags), default=0)
        if width:
            positions = np.full((len(bags), width), len(self.features), dtype=np.intp)
            for row, known in enumerate(bags):
                positions[row, : len(known)] = known
            logits += self.padded[positions].sum(axis=1)  # a row with no feature adds 0.0
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        result: npt.NDArray[np.float64] = exp / exp.sum(axis=1, keepdims=True)
        return result

    def save(self, path: Path) -> None:
        meta = {**self.meta, "propose": self.propose, "veto": self.veto}
        if self.veto_roots is not None:
            meta["veto_roots"] = sorted(self.veto_roots)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            np.savez_compressed(
                handle,
                features=np.array(self.features, dtype=str),
                classes=np.array(self.classes, dtype=str),
                weights=self.weights.astype(np.float32),
                bias=self.bias.astype(np.float32),
                meta=np.array(json.dumps(meta, sort_keys=True)),
            )

    @classmethod
    def load(cls, path: Path | None = None) -> EventModel:
        """Read weights (default: the packaged ones); :class:`EventModelError` if unusable."""
        path = path or shipped_model_path()
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                return cls(
                    features=tuple(str(f) for f in data["features"]),
                    classes=tuple(str(c) for c in data["classes"]),
                    weights=np.asarray(data["weights"], dtype=np.float32),
                    bias=np.asarray(data["bias"], dtype=np.float32),
                    propose=float(meta.get("propose", DEFAULT_PROPOSE)),
                    veto=float(meta.get("veto", DEFAULT_VETO)),
                    meta=meta,
                    veto_roots=(
                        frozenset(str(r) for r in meta["veto_roots"])
                        if "veto_roots" in meta
                        else None
                    ),
                )
        except (OSError, KeyError, ValueError) as error:
            raise EventModelError(f"cannot read the event model {path}: {error}") from error
