"""The engine: a checked set compiled into one generated record function, the decision
(status, rating, gap), explanation data, and roll-ups of tables bottom-up.

* :mod:`.plan` — :func:`compile_plan` and :class:`Plan` (evaluate one record or many);
* :mod:`.generate`, :mod:`.generate_checks` — the generated code; :mod:`.decision` — status,
  rating and gap; :mod:`.details` — the data behind explanations; :mod:`.records` — the data
  dictionary check;
* :mod:`.rollup` (with :mod:`.levels`, :mod:`.members`, :mod:`.streams`, :mod:`.rollup_lines`)
  — tables evaluated bottom-up. The tables are handed in (:class:`.tables.Tables`): the engine
  opens no file, and hands facts (numbers, members, verdicts) to the wording layer above.

May import: :mod:`criteria_engine.errors`, :mod:`criteria_engine.results`,
:mod:`criteria_engine.format`, :mod:`criteria_engine.rules`. No I/O, no printing, no wording.
"""
