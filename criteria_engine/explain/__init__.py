"""Turning results into sentences: explanations, phrases, expressions in words, number and
language formatting.

* :mod:`.text` — a result's explanation (:func:`explain_text`, :func:`explain_lines`);
* :mod:`.phrases`, :mod:`.words` — the phrase tables and expressions said in words;
* :mod:`.i18n` — numbers, percentages, dates and texts per language; :mod:`.labels` — the
  words of statuses, verdicts and headings;
* :mod:`.rollup`, :mod:`.dataset` — roll-up sentences and :class:`DatasetEvaluation`.

Importing this package registers the explanation writer with the results
(:data:`criteria_engine.results.PRESENTATION`), so ``result.explain("vi")`` works while
results never import their writer.

May import: :mod:`criteria_engine.errors`, :mod:`criteria_engine.results`,
:mod:`criteria_engine.format`, :mod:`criteria_engine.rules`, :mod:`criteria_engine.evaluators`.
No I/O.
"""

from ..results import PRESENTATION
from .dataset import DatasetEvaluation
from .text import explain_lines, explain_text

PRESENTATION.explain = explain_text

__all__ = ["DatasetEvaluation", "explain_lines", "explain_text"]
