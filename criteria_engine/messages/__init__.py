"""The catalogue of messages: every sentence the library and the command line say to a person
that is not an explanation of a result (those are :mod:`criteria_engine.explain`'s), in
Vietnamese and English — diagnostics of criteria-set files, expressions, revisions, data files,
datasets and outputs, the award round's refusals, the command line's notes and its ``--help``.

A problem is found in one place and worded here: code builds a :class:`Msg` (a key and the
values that fill it), and whoever shows it says it in the language of the run.

May import: nothing of the package (it sits below everything, errors and results included).
"""

from .catalogue import ENTRIES, catalogue, template
from .text import LANGUAGES, Arg, Msg, Period, Words, listing, msg, say, words

__all__ = [
    "ENTRIES",
    "LANGUAGES",
    "Arg",
    "Msg",
    "Period",
    "Words",
    "catalogue",
    "listing",
    "msg",
    "say",
    "template",
    "words",
]
