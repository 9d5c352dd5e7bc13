"""``--help``: the one-line summaries of the commands and every option's help, and argparse's own
headings ("usage:", "options"), in Vietnamese and English. Key -> (vi, en)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.diff": (
        "những gì thay đổi giữa hai phiên bản, và kết quả của ai thay đổi",
        "what changes between two revisions, and whose result it changes",
    ),
    "help.diff.data": (
        "đánh giá dữ liệu này theo cả hai phiên bản; báo kết quả của ai thay đổi",
        "evaluate this data under both revisions; report whose result changes",
    ),
    "help.diff.limit": (
        "số đối tượng liệt kê ở dạng text và md (mặc định 50; 0: tất cả)",
        "candidates listed in text and md (default 50; 0: all)",
    ),
    "help.diff.refs": (
        "một hoặc hai phiên bản, phiên bản cũ trước",
        "one or two revisions, the older first",
    ),
    "help.diff.table": (
        'danh sách cần đọc trong tệp JSON dạng {{"households": [...]}}',
        'the list to read in a JSON file shaped {{"households": [...]}}',
    ),
    "help.evaluate": (
        "đánh giá các đối tượng trong một tệp dữ liệu",
        "evaluate the candidates of a data file",
    ),
    "help.evaluate.data": (
        "tệp dữ liệu (.csv, .xlsx, .json, .jsonl; - đọc JSONL từ đầu vào chuẩn)",
        "the data file (.csv, .xlsx, .json, .jsonl; - reads JSONL from stdin)",
    ),
    "help.evaluate.detail": (
        "chỉ kết quả từng tiêu chí (nhanh nhất), hoặc kèm giá trị và lý do (mặc định: full với json, jsonl và html)",
        "verdicts only (fastest), or with values and reasons (default: full for json, jsonl and html)",
    ),
    "help.evaluate.format": (
        "định dạng kết quả (mặc định: theo đuôi tệp của -o, nếu không thì bảng)",
        "output format (default: from -o's extension, else table)",
    ),
    "help.evaluate.group-by": (
        "đưa một cột (ví dụ village_id) vào kết quả và phần tổng hợp",
        "carry a column (e.g. village_id) into the output and summary",
    ),
    "help.evaluate.jobs": (
        "chia việc cho N tiến trình (kết quả như nhau)",
        "spread the work over N processes (same output)",
    ),
    "help.evaluate.rank": (
        "xếp theo điểm để thi đua; điểm bằng nhau thì cùng hạng",
        "order by score for a contest; equal scores share a rank",
    ),
    "help.explain": (
        "giải thích kết quả của một đối tượng",
        "explain one candidate's result",
    ),
    "help.explain.id": (
        "mã của đối tượng (lặp lại được)",
        "the candidate's id (repeatable)",
    ),
    "help.list": (
        "liệt kê các bộ tiêu chí và các phiên bản",
        "list the criteria sets and their revisions",
    ),
    "help.option.as-of": (
        "ngày áp dụng quy tắc, YYYY-MM-DD (mặc định: hôm nay; bỏ qua khi SET ghi rõ phiên bản)",
        "the day whose rules apply, YYYY-MM-DD (default: today; ignored when SET names a version)",
    ),
    "help.option.children": (
        "lấy danh sách LIST từ TỆP, mỗi dòng nối qua <đối tượng>_id (lặp lại được)",
        "fill the list LIST from FILE, each row linked by <subject>_id (repeatable)",
    ),
    "help.option.data": (
        "tệp dữ liệu (.csv, .xlsx, .json, .jsonl)",
        "the data file (.csv, .xlsx, .json, .jsonl)",
    ),
    "help.option.date": (
        "ngày của bước, YYYY-MM-DD (mặc định: hôm nay)",
        "the step's date, YYYY-MM-DD (default: today)",
    ),
    "help.option.format": (
        "text (mặc định), md (Markdown) hoặc json",
        "text (default), md (Markdown) or json",
    ),
    "help.option.header-row": (
        "dòng (dòng của tệp CSV) chứa tiêu đề cột (mặc định: tự tìm bên dưới phần tiêu đề bảng)",
        "the row (line of a CSV) holding the column headers (default: found below any title)",
    ),
    "help.option.help": (
        "in phần hướng dẫn này rồi thoát",
        "show this help message and exit",
    ),
    "help.option.keep": (
        'giữ nguyên một cột của dữ liệu trong kết quả, ví dụ "Họ tên chủ hộ" (lặp lại được)',
        'carry a column of the data into the output as it is, e.g. "Họ tên chủ hộ" (repeatable)',
    ),
    "help.option.lang": (
        "ngôn ngữ của kết quả (mặc định: CRITERIA_LANG, nếu không thì vi)",
        "language of the output (default: CRITERIA_LANG, else vi)",
    ),
    "help.option.lang-set": (
        "ngôn ngữ của kết quả (mặc định: CRITERIA_LANG, nếu không thì ngôn ngữ đầu tiên của bộ tiêu chí)",
        "language of the output (default: CRITERIA_LANG, else the set's first language)",
    ),
    "help.option.map": (
        "bảng ánh xạ cột: tệp YAML/JSON/CSV gồm các cặp 'tiêu đề cột: tên trường'",
        "column map: a YAML/JSON/CSV file of 'header: input name' pairs",
    ),
    "help.option.output": (
        "ghi ra TỆP thay vì in ra màn hình (tệp chỉ được đặt vào chỗ khi lệnh chạy xong; không bao giờ ghi đè tệp đầu vào, thư mục, thiết bị hay ống dẫn; liên kết thì ghi vào tệp đích)",
        "write to FILE instead of the screen (put in place only when the command succeeds; never the input, a folder, a device or a pipe; a link is written through)",
    ),
    "help.option.persons": (
        "bảng thành viên, nối qua <đối tượng>_id (giống --children persons=TỆP)",
        "the members' table, linked by <subject>_id (same as --children persons=FILE)",
    ),
    "help.option.register": (
        "sổ theo dõi bình xét (mặc định: {default})",
        "the award register (default: {default})",
    ),
    "help.option.set": (
        "bộ tiêu chí, ví dụ happy-family",
        "the criteria set, e.g. happy-family",
    ),
    "help.option.set-version": (
        "bộ tiêu chí, ví dụ happy-family hoặc happy-family@2026.2",
        "the criteria set, e.g. happy-family or happy-family@2026.2",
    ),
    "help.option.sets": (
        "thư mục (hoặc tệp) bộ tiêu chí; lặp lại để dùng nhiều thư mục (mặc định: các bộ tiêu chí có sẵn)",
        "a folder (or file) of criteria sets; repeat for several (default: the shipped sets)",
    ),
    "help.option.sheet": (
        "trang bảng tính Excel cần đọc (mặc định: trang đầu tiên)",
        "the Excel sheet to read (default: the first)",
    ),
    "help.option.unit": (
        "đơn vị họp biểu quyết: thôn với hộ gia đình, xã với thôn và trường học",
        "the unit whose meeting votes: a village for households, a commune for villages and schools",
    ),
    "help.option.version": (
        "in số phiên bản của chương trình rồi thoát",
        "show program's version number and exit",
    ),
    "help.option.year": (
        "năm của đợt bình xét (mặc định: năm của --date)",
        "the round's year (default: the year of --date)",
    ),
    "help.options": (
        "tùy chọn",
        "options",
    ),
    "help.positionals": (
        "tham số",
        "positional arguments",
    ),
    "help.register": (
        "kiểm tra, xuất hoặc nhập sổ theo dõi bình xét",
        "check, export or import the award register",
    ),
    "help.register.source": (
        "bản xuất (thư mục hoặc .xlsx) hoặc bảng lịch sử (.csv, .xlsx)",
        "an export (folder or .xlsx) or a history table (.csv, .xlsx)",
    ),
    "help.register.target": (
        "một tệp .xlsx, hoặc một thư mục cho các tệp CSV",
        "a .xlsx file, or a folder for CSV files",
    ),
    "help.report": (
        "ghi báo cáo HTML để in",
        "write the printable HTML report",
    ),
    "help.report.audience": (
        "commune: bảng điểm; public: danh sách niêm yết; letters: thư gửi từng hộ",
        "commune: the score sheet; public: the list to post; letters: one letter per household",
    ),
    "help.report.authority": (
        "cơ quan ban hành in ở đầu văn bản, ví dụ UBND xã Bản Xèo",
        "the issuing body printed at the top, e.g. UBND xã Bản Xèo",
    ),
    "help.report.group-by": (
        "vẽ tỷ lệ đạt theo cột này (mặc định: village_id nếu dữ liệu có cột này)",
        "chart the pass rate by this column (default: village_id when the data has it)",
    ),
    "help.report.jobs": (
        "chia việc cho N tiến trình",
        "spread the work over N processes",
    ),
    "help.report.place": (
        "nơi ký văn bản, ví dụ Bản Xèo",
        "where the document is signed, e.g. Bản Xèo",
    ),
    "help.report.rank": (
        "xếp các trang theo điểm",
        "order the cards by score",
    ),
    "help.round": (
        "thực hiện bình xét từng bước",
        "run the award round step by step",
    ),
    "help.round.correct": (
        "thay bản ghi gần nhất (sửa sai sót khi nhập)",
        "replace the latest record (a typing mistake)",
    ),
    "help.round.data": (
        "thư mục bộ dữ liệu (examples/data/commune) hoặc tệp dữ liệu của các đối tượng",
        "a dataset folder (examples/data/commune) or the candidates' data file",
    ),
    "help.round.decide-by": (
        "người ra quyết định",
        "who decides",
    ),
    "help.round.format": (
        "định dạng kết quả (mặc định: text)",
        "output format (default: text)",
    ),
    "help.round.id": (
        "chỉ đối tượng này (lặp lại được)",
        "only this candidate (repeatable)",
    ),
    "help.round.invited": (
        "số được mời (mặc định: mỗi hộ một người)",
        "those invited (default: one per household)",
    ),
    "help.round.minutes": (
        "ghi kèm mẫu biên bản (.html)",
        "also write the minutes template (.html)",
    ),
    "help.round.note": (
        "ghi chú lưu kèm bản ghi",
        "a note kept with the record",
    ),
    "help.round.number": (
        "số thứ tự của phản ánh",
        "the objection's number",
    ),
    "help.round.object-by": (
        "người phản ánh",
        "who objects",
    ),
    "help.round.object-id": (
        "đối tượng bị phản ánh",
        "the candidate the objection is about",
    ),
    "help.round.outcome": (
        "upheld (chấp nhận) thì đảo ngược đề nghị",
        "upheld reverses the proposal",
    ),
    "help.round.output": (
        "ghi văn bản ra TỆP ({kinds})",
        "write the document to FILE ({kinds})",
    ),
    "help.round.persons": (
        "bảng thành viên của một tệp dữ liệu đơn, nối qua <đối tượng>_id",
        "the members' table of a single data file, linked by <subject>_id",
    ),
    "help.round.present": (
        "số dự họp, hoặc số phiếu thu về (thay số trên phiếu)",
        "those present, or ballots returned (overrides the sheet)",
    ),
    "help.round.reference": (
        "số quyết định, ví dụ 123/QĐ-UBND",
        "the decision's number, e.g. 123/QĐ-UBND",
    ),
    "help.round.resolve-by": (
        "người giải quyết",
        "who resolved it",
    ),
    "help.round.resolve-note": (
        "lý do",
        "the reasons",
    ),
    "help.round.set": (
        "bộ tiêu chí (phiên bản có hiệu lực vào --date nếu không ghi rõ)",
        "the criteria set (the revision in force on --date unless named)",
    ),
    "help.round.text": (
        "nội dung phản ánh",
        "what the objection says",
    ),
    "help.round.votes": (
        "ghi số dự họp và kết quả biểu quyết của cuộc họp",
        "record the meeting's attendance and votes",
    ),
    "help.round.votes-invited": (
        "số được mời (thay số trên phiếu)",
        "those invited (overrides the sheet)",
    ),
    "help.round.written": (
        "lấy ý kiến bằng phiếu sau một cuộc họp không đủ số lượng tối thiểu",
        "written ballots after a meeting without a quorum",
    ),
    "help.schema": (
        "in JSON Schema của tệp bộ tiêu chí",
        "print the JSON Schema of criteria-set files",
    ),
    "help.show": (
        "hiển thị các tiêu chí của một bộ dưới dạng cây",
        "show a set's criteria as a tree",
    ),
    "help.show.inputs": (
        "liệt kê thêm dữ liệu bộ tiêu chí cần (các cột của bảng tính)",
        "also list the data the set needs (spreadsheet columns)",
    ),
    "help.show.code": (
        "in mã Python do bộ tiêu chí sinh ra thay vì cây tiêu chí (kèm số dòng YAML)",
        "print the generated Python code instead (with YAML line numbers)",
    ),
    "help.template": (
        "ghi mẫu bảng tính trống (xlsx hoặc csv) cho một bộ tiêu chí",
        "write an empty data template (xlsx or csv) for a set",
    ),
    "help.template.format": (
        "xlsx (mặc định, hoặc theo đuôi tệp của -o) hoặc csv",
        "xlsx (default, or from -o's extension) or csv",
    ),
    "help.template.set": (
        "bộ tiêu chí, ví dụ happy-family hoặc happy-family@2027.1",
        "the criteria set, e.g. happy-family or happy-family@2027.1",
    ),
    "help.test": (
        "chạy các ví dụ lưu kèm bộ tiêu chí",
        "run the examples stored with a set",
    ),
    "help.usage": (
        "cách dùng: ",
        "usage: ",
    ),
    "help.validate": (
        "kiểm tra tệp bộ tiêu chí",
        "check criteria-set files",
    ),
    "help.validate.format": (
        "text (mặc định) hoặc json",
        "text (default) or json",
    ),
    "help.validate.paths": (
        "các tệp hoặc thư mục bộ tiêu chí",
        "files or folders of criteria sets",
    ),
    "help.verify": (
        "kiểm tra kết quả đã lưu có được tính lại đúng bằng quy tắc đã tạo ra chúng",
        "check that stored results are reproduced by the rules that made them",
    ),
    "help.verify.data": (
        "dữ liệu đã dùng để tính các kết quả",
        "the data the results were computed from",
    ),
    "help.verify.results": (
        "các kết quả đã lưu: một tệp JSON hoặc JSONL",
        "the stored results: a JSON or JSONL file",
    ),
    "help.register.check": (
        "kiểm tra tính toàn vẹn của sổ",
        "check the register's integrity",
    ),
    "help.register.export": (
        "xuất mọi bảng thành các tệp CSV hoặc một tệp XLSX",
        "export every table as CSV files or one XLSX",
    ),
    "help.register.import": (
        "nhập một bản xuất hoặc một bảng lịch sử",
        "import an export or a history table",
    ),
    "help.round.decide": (
        "ghi quyết định và xuất danh sách quyết định",
        "record the decision and write the decision list",
    ),
    "help.round.letters": (
        "ghi thư gửi từng đối tượng kèm kết quả",
        "write one letter per candidate with its result",
    ),
    "help.round.object": (
        "ghi một phản ánh nhận được trong thời gian niêm yết",
        "record an objection received during the posting",
    ),
    "help.round.open": (
        "đánh giá các đối tượng của đơn vị và mở đợt bình xét",
        "evaluate the unit's candidates and open the round",
    ),
    "help.round.post": (
        "niêm yết công khai danh sách (chỉ tên và kết quả)",
        "post the list publicly (names and outcomes only)",
    ),
    "help.round.resolve": (
        "ghi kết quả giải quyết một phản ánh",
        "record how an objection was resolved",
    ),
    "help.round.sheet": (
        "ghi phiếu biểu quyết và mẫu biên bản",
        "write the voting sheet and the minutes template",
    ),
    "help.round.sheet-file": (
        "phiếu biểu quyết đã điền (.xlsx hoặc .csv)",
        "the filled-in voting sheet (.xlsx or .csv)",
    ),
    "help.round.status": (
        "xem đợt bình xét đang ở bước nào và việc gì đã quá hạn",
        "show where the round stands and what is overdue",
    ),
}
