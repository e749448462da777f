"""A learned event model beside the rules (issue 10, part 4).

* :mod:`~geokg.extract.learned.data`: readers of the training annotations (``data/training``),
* :mod:`~geokg.extract.learned.features`: candidates (actor pairs) and their features,
* :mod:`~geokg.extract.learned.model`: the weights (``data/models/events.npz``) and scoring,
* :mod:`~geokg.extract.learned.inference`: the per-document state the pipeline calls once per
  sentence, and the ``rules`` / ``model`` / ``both`` modes (``GEOKG_EVENTS``),
* :mod:`~geokg.extract.learned.train`: training, alignment, cross-validated thresholds
  (``geokg train-model``; needs the ``train`` extra, scikit-learn).
"""
