"""What the award round reports, in Vietnamese and English: the meeting's checks (quorum,
approval), why a candidate is or is not proposed, where a round stands, and the lines the
steps of ``criteria round`` print."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # the meeting's checks: quorum and each candidate's approval
    "round.check.quorum.met": (
        "{part}/{whole} {noun} dự họp ({shown}), đạt số lượng tối thiểu: {rule} (ít nhất {needed}).",
        "{part}/{whole} {noun} present ({shown}): quorum reached, {rule} (at least {needed}).",
    ),
    "round.check.quorum.not-met": (
        "{part}/{whole} {noun} dự họp ({shown}), chưa đạt số lượng tối thiểu: {rule} (ít nhất {needed}).",
        "{part}/{whole} {noun} present ({shown}): quorum NOT reached, {rule} (at least {needed}).",
    ),
    "round.check.approval.met": (
        "{part}/{whole} đồng ý ({shown}), đạt tỷ lệ: {rule} (ít nhất {needed}).",
        "{part}/{whole} in favour ({shown}): approved, {rule} (at least {needed}).",
    ),
    "round.check.approval.not-met": (
        "{part}/{whole} đồng ý ({shown}), chưa đạt tỷ lệ: {rule} (ít nhất {needed}).",
        "{part}/{whole} in favour ({shown}): NOT approved, {rule} (at least {needed}).",
    ),
    # why a candidate is not proposed, or is after an objection
    "round.reason.not-passed": (
        "Chưa đạt tiêu chuẩn của bộ tiêu chí (chi tiết trong thư gửi riêng).",
        "Does not meet the criteria (details in the letter sent separately).",
    ),
    "round.reason.undetermined": (
        "Chưa đủ dữ liệu để xác định kết quả (chi tiết trong thư gửi riêng).",
        "Not enough data to decide the result (details in the letter sent separately).",
    ),
    "round.reason.invalid-data": (
        "Dữ liệu đánh giá không hợp lệ, cần sửa và đánh giá lại.",
        "The assessment data is invalid and must be corrected and assessed again.",
    ),
    "round.reason.no-meeting": ("Chưa có cuộc họp bình xét.", "No meeting has voted yet."),
    "round.reason.no-votes": ("Không có kết quả biểu quyết.", "No votes were recorded."),
    "round.reason.override.objection.proposed": (
        "Được đề nghị theo phản ánh số {objection} ({author}, {day}): {reason}",
        "Proposed following objection no. {objection} ({author}, {day}): {reason}",
    ),
    "round.reason.override.objection.not-proposed": (
        "Không được đề nghị theo phản ánh số {objection} ({author}, {day}): {reason}",
        "Not proposed following objection no. {objection} ({author}, {day}): {reason}",
    ),
    "round.reason.override.proposed": (
        "Được đề nghị theo điều chỉnh ({author}, {day}): {reason}",
        "Proposed following override ({author}, {day}): {reason}",
    ),
    "round.reason.override.not-proposed": (
        "Không được đề nghị theo điều chỉnh ({author}, {day}): {reason}",
        "Not proposed following override ({author}, {day}): {reason}",
    ),
    "round.reason.level-years": (
        "Chưa xét «{level}»: cần đạt danh hiệu {years} năm liên tiếp, chưa đạt năm {missing}.",
        "Not considered for “{level}”: the title is needed {years} years in a row; not held in {missing}.",
    ),
    "round.reason.level-overlap": (
        "Chưa xét «{level}»: các năm {first}–{last} đã được tính cho lần công nhận năm {awarded}; "
        "các khoảng thời gian xét không được trùng nhau.",
        "Not considered for “{level}”: the years {first}–{last} were counted for the award of "
        "{awarded}; windows may not overlap.",
    ),
    "round.reason.level-quota": (
        "Ngoài chỉ tiêu «{level}»: xếp thứ {rank}/{eligible} theo {order}; chỉ tiêu tối đa {share} "
        "của {base} là {limit}.",
        "Outside the quota of “{level}”: ranked {rank} of {eligible} by {order}; the quota of at most "
        "{share} of {base} is {limit}.",
    ),
    "round.reason.level-quota-tie": (
        "Ngoài chỉ tiêu «{level}»: xếp thứ {rank}/{eligible} theo {order}; chỉ tiêu tối đa {share} "
        "của {base} là {limit}. Bằng nhau với trường hợp khác ở vị trí cuối của chỉ tiêu; các "
        "trường hợp bằng nhau đều không được xét vì chỉ tiêu là mức tối đa.",
        "Outside the quota of “{level}”: ranked {rank} of {eligible} by {order}; the quota of at most "
        "{share} of {base} is {limit}. Tied with another at the quota's last place; tied candidates "
        "are all left out, as the quota is a ceiling.",
    ),
    # where a round stands (`criteria round status`, and after post and decide)
    "round.status.overdue-line": ("QUÁ HẠN: {text}", "OVERDUE: {text}"),
    "round.status.next-line": ("Bước tiếp theo: {text}", "Next step: {text}"),
    "round.status.not-open": ("Chưa mở đợt {round}.", "The round {round} is not open."),
    "round.status.open": ("Mở đợt bình xét: criteria round open.", "Open the round: criteria round open."),
    "round.status.opened": (
        "Đợt {round}: mở ngày {day} với {ref}; {count} {noun} ({split}).",
        "Round {round}: opened on {day} with {ref}; {count} {noun} ({split}).",
    ),
    "round.status.vote": (
        "Họp bình xét theo phiếu (criteria round sheet), rồi ghi kết quả (criteria round votes).",
        "Hold the meeting with the voting sheet (criteria round sheet), then record it (criteria round votes).",
    ),
    "round.status.vote-again": (
        "Họp lại hoặc lấy ý kiến bằng phiếu theo quy trình, rồi ghi kết quả (criteria round votes).",
        "Meet again or send written ballots, as the procedure says, then record them (criteria round votes).",
    ),
    "round.status.proposed": ("Đề nghị công nhận: {proposed}/{total}.", "Proposed: {proposed} of {total}."),
    "round.status.post": (
        "Niêm yết công khai danh sách (criteria round post).",
        "Post the list publicly (criteria round post).",
    ),
    "round.status.posting": (
        "Niêm yết từ {start} đến hết {end} ({days} ngày); {objections} phản ánh, {unresolved} chưa giải quyết.",
        "Posted from {start} to {end} ({days} days); {objections} objection(s), {unresolved} unresolved.",
    ),
    "round.status.decided": (
        "Quyết định ngày {day} ({by}): {titles} công nhận, {levels} mức cao hơn.",
        "Decided on {day} ({by}): {titles} awarded, {levels} at a higher level.",
    ),
    "round.status.decided-late": (
        "Quyết định sau thời hạn ({day}).",
        "Decided after the deadline ({day}).",
    ),
    "round.status.publish": (
        "Công bố danh sách chậm nhất ngày {day}.",
        "Publish the list by {day}.",
    ),
    "round.status.decision-overdue": (
        "Hạn quyết định là ngày {day}.",
        "The decision was due by {day}.",
    ),
    "round.status.posting-running": (
        "Đang niêm yết, còn {left} ngày; nhận phản ánh (criteria round object).",
        "Posting runs {left} more day(s); objections are received (criteria round object).",
    ),
    "round.status.resolve": (
        "Giải quyết các phản ánh (criteria round resolve).",
        "Resolve the objections (criteria round resolve).",
    ),
    "round.status.decide": (
        "Trình quyết định (criteria round decide), hạn chót ngày {day}.",
        "Submit for decision (criteria round decide), due by {day}.",
    ),
    # what the steps of `criteria round` print on standard output
    "round.opened": (
        "Đã mở đợt {round} ({ref}): {count} {noun} — {split}.",
        "Opened the round {round} ({ref}): {count} {noun} — {split}.",
    ),
    "round.from-register": (
        "{name}: lấy từ sổ bình xét; {count} trường hợp khác với dữ liệu.",
        "{name}: from the register; {count} differ from the data.",
    ),
    "round.register": ("Sổ bình xét: {file}", "Register: {file}"),
    "round.approved": (
        "Đạt tỷ lệ đồng ý: {approved}/{checked} trường hợp đạt tiêu chuẩn.",
        "Approved: {approved} of the {checked} candidates who passed.",
    ),
    "round.proposed": ("Đề nghị công nhận: {proposed}/{total}.", "Proposed: {proposed} of {total}."),
    "round.objection-recorded": (
        "Đã ghi phản ánh số {number} về {id}.",
        "Recorded objection no. {number} about {id}.",
    ),
    "round.objection-dismissed": (
        "Phản ánh số {number}: không chấp nhận; kết quả giữ nguyên.",
        "Objection no. {number}: dismissed; the outcome stands.",
    ),
    "round.objection-upheld.proposed": (
        "Phản ánh số {number}: chấp nhận; {id} nay được đề nghị.",
        "Objection no. {number}: upheld; {id} is now proposed.",
    ),
    "round.objection-upheld.not-proposed": (
        "Phản ánh số {number}: chấp nhận; {id} nay không được đề nghị.",
        "Objection no. {number}: upheld; {id} is now not proposed.",
    ),
}
