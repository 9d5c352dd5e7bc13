"""The round's steps as pure functions: every refusal the issue lists, the dates at their
boundaries, objections that reverse a proposal, and where a round stands."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from criteria_engine.award import (
    Award,
    Meeting,
    Objection,
    Resolution,
    RoundError,
    Vote,
    check_objection,
    check_post,
    check_resolution,
    check_votes,
    decide,
    proposals,
    round_status,
)
from criteria_engine.award.calendar import deadlines, last_day
from criteria_engine.format.procedure import Period

from .award_support import MEETING_DAY, PROCEDURE, evaluation, opened, posted, procedure, voted

D = dt.date
ROUND = opened([evaluation("H1"), evaluation("H2"), evaluation("H3", status="failed", rating="not_passed")])


def codes(exc: pytest.ExceptionInfo[RoundError]) -> list[str]:
    return [r.code for r in exc.value.refusals]


def meeting(
    invited: int, present: int, votes: dict[str, tuple[int, int]], on: dt.date = MEETING_DAY
) -> Meeting:
    return Meeting(on, invited, present, {c: Vote(*v) for c, v in votes.items()})


def test_vote_counts_larger_than_those_present_or_invited_are_refused() -> None:
    with pytest.raises(RoundError) as exc:
        check_votes(ROUND, meeting(30, 31, {"H1": (20, 0), "H2": (20, 0)}))
    assert codes(exc) == ["present-exceeds-invited"]
    with pytest.raises(RoundError) as exc:
        check_votes(ROUND, meeting(30, 25, {"H1": (20, 6), "H2": (25, 0)}))
    assert codes(exc) == ["votes-exceed-present"]
    assert exc.value.refusals[0].vi == "H1: 20 đồng ý + 6 không đồng ý = 26, nhiều hơn số dự họp (25)."


def test_a_vote_for_an_unknown_household_is_refused_with_a_suggestion() -> None:
    with pytest.raises(RoundError) as exc:
        check_votes(ROUND, meeting(30, 25, {"H1": (20, 0), "H2": (20, 0), "H22": (20, 0)}))
    assert codes(exc) == ["unknown-candidate"]
    assert "'H22'" in exc.value.refusals[0].vi and "H2" in exc.value.refusals[0].en


def test_every_household_that_passed_needs_its_votes() -> None:
    with pytest.raises(RoundError) as exc:
        check_votes(ROUND, meeting(30, 25, {"H1": (20, 0)}))
    assert codes(exc) == ["votes-missing"] and "H2" in exc.value.refusals[0].vi


def test_a_failed_quorum_is_recorded_and_says_what_comes_next() -> None:
    sentence = check_votes(ROUND, meeting(30, 15, {}))
    assert sentence.code == "quorum-not-met"
    assert sentence.vi.endswith(
        "Theo quy trình: tổ chức họp lại; nếu vẫn không đủ, lấy ý kiến bằng phiếu gửi các hộ vắng mặt."
    )
    failed = voted(ROUND, 30, 15, {})
    assert (
        check_votes(failed, meeting(30, 16, {"H1": (16, 0), "H2": (16, 0)}, D(2026, 10, 17))).code
        == "quorum-met"
    )
    ballots = replace(
        meeting(30, 20, {"H1": (18, 0), "H2": (19, 0)}, D(2026, 10, 20)), kind="written_ballots"
    )
    assert check_votes(failed, ballots).code == "quorum-met"
    with pytest.raises(RoundError) as exc:
        check_votes(ROUND, ballots)  # ballots only after a meeting without a quorum
    assert codes(exc) == ["written-ballots-not-allowed"]
    with pytest.raises(RoundError) as exc:
        check_votes(failed, meeting(30, 16, {"H1": (16, 0), "H2": (16, 0)}, D(2026, 10, 5)))
    assert codes(exc) == ["date-order"]


def test_votes_once_recorded_are_corrected_explicitly_and_never_after_posting() -> None:
    done = voted(ROUND, 30, 25, {"H1": 20, "H2": 20})
    again = meeting(30, 25, {"H1": (21, 0), "H2": (20, 0)})
    with pytest.raises(RoundError) as exc:
        check_votes(done, again)
    assert codes(exc) == ["votes-already-recorded"]
    assert check_votes(done, again, correct=True).code == "quorum-met"
    with pytest.raises(RoundError) as exc:
        check_votes(posted(done), again, correct=True)
    assert codes(exc) == ["already-posted"]


def test_posting_needs_a_valid_meeting() -> None:
    with pytest.raises(RoundError) as exc:
        check_post(ROUND, D(2026, 10, 12))
    assert codes(exc) == ["no-meeting"]
    with pytest.raises(RoundError) as exc:
        check_post(voted(ROUND, 30, 15, {}), D(2026, 10, 12))
    assert codes(exc) == ["quorum-not-met"]
    with pytest.raises(RoundError) as exc:
        check_post(voted(ROUND, 30, 25, {"H1": 20, "H2": 20}), D(2026, 10, 9))
    assert codes(exc) == ["date-order"]
    assert check_post(voted(ROUND, 30, 25, {"H1": 20, "H2": 20}), D(2026, 10, 10)).posted_on == D(
        2026, 10, 10
    )


POSTED = posted(voted(ROUND, 30, 25, {"H1": 20, "H2": 14}))  # posted 12 Oct for 10 days: to 21 Oct


def test_posting_window_dates() -> None:
    dates = deadlines(PROCEDURE, D(2026, 10, 12))
    assert (dates.posting_ends, dates.decide_from, dates.decide_by) == (
        D(2026, 10, 21),
        D(2026, 10, 22),
        D(2026, 10, 31),
    )
    working = Period.model_validate(
        {"days": 10, "count": "working", "basis": [{"ref": {"vi": "x", "en": "x"}}]}
    )
    assert last_day(D(2026, 10, 12), working) == D(2026, 10, 23)  # Monday 12 to Friday 23
    assert last_day(D(2026, 10, 10), working) == D(2026, 10, 23)  # a Saturday start counts from Monday


@pytest.mark.parametrize(
    ("day", "ok"),
    [(D(2026, 10, 11), False), (D(2026, 10, 12), True), (D(2026, 10, 21), True), (D(2026, 10, 22), False)],
)
def test_objections_only_during_the_posting(day: dt.date, ok: bool) -> None:
    objection = Objection(1, "H1", day, "Nguyễn Văn A", "...")
    if ok:
        check_objection(POSTED, objection)
    else:
        with pytest.raises(RoundError) as exc:
            check_objection(POSTED, objection)
        assert codes(exc) == ["objection-outside-posting"]


def test_objections_name_a_candidate_and_need_a_posting() -> None:
    with pytest.raises(RoundError) as exc:
        check_objection(POSTED, Objection(1, "H9", D(2026, 10, 13), "A", "..."))
    assert codes(exc) == ["unknown-candidate"]
    with pytest.raises(RoundError) as exc:
        check_objection(ROUND, Objection(1, "H1", D(2026, 10, 13), " ", "..."))
    assert codes(exc) == ["not-posted", "empty-text"]


def test_an_upheld_objection_reverses_the_proposal_with_its_reason_and_author() -> None:
    objection = Objection(1, "H1", D(2026, 10, 13), "Chi hội Phụ nữ", "Có xô xát trong tháng 8")
    with_objection = replace(POSTED, objections=(objection,))
    upheld = Resolution(1, D(2026, 10, 20), "Trưởng thôn", "upheld", "Đã xác minh")
    override = check_resolution(with_objection, upheld)
    assert override is not None and override.proposed is False and override.author == "Trưởng thôn"
    assert override.reason == "Có xô xát trong tháng 8 — Đã xác minh"
    after = replace(with_objection, resolutions=(upheld,), overrides=(override,))
    by_id = {p.candidate: p for p in proposals(after)}
    assert not by_id["H1"].proposed and by_id["H1"].overridden
    assert (
        by_id["H1"]
        .reasons[-1]
        .vi.startswith("Không được đề nghị theo phản ánh số 1 (Trưởng thôn, 20/10/2026)")
    )
    # H2 was not proposed (14/25 = 56 %); an objection for it, upheld, adds it
    for_h2 = replace(POSTED, objections=(Objection(1, "H2", D(2026, 10, 13), "H2", "Đếm phiếu sai"),))
    added = check_resolution(for_h2, Resolution(1, D(2026, 10, 14), "Tổ bầu cử", "upheld"))
    assert added is not None and added.proposed is True
    assert check_resolution(for_h2, Resolution(1, D(2026, 10, 14), "Tổ", "dismissed")) is None
    with pytest.raises(RoundError) as exc:
        check_resolution(after, upheld)
    assert codes(exc) == ["already-resolved"]
    with pytest.raises(RoundError) as exc:
        check_resolution(after, replace(upheld, objection=7))
    assert codes(exc) == ["unknown-objection"]


def test_no_decision_before_the_posting_period_ended() -> None:
    with pytest.raises(RoundError) as exc:
        decide(POSTED, [], D(2026, 10, 21), "Chủ tịch")
    assert codes(exc) == ["decision-before-posting-ends"]
    assert exc.value.refusals[0].vi == (
        "Chưa hết thời gian niêm yết: niêm yết đến hết ngày 21/10/2026; quyết định sớm nhất ngày 22/10/2026."
    )
    decision = decide(POSTED, [], D(2026, 10, 22), "Chủ tịch")
    assert [(e.candidate, e.title) for e in decision.entries] == [("H1", True), ("H2", False), ("H3", False)]
    assert [r.code for r in decision.entries[1].reasons] == ["approval-not-met"]


def test_no_second_decision_and_no_candidate_decided_twice_in_a_year() -> None:
    decision = decide(POSTED, [], D(2026, 10, 22), "Chủ tịch")
    with pytest.raises(RoundError) as exc:
        decide(replace(POSTED, decision=decision), [], D(2026, 10, 25), "Chủ tịch")
    assert codes(exc) == ["already-decided"]
    elsewhere = [Award("happy-family", 2026, "H2", True, unit="V9")]
    with pytest.raises(RoundError) as exc:
        decide(POSTED, elsewhere, D(2026, 10, 22), "Chủ tịch")
    assert codes(exc) == ["already-awarded"]


def test_no_decision_with_objections_pending_or_without_a_posting() -> None:
    pending = replace(POSTED, objections=(Objection(1, "H1", D(2026, 10, 13), "A", "..."),))
    with pytest.raises(RoundError) as exc:
        decide(pending, [], D(2026, 10, 22), "Chủ tịch")
    assert codes(exc) == ["objections-unresolved"]
    with pytest.raises(RoundError) as exc:
        decide(voted(ROUND, 30, 25, {"H1": 20, "H2": 20}), [], D(2026, 10, 22), "")
    assert codes(exc) == ["not-posted", "empty-text"]


def test_status_along_the_round() -> None:
    assert round_status(ROUND, D(2026, 10, 2)).stage == "opened"
    assert round_status(voted(ROUND, 30, 10, {}), D(2026, 10, 11)).stage == "quorum_failed"
    assert round_status(voted(ROUND, 30, 25, {"H1": 20}), D(2026, 10, 11)).stage == "voted"
    running = round_status(POSTED, D(2026, 10, 20))
    assert running.stage == "posted" and "còn 2 ngày" in running.text("vi")
    ready = round_status(POSTED, D(2026, 10, 31))
    assert ready.stage == "ready" and ready.overdue == ()
    late = round_status(POSTED, D(2026, 11, 1))
    assert [m.code for m in late.overdue] == ["decision-overdue"]
    assert "QUÁ HẠN: Hạn quyết định là ngày 31/10/2026." in late.text("vi")
    decided = replace(POSTED, decision=decide(POSTED, [], D(2026, 11, 3), "Chủ tịch"))
    status = round_status(decided, D(2026, 11, 4))
    assert status.stage == "decided" and "decided-late" in [m.code for m in status.lines]
    assert (
        status.next_step is not None and status.next_step.vi == "Công bố danh sách chậm nhất ngày 18/11/2026."
    )
    assert status.to_dict()["deadlines"] == {
        "posted_on": "2026-10-12", "posting_ends": "2026-10-21", "decide_from": "2026-10-22",
        "decide_by": "2026-10-31", "publish_by": "2026-11-18",
    }  # fmt: skip


def test_a_procedure_without_written_ballots_refuses_them() -> None:
    only_meetings = opened([evaluation("H1")], procedure(quorum_failure=["meet_again"]))
    failed = voted(only_meetings, 30, 10, {})
    ballots = replace(meeting(30, 20, {"H1": (18, 0)}, D(2026, 10, 20)), kind="written_ballots")
    with pytest.raises(RoundError) as exc:
        check_votes(failed, ballots)
    assert codes(exc) == ["written-ballots-not-allowed"]
    assert check_votes(only_meetings, meeting(30, 10, {})).vi.endswith("Theo quy trình: tổ chức họp lại.")


def test_only_a_passed_evaluation_can_be_proposed_whatever_the_votes() -> None:
    round_ = opened([evaluation("H1", status="undetermined", rating=None), evaluation("H2", status="invalid", rating=None),
                     evaluation("H3", status="failed", rating="not_passed"), evaluation("H4")])  # fmt: skip
    items = {
        p.candidate: p for p in proposals(voted(round_, 30, 30, {"H1": 30, "H2": 30, "H3": 30, "H4": 18}))
    }
    assert {c: (p.proposed, [r.code for r in p.reasons]) for c, p in items.items()} == {
        "H1": (False, ["undetermined"]),
        "H2": (False, ["invalid-data"]),
        "H3": (False, ["not-passed"]),
        "H4": (True, []),
    }
