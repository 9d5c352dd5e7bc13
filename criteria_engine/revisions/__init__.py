"""Revisions of criteria sets: what changed, whose result it changes, and checking results."""

from .describe import describe
from .diff import Change, RevisionDiff, RevisionInfo, Threshold, diff_revisions

__all__ = ["Change", "RevisionDiff", "RevisionInfo", "Threshold", "describe", "diff_revisions"]
