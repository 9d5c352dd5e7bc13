"""``--help``: what the award round, the register and the other commands (list, schema, show,
template, test) do, in Vietnamese and English. Key -> (vi, en)."""

from __future__ import annotations

_ROUND_EXAMPLES = """\
  criteria round open happy-family examples/data/commune --year 2026 --village C001-V01 --date 2026-10-01
  criteria round sheet happy-family --year 2026 --village C001-V01 -o phieu.xlsx --minutes bien-ban.html
  criteria round votes happy-family examples/data/round-2026/phieu-C001-V01.csv --year 2026 --village C001-V01 --date 2026-10-10 --invited 33 --present 30
  criteria round post happy-family --year 2026 --village C001-V01 --date 2026-10-12 -o niem-yet.html
  criteria round letters happy-family --year 2026 --village C001-V01 -o thu.html
  criteria round decide happy-family --year 2026 --village C001-V01 --date 2026-10-23 --by "Chủ tịch UBND xã" -o quyet-dinh.html
  criteria round status happy-family --year 2026 --village C001-V01"""
"""The examples of the help, the same in both languages."""

MESSAGES: dict[str, tuple[str, str]] = {
    "help.list.about": (
        """\
Liệt kê các bộ tiêu chí và các phiên bản, kèm thời gian hiệu lực.

ví dụ:
  criteria list
  criteria list --sets criteria_sets --lang en""",
        """\
List criteria sets and their revisions, with effective windows.

examples:
  criteria list
  criteria list --sets criteria_sets --lang en""",
    ),
    "help.register.about": (
        """\
Sổ theo dõi bình xét: một tệp SQLite (--register, mặc định ./criteria-register.sqlite) lưu
kết quả đánh giá, cuộc họp, niêm yết, phản ánh, quyết định của mọi đợt bình xét và lịch sử
công nhận danh hiệu; chỉ ghi thêm, không sửa, không xóa.

  check    chạy integrity_check và foreign_key_check của SQLite và các quy tắc riêng của
           sổ (mỗi đối tượng một kết quả mỗi năm); mã thoát 1 nếu có sai sót
  export   ghi mọi bảng (kể cả các dòng đã được thay thế) ra một thư mục các tệp CSV hoặc
           một tệp .xlsx, để xã bàn giao lịch sử
  import   đọc một bản xuất như vậy (thêm mọi đợt bình xét), hoặc một bảng lịch sử lập từ
           sổ sách giấy (các cột set_id, year, candidate, title; có thể thêm unit, level,
           window_from, window_to): tất cả trong một lần ghi, hoặc không gì cả

ví dụ:
  criteria register import examples/data/round-2026/lich-su-2022-2025.csv
  criteria register check
  criteria register export so-binh-xet.xlsx""",
        """\
The award register: one SQLite file (--register, default ./criteria-register.sqlite)
holding every round's evaluations, meetings, postings, objections, decisions and the
award history, append-only.

  check    runs SQLite's integrity_check and foreign_key_check and the register's own
           rules (one result per candidate and year); exit 1 when anything is wrong
  export   writes every table (superseded rows included) to a folder of CSV files or
           to one .xlsx workbook, so a commune can hand its history over
  import   reads such an export (every round added), or a history table from paper
           records (columns set_id, year, candidate, title; optionally unit, level,
           window_from, window_to): all of it in one transaction, or nothing

examples:
  criteria register import examples/data/round-2026/lich-su-2022-2025.csv
  criteria register check
  criteria register export so-binh-xet.xlsx""",
    ),
    "help.round.about": (
        """\
Bình xét một danh hiệu từng bước, theo quy trình bộ tiêu chí khai báo (Nghị định
86/2023/NĐ-CP): đánh giá các đối tượng của một thôn (open), in phiếu biểu quyết và biên bản
(sheet), ghi kết quả biểu quyết của cuộc họp (votes), niêm yết công khai danh sách (post),
gửi thư cho từng hộ (letters), ghi các phản ánh trong thời gian niêm yết và kết quả giải
quyết (object, resolve), ghi quyết định kèm các mức công nhận nhiều năm và chỉ tiêu
(decide), và xem đợt bình xét đang ở bước nào (status).

Mỗi bước đọc và ghi thêm vào sổ theo dõi bình xét, một tệp SQLite (--register, mặc định
./criteria-register.sqlite): không có gì trong sổ bị sửa hay xóa. Bước nào bị từ chối (số
phiếu nhiều hơn số dự họp, phản ánh sau khi hết niêm yết, quyết định trước khi hết niêm
yết, quyết định lần thứ hai...) thì nói rõ lý do và không thay đổi gì.

Ngày: mỗi bước nhận --date (mặc định: hôm nay), nên có thể ghi lại một đợt bình xét sau.

ví dụ (một năm của một thôn, trên dữ liệu mẫu có sẵn):
"""
        + _ROUND_EXAMPLES,
        """\
The award round ("bình xét") of a title, step by step, as the set's procedure declares it
(Decree 86/2023/ND-CP): evaluate the candidates of a village (open), print the voting
sheet and the minutes (sheet), record the meeting's votes (votes), post the list
publicly (post), write each household its letter (letters), record objections during
the posting and their resolution (object, resolve), record the decision with the
multi-year levels and quota (decide), and see where the round stands (status).

Every step reads and appends to the award register, one SQLite file (--register,
default ./criteria-register.sqlite): nothing in it is ever changed or deleted. A step
that is refused (a vote count above those present, an objection after the posting, a
decision before the posting ended, a second decision...) says why and changes nothing.

Dates: each step takes --date (default: today), so a round can be recorded afterwards.

examples (one village's year, on the shipped example data):
"""
        + _ROUND_EXAMPLES,
    ),
    "help.schema.about": (
        """\
In JSON Schema của tệp bộ tiêu chí (cho trình soạn thảo).

ví dụ:
  criteria schema > criteria-set.schema.json""",
        """\
Print the JSON Schema of criteria-set files (for editors).

example:
  criteria schema > criteria-set.schema.json""",
    ),
    "help.show.about": (
        """\
Hiển thị một bộ tiêu chí thành cây dễ đọc: từng nhóm và tiêu chí với tiêu đề, quy tắc bằng
lời, số điểm, dấu hiệu tiêu chí bắt buộc và tiêu chí loại trừ, căn cứ pháp lý; rồi cách kết
luận và các mức xếp loại. Với --inputs, kèm dữ liệu bộ tiêu chí cần (các cột của bảng tính,
nhãn, cách ghi từng cột (nhãn các lựa chọn, có/không) và đơn vị); 'criteria template' ghi
chúng thành một bảng tính trống.

Với --code, in mã Python mà bộ tiêu chí được dịch thành (mã chạy khi đánh giá): mỗi câu lệnh
ghi kèm tệp và dòng YAML sinh ra nó.

ví dụ:
  criteria show happy-family
  criteria show happy-family@2026.1 --lang en
  criteria show happy-family --inputs
  criteria show happy-family@2026.2 --code""",
        """\
Show a criteria set as a readable tree: each group and criterion with its title, its rule
in words, points, badges for mandatory criteria and vetoes, and legal basis; then how the decision
is made and the rating bands. With --inputs, also the data it needs (the columns of the
spreadsheet, with their labels, what to type in each (the labels of the choices, có/không)
and units); 'criteria template' writes them as an empty workbook.

With --code, print instead the Python the set compiles to (what evaluation runs): each
statement ends with the file and line of the YAML it comes from.

examples:
  criteria show happy-family
  criteria show happy-family@2026.1 --lang en
  criteria show happy-family --inputs
  criteria show happy-family@2026.2 --code""",
    ),
    "help.template.about": (
        """\
Ghi mẫu bảng tính trống cho một bộ tiêu chí: bảng tính xã điền vào và 'criteria evaluate'
đọc lại được mà không cần --map.

Bảng tính có một trang các đối tượng, tiêu đề cột là các trường của bộ tiêu chí (nhãn
tiếng Việt, hoặc tiếng Anh với --lang en), cột mã đứng đầu; mỗi danh sách thành viên một
trang (thành viên của hộ), cột đầu là mã của đối tượng; danh sách thả xuống các nhãn cho
mọi cột lựa chọn và cột có/không; kiểm tra số; đơn vị và ý nghĩa mỗi cột trong ghi chú của
ô tiêu đề; và trang "Hướng dẫn" giải thích từng cột.

Với --format csv, dòng tiêu đề của các đối tượng ghi vào TỆP (hoặc ra màn hình) và mỗi danh
sách thành viên ghi vào tệp cùng tên thêm tên danh sách (mau.persons.csv), dùng cho --persons.

ví dụ:
  criteria template happy-family -o mau.xlsx
  criteria template happy-family@2027.1 --lang en -o template.xlsx
  criteria template happy-school --format csv -o truong.csv
  criteria template happy-village --format csv""",
        """\
Write an empty data template for a criteria set: the spreadsheet a commune fills in and
'criteria evaluate' reads back with no --map.

The workbook has a sheet of candidates with the set's inputs as column headers (their
Vietnamese labels, or English with --lang en), the id first; a sheet per member list (a
household's persons) whose first column is the candidate's id; drop-down lists of the
labels for every choice and yes/no column; number checks; the unit and meaning of each
column in its header's comment; and a "Hướng dẫn" sheet explaining every column.

With --format csv, the candidates' header row goes to FILE (or the screen) and each member
list to FILE's name with the list's name added (mau.persons.csv), for --persons.

examples:
  criteria template happy-family -o mau.xlsx
  criteria template happy-family@2027.1 --lang en -o template.xlsx
  criteria template happy-school --format csv -o truong.csv
  criteria template happy-village --format csv""",
    ),
    "help.test.about": (
        """\
Chạy các đối tượng ví dụ lưu kèm một phiên bản (2026.2.examples.yaml bên cạnh 2026.2.yaml)
và so sánh từng kết quả với điều ví dụ mong đợi: kết quả, xếp loại, số điểm và từng kết quả
tiêu chí được liệt kê, và (trong explain:) câu tiếng Việt của từng tiêu chí được liệt kê.
Không ghi phiên bản thì kiểm tra mọi phiên bản của bộ tiêu chí. Bộ tiêu chí có quy trình
cũng có thể lưu các đợt bình xét mẫu (2026.2.round.examples.yaml): số lượng tối thiểu, ai
được công nhận, các mức và lý do mỗi trường hợp phải có.
Các ví dụ sai được in ra kèm điều mong đợi và kết quả thực tế; mã thoát là 1 khi có ví dụ
sai.

ví dụ:
  criteria test happy-family
  criteria test happy-family@2026.2
  criteria test happy-school --sets criteria_sets""",
        """\
Run the example candidates stored beside a revision (2026.2.examples.yaml beside
2026.2.yaml) and compare each result with what the example expects: status, rating,
score and each listed verdict, and (under explain:) the Vietnamese sentence of each
listed criterion. Without a version, every revision of the set is tested. A set with a
procedure may also store example rounds (2026.2.round.examples.yaml): the quorum, who is
awarded, the levels and the reasons each must give.
Failures are printed with what was expected and what came out; the exit status is 1
when any example fails.

examples:
  criteria test happy-family
  criteria test happy-family@2026.2
  criteria test happy-school --sets criteria_sets""",
    ),
    "help.round.decide.about": (
        """\
Ghi quyết định, sau khi hết thời gian niêm yết và mọi phản ánh đã được giải quyết: các danh
hiệu, các mức công nhận nhiều năm (khoảng thời gian và chỉ tiêu tính từ lịch sử trong sổ,
trường hợp bằng nhau xử lý như đã khai báo) và lý do của từng trường hợp không được công
nhận. -o ghi danh sách (.html, .csv, .xlsx). Mỗi đợt bình xét chỉ quyết định một lần.""",
        """\
Record the decision, after the posting ended and every objection was resolved: the
titles, the multi-year levels (windows and quota from the register's history, ties
as declared) and, for every candidate left out, why. -o writes the list (.html, .csv,
.xlsx). A round is decided once.""",
    ),
    "help.round.letters.about": (
        """\
Ghi thư gửi từng đối tượng (mỗi thư một trang A4, mặc định tiếng Việt): kết quả từng tiêu
chí, kết quả biểu quyết, có được đề nghị hay không và vì sao, cách gửi phản ánh.""",
        """\
Write every candidate's letter (one A4 page each, Vietnamese by default): the result
criterion by criterion, the vote, whether it is proposed and why not, how to object.""",
    ),
    "help.round.object.about": (
        """\
Ghi một phản ánh (hoặc góp ý) về một đối tượng, nhận ngày --date, phải trong thời gian niêm
yết. Các phản ánh được đánh số 1, 2, ... trong đợt bình xét.""",
        """\
Record an objection (or comment) about a candidate, received on --date, which must be
within the posting period. Objections are numbered 1, 2, ... in the round.""",
    ),
    "help.round.open.about": (
        """\
Đánh giá các đối tượng của đơn vị (các hộ của một thôn, các thôn hoặc trường học của một
xã) theo bộ tiêu chí có hiệu lực vào --date và lưu kết quả. Các trường quy trình tính từ
sổ (years_held_consecutive) thay cho giá trị trong dữ liệu. Mở lại trước khi niêm yết là
sửa dữ liệu: kết quả mới thay kết quả cũ, kết quả cũ vẫn được giữ trong sổ.""",
        """\
Evaluate the candidates of the unit (a village's households, a commune's villages or
schools) with the set in force on --date and store the evaluations. Inputs the
procedure computes from the register (years_held_consecutive) replace the data's.
Opening again before the posting corrects the data: the new evaluations supersede
the old ones, which stay in the register.""",
    ),
    "help.round.post.about": (
        """\
Ghi việc niêm yết công khai và in thông báo (-o TỆP.html hoặc .csv): chỉ có tên và kết quả,
không có điểm, không có tiêu chí, không có thông tin cá nhân. Thời gian niêm yết bắt đầu từ
--date.""",
        """\
Record the public posting and write the notice (-o FILE.html or .csv): names and
outcomes only, no scores, no criteria, no personal data. The posting period starts on
--date.""",
    ),
    "help.round.resolve.about": (
        """\
Ghi kết quả giải quyết phản ánh số NUMBER: upheld (chấp nhận: đề nghị với đối tượng bị đảo
ngược, ghi lại kèm lý do và người giải quyết) hoặc dismissed (không chấp nhận).""",
        """\
Record the resolution of objection NUMBER: upheld (the candidate's proposal is reversed,
recorded as an override with the reason and who resolved it) or dismissed.""",
    ),
    "help.round.sheet.about": (
        """\
Ghi phiếu biểu quyết của cuộc họp: các đối tượng, kết quả của mỗi đối tượng trong một dòng,
các cột biểu quyết để trống; -o TỆP.xlsx (để điền rồi đọc lại bằng 'round votes') hoặc
TỆP.html (để in). --minutes TỆP.html ghi biên bản họp với số lượng tối thiểu đã điền sẵn.""",
        """\
Write the meeting's voting sheet: the candidates, their result in one line, empty vote
columns; -o FILE.xlsx (to fill in and read back with 'round votes') or FILE.html (to
print). --minutes FILE.html writes the minutes (biên bản) with the quorum filled in.""",
    ),
    "help.round.status.about": (
        """\
Cho biết đợt bình xét đang ở bước nào, những gì đã làm, bước tiếp theo và hạn của nó, và
việc gì đã quá hạn vào ngày --date (đối chiếu các mốc thời gian của quy trình).""",
        """\
Show the round's stage, what happened, the next step and its deadline, and what is
overdue on --date (dates checked against the procedure's periods).""",
    ),
    "help.round.votes.about": (
        """\
Ghi một cuộc họp từ phiếu biểu quyết đã điền (XLSX hoặc CSV): số đồng ý và không đồng ý với
từng đối tượng, số được mời và số dự họp (từ trang 'Cuộc họp' hoặc --invited, --present).
Số lượng tối thiểu và từng kết quả biểu quyết được tính và giải thích; cuộc họp không đủ
số lượng tối thiểu vẫn được ghi, và bước tiếp theo của quy trình được nói rõ (họp lại, hoặc
lấy ý kiến bằng phiếu với --written). --correct thay bản ghi nhập sai (bản cũ vẫn giữ trong
sổ, đánh dấu đã được thay).""",
        """\
Record a meeting from the filled-in voting sheet (XLSX or CSV): the votes for and against
each candidate, and those invited and present (from its 'Cuộc họp' sheet or --invited,
--present). The quorum and every approval are computed and explained; a meeting
without a quorum is recorded, and the procedure's next step is said (meet again, or
written ballots with --written). --correct replaces a mistyped record (kept in the
register as superseded).""",
    ),
}
