"""Messages of the award round (bình xét) and its register: the refusals of a step that
cannot be taken (docs/errors.md, "The award round"), in Vietnamese and English. The round's
own sentences (its status, each candidate's reasons) are worded in :mod:`criteria_engine.award`.
Key -> (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Refusals of a step.
    "round-not-open": (
        "Chưa mở đợt bình xét {round}: chạy 'criteria round open' trước.",
        "The round {round} is not open: run 'criteria round open' first.",
    ),
    "already-decided": (
        "Đợt bình xét {round} đã có quyết định ngày {day}; không ghi thêm được nữa.",
        "The round {round} was decided on {day}; nothing more can be recorded.",
    ),
    "already-decided.second": (
        "Đợt bình xét {round} đã có quyết định ngày {day}; không ra quyết định thứ hai cho năm {year}.",
        "The round {round} was decided on {day}; there is no second decision for {year}.",
    ),
    "already-posted": (
        "Danh sách đã niêm yết ngày {day}; không thể {what}. Sai sót sau khi niêm yết được xử lý "
        "bằng phản ánh ('criteria round object', 'criteria round resolve').",
        "The list was posted on {day}; cannot {what}. Mistakes found after posting are handled as "
        "objections ('criteria round object', 'criteria round resolve').",
    ),
    "already-posted.assess": ("đánh giá lại", "assess again"),
    "already-posted.votes": ("ghi lại kết quả biểu quyết", "record votes again"),
    "already-posted.post": ("niêm yết lại", "post it again"),
    "date-order": (
        "Ngày {what} ({when}) không được trước ngày {earlier} ({then}).",
        "The {what} date ({when}) cannot be before the {earlier} date ({then}).",
    ),
    "round.event.meeting": ("họp", "meeting"),
    "round.event.opening": ("mở đợt", "opening"),
    "round.event.previous-meeting": ("cuộc họp trước", "previous meeting"),
    "round.event.posting": ("niêm yết", "posting"),
    "round.event.objection": ("phản ánh", "objection"),
    "round.event.resolution": ("giải quyết", "resolution"),
    "unknown-candidate": (
        "'{id}' không có trong đợt bình xét {round}.",
        "'{id}' is not a candidate of the round {round}.",
    ),
    "unknown-candidate.near": (
        "'{id}' không có trong đợt bình xét {round} (có phải '{near}'?).",
        "'{id}' is not a candidate of the round {round}; did you mean '{near}'?",
    ),
    "not-posted": (
        "Danh sách chưa được niêm yết ('criteria round post').",
        "The list is not posted yet ('criteria round post').",
    ),
    "not-posted.objection": (
        "Danh sách chưa được niêm yết; phản ánh nhận trong thời gian niêm yết.",
        "The list is not posted yet; objections are received during the posting.",
    ),
    "objection-outside-posting": (
        "Phản ánh ngày {day} nằm ngoài thời gian niêm yết ({start}–{end}).",
        "An objection dated {day} is outside the posting period ({start} to {end}).",
    ),
    "empty-text.objection": (
        "Cần ghi người phản ánh và nội dung phản ánh.",
        "Give who objects and what the objection says.",
    ),
    "empty-text.resolution": ("Cần ghi người giải quyết phản ánh.", "Give who resolved the objection."),
    "empty-text.decision": ("Cần ghi người ra quyết định (--by).", "Give who decides (--by)."),
    "unknown-objection": (
        "Không có phản ánh số {number} (các số: {numbers}).",
        "There is no objection no. {number} (numbers: {numbers}).",
    ),
    "already-resolved": (
        "Phản ánh số {number} đã được giải quyết.",
        "Objection no. {number} is already resolved.",
    ),
    "decision-before-posting-ends": (
        "Chưa hết thời gian niêm yết: niêm yết đến hết ngày {end}; quyết định sớm nhất ngày {first}.",
        "The posting has not ended: it runs to {end}; the earliest decision date is {first}.",
    ),
    "objections-unresolved": (
        "Còn {count} phản ánh chưa giải quyết (số {numbers}).",
        "{count} objection(s) are not resolved (no. {numbers}).",
    ),
    "already-awarded": (
        "Sổ đã có kết quả năm {year} của {ids}; không xét hai lần trong một năm.",
        "The register already holds a {year} result for {ids}; no one is decided twice in a year.",
    ),
    "bad-count": (
        "Số được mời ({invited}) phải từ 1 trở lên và số dự họp ({present}) không âm.",
        "Those invited ({invited}) must be 1 or more and those present ({present}) not negative.",
    ),
    "bad-count.votes": ("{id}: số phiếu không được âm.", "{id}: votes cannot be negative."),
    "present-exceeds-invited": (
        "Số dự họp ({present}) lớn hơn số được mời ({invited}).",
        "More present ({present}) than invited ({invited}).",
    ),
    "votes-exceed-present": (
        "{id}: {yes} đồng ý + {no} không đồng ý = {total}, nhiều hơn số dự họp ({present}).",
        "{id}: {yes} for + {no} against = {total}, more than those present ({present}).",
    ),
    "votes-already-recorded": (
        "Đã ghi kết quả cuộc họp ngày {day} (đủ số lượng tối thiểu). Để sửa sai sót khi nhập, dùng --correct.",
        "The meeting of {day} is recorded (quorum reached). To correct a typing mistake, use --correct.",
    ),
    "nothing-to-correct": ("Chưa có cuộc họp nào để sửa.", "No meeting is recorded to correct."),
    "written-ballots-not-allowed": (
        "Quy trình của bộ tiêu chí không cho lấy ý kiến bằng phiếu.",
        "The set's procedure does not allow written ballots.",
    ),
    "written-ballots-not-allowed.after": (
        "Chỉ lấy ý kiến bằng phiếu sau một cuộc họp không đủ số lượng tối thiểu.",
        "Written ballots come only after a meeting without a quorum.",
    ),
    "votes-missing": (
        "Thiếu kết quả biểu quyết của {count} trường hợp đạt tiêu chuẩn: {ids}.",
        "No votes for {count} candidate(s) who passed: {ids}.",
    ),
    "no-meeting": (
        "Chưa ghi kết quả cuộc họp bình xét ('criteria round votes').",
        "No meeting is recorded yet ('criteria round votes').",
    ),
    "quorum-not-met": (
        "{sentence} Cuộc họp không hợp lệ, chưa đề nghị được ai. Theo quy trình: {steps}.",
        "{sentence} The meeting is not valid and proposes no one. The procedure requires: {steps}.",
    ),
    "round.next.meet_again": ("tổ chức họp lại", "hold the meeting again"),
    "round.next.written_ballots": (
        "lấy ý kiến bằng phiếu gửi các hộ vắng mặt",
        "send written ballots to those absent",
    ),
    "round.next.then": ("{first}; nếu vẫn không đủ, {then}", "{first}; if that fails too, {then}"),
    # The register (one SQLite file) and its import, export and voting sheets.
    "register-unreadable": ("Không mở được sổ bình xét: {detail}.", "Cannot open the register: {detail}."),
    "register-unreadable.folder": (
        "'{path}' là một thư mục, không phải tệp sổ.",
        "'{path}' is a folder, not a register file.",
    ),
    "register-not-sqlite": (
        "Tệp không phải là sổ bình xét (không phải cơ sở dữ liệu SQLite); tệp không bị thay đổi.",
        "The file is not an award register (not an SQLite database); it was not changed.",
    ),
    "register-foreign": (
        "Tệp là cơ sở dữ liệu SQLite của chương trình khác, không phải sổ bình xét; tệp không bị thay đổi.",
        "The file is an SQLite database of another program, not an award register; it was not changed.",
    ),
    "register-too-new": (
        "Sổ bình xét được ghi bởi phiên bản mới hơn (lược đồ {version}; phiên bản này đọc đến {latest}). "
        "Hãy cập nhật criteria_engine; tệp không bị thay đổi.",
        "The register was written by a newer version (schema {version}; this version reads up to {latest}). "
        "Update criteria_engine; the file was not changed.",
    ),
    "register-too-new.export": (
        "Tệp xuất từ phiên bản mới hơn (lược đồ {version}); hãy cập nhật criteria_engine.",
        "The export comes from a newer version (schema {version}); update criteria_engine.",
    ),
    "register-unwritable": (
        "Không ghi được vào sổ bình xét ({detail}); sổ giữ nguyên. Nếu có người khác đang ghi, hãy thử lại.",
        "Cannot write to the register ({detail}); it was not changed. If someone else is writing, try again.",
    ),
    "register-missing": (
        "Không có sổ bình xét '{path}'. Sổ được tạo khi mở đợt đầu tiên (criteria round open) hoặc khi "
        "nhập lịch sử (criteria register import).",
        "There is no register '{path}'. It is created by the first 'criteria round open' or by "
        "'criteria register import'.",
    ),
    "integrity": ("SQLite integrity_check: {detail}", "SQLite integrity_check: {detail}"),
    "foreign-key": ("Dòng tham chiếu tới dòng không tồn tại: {row}", "A row refers to a missing row: {row}"),
    "award-twice": (
        "{id} có {count} kết quả {set} năm {year}.",
        "{id} has {count} {set} results for {year}.",
    ),
    "export-folder-not-empty": (
        "Thư mục '{path}' đã có tệp; hãy xuất ra một thư mục mới hoặc trống.",
        "The folder '{path}' is not empty; export into a new or empty folder.",
    ),
    "history-bad-value.title": (
        "Dòng {row}: cột 'title' phải là có/không (1/0), không phải '{value}'.",
        "Row {row}: column 'title' must be yes/no (1/0), not '{value}'.",
    ),
    "history-bad-value.year": (
        "Dòng {row}: năm phải là số nguyên.",
        "Row {row}: years must be whole numbers.",
    ),
    "history-bad-value.empty": (
        "Dòng {row}: thiếu bộ tiêu chí, năm hoặc mã.",
        "Row {row}: the set, the year or the candidate is empty.",
    ),
    "history-bad-value.window": (
        "Dòng {row}: mức '{level}' cần window_from và window_to.",
        "Row {row}: level '{level}' needs window_from and window_to.",
    ),
    "history-missing-column": (
        "Bảng lịch sử thiếu cột: {missing} (cần {expected}).",
        "The history table lacks column(s): {missing} (expected {expected}).",
    ),
    "import-round-exists": (
        "Sổ đã có đợt {round}; không nhập chồng.",
        "The register already holds the round {round}.",
    ),
    "import-missing": ("Không có tệp '{path}'.", "There is no file '{path}'."),
    "history-conflict": (
        "Sổ đã có kết quả do đợt bình xét quyết định cho cùng năm và đối tượng.",
        "The register holds results decided by rounds for the same years and candidates.",
    ),
    "history-conflict.candidates": (
        "Sổ đã có kết quả do đợt bình xét quyết định cho {ids}; không ghi đè bằng dữ liệu nhập.",
        "The register holds results decided by rounds for {ids}; an import cannot replace them.",
    ),
    "no-procedure": (
        "Bộ tiêu chí {ref} không khai báo quy trình bình xét (procedure).",
        "The set {ref} declares no award procedure (procedure:).",
    ),
    "no-table": (
        "Dữ liệu không có bảng '{table}' (các bảng: {tables}).",
        "The data has no table '{table}' (tables: {tables}).",
    ),
    "no-link-column": (
        "Bảng '{table}' không có cột '{column}'.",
        "Table '{table}' has no column '{column}'.",
    ),
    "unknown-unit": (
        "Không có {subject} nào thuộc '{unit}' trong dữ liệu.",
        "No {subject} of '{unit}' in the data.",
    ),
    "unknown-unit.hint": (
        "Không có {subject} nào thuộc '{unit}' trong dữ liệu ({hint}).",
        "No {subject} of '{unit}' in the data; {hint}",
    ),
    "register-value": (
        "{id}: {name} = {value} theo sổ bình xét (dữ liệu ghi {given}).",
        "{id}: {name} = {value} from the register (the data says {given}).",
    ),
    "votes-bad-value": (
        "Dòng {row}, cột '{column}': '{value}' không phải số nguyên không âm.",
        "Row {row}, column '{column}': '{value}' is not a whole number of 0 or more.",
    ),
    "votes-bad-value.date": (
        "Ngày họp '{value}' không đúng dạng YYYY-MM-DD.",
        "The meeting date '{value}' is not YYYY-MM-DD.",
    ),
    "votes-missing-column": (
        "Phiếu biểu quyết cần cột 'Mã' và cột 'Đồng ý' (và 'Không đồng ý').",
        "The voting sheet needs an 'ID' column and a 'For' column (and 'Against').",
    ),
    "votes-duplicate": ("Dòng {row}: '{id}' xuất hiện hai lần.", "Row {row}: '{id}' appears twice."),
    "round.subject.household": ("hộ", "household"),
    "round.subject.village": ("thôn", "village"),
    "round.subject.school": ("trường", "school"),
    "round.subject.commune": ("xã", "commune"),
    "round.subject.other": ("{subject}", "{subject}"),
    "cli.imported": ("Đã nhập {count} đợt bình xét", "Imported {count} round(s)"),
    "cli.imported-history": (
        "{added} dòng mới, {corrected} dòng sửa",
        "{added} new line(s), {corrected} correction(s)",
    ),
}
