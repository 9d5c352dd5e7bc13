"""Turning results into sentences: explanations by the shape of the rule, in Vietnamese and
English, and the one formatter of numbers and dates.

* :mod:`.text` — a result's explanation (:func:`explain_text`, :func:`explain_lines`);
* :mod:`.shapes` — the shape of each rule; :mod:`.catalogue` — the phrase patterns per shape
  and verdict; :mod:`.grammar` — facts denied, counts, coded labels;
* :mod:`.sentences`, :mod:`.criterion` — a shape's and a criterion's sentences;
  :mod:`.names` — labels, units and precisions of a set; :mod:`.cache` — all of it prepared
  once per plan and language;
* :mod:`.texts` — the texts JSON, JSONL, CSV and Excel outputs carry;
  :mod:`.describe` — a set in words (``criteria show``);
* :mod:`.i18n` — the formatter: numbers, quantities, money, percentages, dates;
  :mod:`.labels` — the fixed words of outputs and documents (:func:`~.labels.catalogues`
  lists every table of words); :mod:`.phrases`, :mod:`.words` — fixed phrases and expressions
  in words; :mod:`.aggregates` — the numbers of aggregates over members;
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
