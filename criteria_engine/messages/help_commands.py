"""``--help``: what the main commands do (criteria, evaluate, report, explain, diff, verify,
validate), in Vietnamese and English. The examples are the same commands in both languages
(docs/cli.md shows the English; docs/cli-vi.md the Vietnamese). Key -> (vi, en)."""

from __future__ import annotations

_EVALUATE_EXAMPLES = """\
  criteria evaluate happy-family examples/data/xa-mau/ho-gia-dinh.xlsx --persons examples/data/xa-mau/thanh-vien.xlsx
  criteria evaluate happy-family@2026.2 examples/data/commune/household.csv --persons examples/data/commune/person.csv -o ket-qua.xlsx
  criteria evaluate happy-family examples/data/commune/household.csv --persons examples/data/commune/person.csv --format jsonl --detail verdicts > out.jsonl
  criteria evaluate happy-school examples/data/commune/school.csv --rank --lang en
  criteria evaluate happy-family examples/data/xa-mau/ho-gia-dinh.xlsx --persons examples/data/xa-mau/thanh-vien.xlsx --map examples/data/xa-mau/ten-cot.yaml --as-of 2026-11-25
  criteria evaluate happy-family examples/data/xa-mau/ho-gia-dinh.xlsx --persons examples/data/xa-mau/thanh-vien.xlsx --format problems -o van-de.csv
  criteria evaluate happy-commune examples/data/commune --as-of 2026-12-01"""
"""The examples of the help, the same in both languages."""

MESSAGES: dict[str, tuple[str, str]] = {
    "help.criteria": (
        """\
criteria — đánh giá hộ gia đình, thôn, xã và trường học theo các bộ tiêu chí khai báo sẵn,
kèm lời giải thích cho mọi kết quả, bằng tiếng Việt hoặc tiếng Anh.

Mã thoát: 0 thành công (kể cả khi có đối tượng không đạt), 1 tệp bộ tiêu chí hoặc tệp dữ
liệu không dùng được, 2 gọi lệnh sai cách.

Ngôn ngữ: --lang vi|en; nếu không ghi, theo biến môi trường CRITERIA_LANG (vi hoặc en);
nếu không có, theo ngôn ngữ đầu tiên của bộ tiêu chí, hoặc tiếng Việt.

Gõ 'criteria TÊN-LỆNH --help' để xem các tùy chọn và ví dụ của từng lệnh.""",
        """\
criteria — evaluate households, villages, communes and schools against declarative criteria
sets, with an explanation for every verdict, in Vietnamese or English.

Exit status: 0 success (also when candidates fail), 1 a criteria file or data file that
cannot be used, 2 a usage error.

Language: --lang vi|en; without it, the environment variable CRITERIA_LANG (vi or en);
without that, the set's first language, else Vietnamese.

Run 'criteria COMMAND --help' for the options and examples of each command.""",
    ),
    "help.diff.about": (
        """\
Cho biết những gì thay đổi giữa hai phiên bản của một bộ tiêu chí, bằng lời dễ hiểu: tiêu
chí được thêm hoặc bỏ, quy tắc và ngưỡng ("Chuẩn nghèo thu nhập, Nông thôn: 1.500.000 →
2.200.000 đồng/tháng"), điểm, tiêu chí bắt buộc và tiêu chí loại trừ, tham số, các mức xếp
loại, quy tắc đạt, các trường dữ liệu, tiêu đề và lời nhắn.

Một phiên bản ghi là SET@VERSION. Chỉ ghi SET là phiên bản có hiệu lực vào ngày --as-of
(mặc định: hôm nay). Chỉ ghi một phiên bản thì lệnh so sánh với phiên bản liền trước.

Với --data, mọi đối tượng trong tệp dữ liệu được đánh giá theo cả hai phiên bản, và báo cáo
cho biết kết quả hoặc xếp loại của ai thay đổi và vì sao (các tiêu chí có kết quả thay
đổi), kèm số lượng. Dữ liệu: JSON hoặc JSONL (bản ghi có thể chứa danh sách, như thành viên
của hộ), hoặc CSV, XLSX với các bộ tiêu chí không có trường danh sách. Giá trị không đọc được
thì bỏ ra (và được báo), như nhau ở cả hai phiên bản.

ví dụ:
  criteria diff happy-family@2026.1 happy-family@2026.2
  criteria diff happy-family@2027.1 --lang en
  criteria diff happy-family@2026.2 happy-family@2027.1 --data examples/data/commune/household.csv
  criteria diff happy-family happy-family@2027.1 --as-of 2026-12-31 --format md
  criteria diff happy-family@2026.1 happy-family@2026.2 --format json -o diff.json""",
        """\
Show what changes from one revision of a criteria set to another, in plain words:
criteria added or removed, rules and thresholds ("Income poverty line, Rural:
1,500,000 → 2,200,000 VND/month"), points, mandatory and veto criteria, parameters,
rating bands, the pass rule, inputs, titles and messages.

A revision is SET@VERSION. A bare SET means the revision in force on --as-of (default:
today). Given one revision, the command compares it with the revision before it.

With --data, every candidate in the data file is evaluated under both revisions, and the
report says whose status or rating changes and why (the criteria whose verdicts
changed), with counts. Data: JSON or JSONL (a record may hold a list, such as a
household's persons), or CSV or XLSX for sets whose inputs are flat. A value that cannot
be read is left out (and reported), under both revisions alike.

examples:
  criteria diff happy-family@2026.1 happy-family@2026.2
  criteria diff happy-family@2027.1 --lang en
  criteria diff happy-family@2026.2 happy-family@2027.1 --data examples/data/commune/household.csv
  criteria diff happy-family happy-family@2027.1 --as-of 2026-12-31 --format md
  criteria diff happy-family@2026.1 happy-family@2026.2 --format json -o diff.json""",
    ),
    "help.evaluate.about": (
        """\
Đánh giá mọi đối tượng (hộ gia đình, thôn, trường học...) trong một tệp dữ liệu theo một
bộ tiêu chí: ai đạt, số điểm, xếp loại và các tiêu chí chưa đạt.

DATA là bảng tính hoặc tệp dữ liệu: .csv (phân cách bằng dấu phẩy hoặc chấm phẩy, UTF-8),
.xlsx, .json hoặc .jsonl. Dòng tiêu đề cột được tự tìm bên dưới phần tiêu đề bảng (hoặc
ghi rõ bằng --header-row). Các cột được khớp với các trường của bộ tiêu chí theo tên, tên
khác hoặc nhãn tiếng Việt, tiếng Anh (không phân biệt dấu, hoa thường, số thứ tự đầu cột
và các chữ viết tắt thường gặp như BHYT, ĐBKK); tiêu đề khác thì dùng --map. Số ghi kiểu
Việt Nam (1.500.000 hoặc 69,5), có/không ghi là có/không, x, true/false. Dòng "Tổng cộng"
được báo và bỏ qua. Dòng có giá trị không đọc được, hoặc trùng mã với một dòng trước, được
báo là không hợp lệ, ghi rõ dòng và cột; việc đánh giá vẫn tiếp tục và mọi dòng đều có
trong kết quả, đúng thứ tự, hoặc trong số dòng bỏ qua ở phần ghi chú cuối.

Thành viên của hộ (persons) lấy từ tệp thứ hai nối qua household_id hoặc "Mã hộ"
(--persons TỆP), từ một trang của bảng tính mang tên danh sách (như 'criteria template'
tạo ra), hoặc từ danh sách JSON ngay trong bản ghi. Thiếu danh sách này thì lệnh dừng:
không ai có thể đạt.

DATA cũng có thể là một bộ dữ liệu: thư mục gồm các bảng đặt tên theo đối tượng
(household.csv, person.csv, village.csv, commune.csv, respondent.csv...) hoặc một tài liệu
JSON mỗi đối tượng một bảng. Khi đó việc đánh giá đi từ dưới lên đến SET: hộ gia đình
trước, kết quả của hộ tổng hợp lên thôn, thôn lên xã, mỗi cấp giải thích rõ tử số, mẫu số
và những trường hợp không được tính.

Kết quả kết thúc bằng phần tổng hợp: bao nhiêu đạt, chưa đạt, chưa xác định hoặc không hợp
lệ; phần ghi chú cuối (trên stderr) đếm số dòng đã đọc và nhắc lại các cảnh báo, kèm số ô
trống theo cột. --format problems thay vào đó ghi danh sách vấn đề dữ liệu (mọi ô sai hoặc
trống: dòng, cột, giá trị, vấn đề, cách sửa); kết quả Excel có danh sách này ở một trang.

Mã thoát: 0 kể cả khi có đối tượng không đạt; 1 khi bộ tiêu chí hoặc tệp dữ liệu không dùng
được (--map ghép với trường không có, danh sách không có dữ liệu), và 1 sau khi ghi kết quả
nếu quá nửa số dòng không hợp lệ (có dòng cảnh báo: bố cục tệp có lẽ bị sai).

ví dụ:
"""
        + _EVALUATE_EXAMPLES,
        """\
Evaluate every candidate (household, village, school...) of a data file against a criteria
set and show who passes, the score, the rating and the criteria not met.

DATA is a spreadsheet or data file: .csv (comma or semicolon, UTF-8), .xlsx, .json or
.jsonl. The header row is found below any title block (or say which with --header-row).
Columns are matched to the set's inputs by name, alias or their Vietnamese or English
label (accents, case, numbering and common abbreviations such as BHYT or ĐBKK do not
matter); use --map for other headers. Numbers may be written the Vietnamese way
(1.500.000 or 69,5), yes/no as có/không, x, true/false. A totals row ("Tổng cộng") is
reported and skipped. A row whose values cannot be read, or whose id repeats an earlier
row's, is reported as invalid, naming the row and column; the run goes on and every row
appears in the output, in order, or in the closing count of rows skipped.

A household's members (persons) come from a second file linked by household_id or "Mã
hộ" (--persons FILE), from a sheet of the workbook named after the list (as 'criteria
template' makes it), or from a JSON list in the record itself. Without them the run stops:
nobody could pass.

DATA may also be a dataset: a folder of tables named by subject (household.csv,
person.csv, village.csv, commune.csv, respondent.csv...) or one JSON document with a
table per subject. It is then evaluated bottom-up up to SET: households first, their
results rolled up into their villages, the villages into the commune, each level
explained with its numerators, denominators and who was left out.

The output ends with a summary: how many passed, failed, were undetermined or invalid; the
closing notes (on stderr) count the rows read and repeat the warnings, with the empty
cells by column. --format problems writes the data-quality list instead (every bad or
empty cell: row, column, value, problem, fix); the Excel output has it as a sheet.

Exit status: 0 even when candidates fail; 1 when the set or the data file cannot be used
(a --map naming no input, a list with no data), and 1 after writing the output when more
than half of the rows are invalid (a banner says so: the layout is probably wrong).

examples:
"""
        + _EVALUATE_EXAMPLES,
    ),
    "help.explain.about": (
        """\
Giải thích kết quả của một đối tượng trong tệp dữ liệu: kết quả, số điểm và xếp loại, còn
thiếu gì để lên mức xếp loại tiếp theo, dữ liệu còn thiếu, và từng tiêu chí đạt hay chưa
đạt, vì sao, bằng lời mà cuộc họp thôn đọc được.

ví dụ:
  criteria explain happy-family examples/data/xa-mau/ho-gia-dinh.xlsx --persons examples/data/xa-mau/thanh-vien.xlsx --id C001-V01-H012
  criteria explain happy-family@2026.2 examples/data/commune/household.csv --id C001-V01-H007 --id C001-V02-H012 --lang en""",
        """\
Explain the result of one candidate of a data file: the status, the score and rating, what
it lacks for the next rating, the data still missing, and for every criterion whether it
is met and why, in words a village meeting can read.

examples:
  criteria explain happy-family examples/data/xa-mau/ho-gia-dinh.xlsx --persons examples/data/xa-mau/thanh-vien.xlsx --id C001-V01-H012
  criteria explain happy-family@2026.2 examples/data/commune/household.csv --id C001-V01-H007 --id C001-V02-H012 --lang en""",
    ),
    "help.report.about": (
        """\
Ghi một văn bản để in (một tệp HTML, khổ A4, không cần mạng hay tệp nào khác) cho một trong
ba đối tượng đọc (--audience):

  commune  bảng điểm (mặc định): quốc hiệu, tiêu ngữ, địa danh và ngày tháng, bộ tiêu chí,
           phiên bản và mã kiểm tra, phần tổng hợp có biểu đồ (tỷ lệ đạt chung và theo
           thôn hoặc theo cột --group-by, các tiêu chí chưa đạt nhiều nhất) và phần chữ ký
           ở trang 1; bảng mọi đối tượng; rồi mỗi đối tượng một trang với kết quả, điểm và
           lời giải thích của từng tiêu chí.
  public   danh sách niêm yết mười ngày để lấy ý kiến: các đối tượng được đề nghị công nhận,
           chỉ có tên (--keep) và kết quả. Các trường bộ tiêu chí đánh dấu riêng tư (thu
           nhập, vi phạm, bạo lực, sức khỏe) không bao giờ xuất hiện.
  letters  mỗi hộ một thư (một trang): kết quả của hộ bằng lời dễ hiểu, những gì chưa đạt
           và việc hộ có thể làm để đạt danh hiệu năm sau.

--keep đưa các cột của dữ liệu (như "Họ tên chủ hộ") vào văn bản; --place và --authority
điền phần đầu văn bản ("Bản Xèo, ngày 01 tháng 12 năm 2026"; "UBND xã Bản Xèo").

ví dụ:
  criteria report happy-family examples/data/xa-mau/ho-gia-dinh.xlsx --persons examples/data/xa-mau/thanh-vien.xlsx -o bang-diem.html
  criteria report happy-family examples/data/xa-mau/ho-gia-dinh.xlsx --persons examples/data/xa-mau/thanh-vien.xlsx --audience public --keep "Họ tên chủ hộ" -o niem-yet.html
  criteria report happy-family examples/data/xa-mau/ho-gia-dinh.xlsx --persons examples/data/xa-mau/thanh-vien.xlsx --audience letters --keep "Họ tên chủ hộ" -o thu.html
  criteria report happy-family examples/data/commune/household.csv --persons examples/data/commune/person.csv --group-by village_id --lang en -o report.html""",
        """\
Write a printable document (one HTML file, A4, no network and no other files needed) for
one of three audiences (--audience):

  commune  the score sheet (default): the national heading, place and date, the set, its
           revision and digest, a summary with charts (pass rate overall and by village
           or another --group-by field, the criteria failed most) and the signature
           blocks on page 1; the table of every candidate; then a page per candidate with
           each criterion's verdict, points and explanation.
  public   the list to post for ten days of comments: the candidates proposed for the
           title, by name (--keep) and outcome only. Inputs a set marks private (income,
           sanctions, violence, health) never appear on it.
  letters  one letter (one page) per household: its own result in plain words, what it
           does not meet yet and what it can do to reach the title next year.

--keep carries columns of the data (such as "Họ tên chủ hộ") into the document; --place
and --authority fill the heading ("Bản Xèo, ngày 01 tháng 12 năm 2026"; "UBND xã Bản Xèo").

examples:
  criteria report happy-family examples/data/xa-mau/ho-gia-dinh.xlsx --persons examples/data/xa-mau/thanh-vien.xlsx -o bang-diem.html
  criteria report happy-family examples/data/xa-mau/ho-gia-dinh.xlsx --persons examples/data/xa-mau/thanh-vien.xlsx --audience public --keep "Họ tên chủ hộ" -o niem-yet.html
  criteria report happy-family examples/data/xa-mau/ho-gia-dinh.xlsx --persons examples/data/xa-mau/thanh-vien.xlsx --audience letters --keep "Họ tên chủ hộ" -o thu.html
  criteria report happy-family examples/data/commune/household.csv --persons examples/data/commune/person.csv --group-by village_id --lang en -o report.html""",
    ),
    "help.validate.about": (
        """\
Kiểm tra tệp bộ tiêu chí (hoặc thư mục chứa chúng): cấu trúc, ý nghĩa, biểu thức và các
phiên bản. Mỗi vấn đề in ra dạng ĐƯỜNG-DẪN:DÒNG:CỘT: lỗi[MÃ]: nội dung, gợi ý ở dòng sau.

ví dụ:
  criteria validate criteria_sets
  criteria validate criteria_sets/happy-family/2026.2.yaml --format json""",
        """\
Check criteria-set files (or folders of them): structure, meaning, expressions and revisions.
Each problem is printed as PATH:LINE:COL: error[CODE]: message, with a hint on the next line.

examples:
  criteria validate criteria_sets
  criteria validate criteria_sets/happy-family/2026.2.yaml --format json""",
    ),
    "help.verify.about": (
        """\
Kiểm tra các kết quả đã lưu. Mỗi kết quả do 'criteria evaluate' ghi ra (--format json hoặc
jsonl) nêu chính xác bộ quy tắc đã tạo ra nó bằng mã kiểm tra. Từng đối tượng được đánh giá
lại từ dữ liệu, theo đúng phiên bản đó và ngày áp dụng đã lưu, rồi so sánh từng trường. Đưa
dữ liệu đúng như đã đưa cho 'criteria evaluate' (cùng --map, --persons và --children).

Báo cáo liệt kê từng kết quả khác nhau (mã, trường, giá trị đã lưu, giá trị tính lại), từng
kết quả có mã kiểm tra không khớp phiên bản nào, từng kết quả có đối tượng không có trong dữ
liệu, và từng đối tượng của dữ liệu không có kết quả (bị xóa khỏi tệp). Mã thoát: 0 khi mọi
kết quả được tính lại đúng hoàn toàn, 1 nếu không.

ví dụ:
  criteria evaluate happy-family examples/data/commune/household.csv --persons examples/data/commune/person.csv -o ket-qua.jsonl
  criteria verify ket-qua.jsonl --data examples/data/commune/household.csv --persons examples/data/commune/person.csv
  criteria verify ket-qua.jsonl --data examples/data/commune/household.csv --persons examples/data/commune/person.csv --sets criteria_sets --format json""",
        """\
Check stored results. Each result written by 'criteria evaluate' (--format json or
jsonl) names the exact rules that produced it by their digest. Each candidate is
evaluated again from the data, with that revision and the stored as-of date, and every
field is compared. Give the data as it was given to 'criteria evaluate' (with the same
--map, --persons and --children).

The report lists each result that differs (id, field, stored value, recomputed value),
each result whose digest matches no known revision, each result whose candidate is not in
the data, and each candidate of the data that has no result (one deleted from the file).
Exit status: 0 when every result is reproduced exactly, 1 otherwise.

examples:
  criteria evaluate happy-family examples/data/commune/household.csv --persons examples/data/commune/person.csv -o ket-qua.jsonl
  criteria verify ket-qua.jsonl --data examples/data/commune/household.csv --persons examples/data/commune/person.csv
  criteria verify ket-qua.jsonl --data examples/data/commune/household.csv --persons examples/data/commune/person.csv --sets criteria_sets --format json""",
    ),
}
