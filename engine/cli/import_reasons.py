"""The importer's reasons in Vietnamese, for ``onceonly import``'s lines on stderr.

The importer (``engine.importer``, ``engine.imports``, ``engine.portal``) words
its reasons in English, and they are kept so in the JSON output
(``--output-format json``), in ``--problems FILE`` and in the store. The CLI
says them in the language of ``--lang``: :func:`reason` rewrites each known
reason into Vietnamese and leaves the places and names in it as they are
(``crawl.jsonl:7``, ``records.json#3``, ``thanh_phan_ho_so``, a column title,
a mapping's name). A reason it does not know (a database driver's message, a
data model's check) is left as it came.
"""

from __future__ import annotations

import functools
import re

#: A pseudo-field of a problem (no field of the record): its words in Vietnamese.
PLACES = {
    "(file)": "(tệp)",
    "(record)": "(bản ghi)",
    "(line)": "(dòng)",
    "(row)": "(hàng)",
    "(sheet)": "(trang tính)",
    "(ministry)": "(bộ, ngành)",
}

#: The JSON reader's (orjson's) own messages, quoted after "invalid JSON at ...".
JSON_MESSAGES = {
    "unexpected end of data": "dữ liệu kết thúc giữa chừng",
    "unexpected character": "ký tự không mong đợi",
    "invalid literal": "giá trị không hợp lệ",
    "input length is 0": "không có dữ liệu",
    "unexpected content after document": "còn nội dung sau khi tài liệu JSON kết thúc",
    "invalid escaped character in string": "ký tự thoát (escape) không hợp lệ trong chuỗi",
    "unexpected control character in string": "ký tự điều khiển không mong đợi trong chuỗi",
    "no digit after minus sign": "không có chữ số sau dấu trừ",
    "number with leading zero is not allowed": "số không được bắt đầu bằng chữ số 0",
}

_TYPES = {"an object": "một đối tượng", "a list": "một danh sách", "text": "văn bản", "true/false": "true/false"}

#: ``(English pattern, Vietnamese template)``: the pattern matches a whole reason, or the
#: part of a message after its place ("book.xlsx: ", "t.csv:1: ", "mapping.yaml:4: fields: ").
_REASONS: tuple[tuple[str, str], ...] = (
    # one record (engine.importer, engine.imports.readers / tables / mapping, engine.portal)
    (r"parser failed: (?P<type>\w+)", "bộ phân tích gặp lỗi: {type}"),
    (r"expected a JSON object, got (?P<type>\w+)", "cần một đối tượng JSON, nhận được {type}"),
    (r"no procedure produced", "không ra được thủ tục nào"),
    (r"unreadable JSON: (?P<type>\w+)", "không đọc được JSON: {type}"),
    (r"invalid JSON at line (?P<line>\d+) column (?P<col>\d+): (?P<json>.*)", "JSON không hợp lệ ở dòng {line}, cột {col}: {json}"),
    (r"invalid JSON at column (?P<col>\d+): (?P<json>.*)", "JSON không hợp lệ ở cột {col}: {json}"),
    (r"expected a JSON array of records", "cần một mảng JSON gồm các bản ghi"),
    (r"the file ends without closing the array \(after (?P<where>.+)\)", "tệp kết thúc khi mảng chưa đóng (sau {where})"),
    (r"text after the end of the array at line (?P<line>\d+) column (?P<col>\d+)",
     "còn văn bản sau khi mảng kết thúc, ở dòng {line}, cột {col}"),
    (r"expected ',' or '\]' after record #(?P<n>\d+) at line (?P<line>\d+) column (?P<col>\d+)",
     "cần ',' hoặc ']' sau bản ghi #{n}, ở dòng {line}, cột {col}"),
    (r"truncated record: the file ends inside it \(it starts at line (?P<line>\d+)\)",
     "bản ghi bị cắt: tệp kết thúc giữa bản ghi (bản ghi bắt đầu ở dòng {line})"),
    (r"truncated record: the file ends inside it \(column (?P<col>\d+)\)",
     "bản ghi bị cắt: tệp kết thúc giữa bản ghi (ở cột {col})"),
    (r"not readable as CSV: (?P<csv>.*)", "không đọc được theo dạng CSV: {csv}"),
    (r"the row has (?P<a>\d+) cells, the header (?P<b>\d+)", "hàng có {a} ô, dòng tiêu đề có {b}"),
    (r"the row has cells beyond the header's (?P<n>\d+) columns", "hàng có ô nằm ngoài {n} cột của dòng tiêu đề"),
    (r"the sheet cannot be read from here on \((?P<type>\w+)\)", "không đọc được trang tính từ đây trở đi ({type})"),
    (r"not UTF-8 text \(save the file as UTF-8\)", "không phải văn bản UTF-8 (hãy lưu tệp theo mã UTF-8)"),
    (r"a JSON list that does not parse \(column (?P<col>\d+)\): (?P<json>.*)",
     "danh sách JSON không đọc được (cột {col}): {json}"),
    (r"expected text or a list of papers, got (?P<kind>.+)", "cần văn bản hoặc danh sách giấy tờ, nhận được {kind}"),
    (r"a list with no paper named in it", "danh sách không nêu giấy tờ nào"),
    (r"expected text, got (?P<kind>.+)", "cần văn bản, nhận được {kind}"),
    (r"(?P<a>\d+) papers given, read as (?P<b>\d+) entries: their quantities and forms were not applied",
     "có {a} giấy tờ, đọc thành {b} thành phần hồ sơ: số lượng và hình thức của chúng không được áp dụng"),
    (r"missing procedure code", "thiếu mã thủ tục"),
    (r"malformed procedure code (?P<code>.+)", "mã thủ tục sai dạng: {code}"),
    (r"missing procedure name", "thiếu tên thủ tục"),
    (r"not a slug: (?P<id>.+)", "không phải mã bộ, ngành hợp lệ (chữ thường, số, dấu gạch ngang): {id}"),
    (r"missing dossier", "thiếu thành phần hồ sơ"),
    (r"empty dossier", "thành phần hồ sơ trống"),
    (r"no quantity cell \('N bản chính'\) found", "không tìm thấy ô số lượng ('N bản chính')"),
    # the input as a whole (engine.imports.readers / tables): error lines, exit 2
    (r"neither a JSON array nor a JSON object \(first byte (?P<byte>.+)\)",
     "không phải mảng JSON cũng không phải đối tượng JSON (byte đầu tiên {byte})"),
    (r"cannot tell its format from its name; give --format json, jsonl, csv or xlsx",
     "không nhận ra định dạng từ tên tệp; hãy cho --format json, jsonl, csv hoặc xlsx"),
    (r"unknown format (?P<format>.+): one of (?P<formats>.+)", "định dạng không biết {format}: chỉ nhận {formats}"),
    (r"no such file or folder", "không có tệp hay thư mục này"),
    (r"a folder, not a (?P<format>\w+) file", "là một thư mục, không phải tệp {format}"),
    (r"empty, or its first line \(the header\) is blank", "tệp trống, hoặc dòng đầu (dòng tiêu đề) để trống"),
    (r"the header cannot be read as CSV: (?P<csv>.*)", "không đọc được dòng tiêu đề theo dạng CSV: {csv}"),
    (r"the header is not UTF-8 text \(save the file as UTF-8\)",
     "dòng tiêu đề không phải văn bản UTF-8 (hãy lưu tệp theo mã UTF-8)"),
    (r"two columns are headed (?P<title>.+) \(columns (?P<a>\d+) and (?P<b>\d+)\)",
     "hai cột cùng tiêu đề {title} (cột {a} và cột {b})"),
    (r"not an Excel workbook \(\.xlsx\), or a damaged one \((?P<type>\w+)\)",
     "không phải sổ tính Excel (.xlsx), hoặc tệp đã hỏng ({type})"),
    (r"the sheet cannot be read \((?P<type>\w+)\)", "không đọc được trang tính ({type})"),
    (r"no sheet has a header row", "không trang tính nào có dòng tiêu đề"),
    (r"left out, its header lacks columns mapping (?P<mapping>.+) needs",
     "bị bỏ qua, dòng tiêu đề thiếu cột mà ánh xạ {mapping} cần"),
    # a mapping (engine.imports.mapping, engine.yamlio)
    (r"no field (?P<names>.+) in the header of (?P<label>.+) \(it has: (?P<has>.*)\)",
     "không có trường {names} trong dòng tiêu đề của {label} (chỉ có: {has})"),
    (r"no field (?P<names>.+) in the first (?P<n>\d+) record\(s\) of (?P<name>.+) \(it has: (?P<has>.*)\)",
     "không có trường {names} trong {n} bản ghi đầu tiên của {name} (chỉ có: {has})"),
    (r"no such mapping file, and no shipped mapping of that name \(shipped: (?P<names>.*)\)",
     "không có tệp ánh xạ này, cũng không có ánh xạ kèm theo nào mang tên này (ánh xạ kèm theo: {names})"),
    (r"expected a mapping with name and fields", "cần một ánh xạ có name và fields"),
    (r"unknown key \(one of (?P<keys>.+)\)", "khóa không biết (chỉ nhận: {keys})"),
    (r"required: the mapping's name", "bắt buộc: tên của ánh xạ"),
    (r"required: which record field holds the code, the name, the dossier \.\.\.",
     "bắt buộc: trường nào của bản ghi chứa mã, tên, thành phần hồ sơ ..."),
    (r"unknown field \(one of (?P<fields>.+)\)", "trường không biết (chỉ nhận: {fields})"),
    (r"(?P<field>fields\.\w+) is required", "bắt buộc phải có {field}"),
    (r"expected the keys of a paper: (?P<keys>.+)", "cần các khóa của một giấy tờ: {keys}"),
    (r"a full_text section needs fields\.full_text", "mục full_text cần có fields.full_text"),
    (r"expected heading, after, until", "cần heading, after, until"),
    (r"expected text", "cần văn bản"),
    (r"expected a field name or a list of field names", "cần một tên trường hoặc danh sách tên trường"),
    (r"duplicate key \(first at line (?P<line>\d+)\)", "khóa bị lặp (lần đầu ở dòng {line})"),
    (r"malformed YAML: (?P<yaml>.*)", "YAML sai cú pháp: {yaml}"),
    (r"cannot read file: (?P<os>.*)", "không đọc được tệp: {os}"),
)


@functools.cache
def _table() -> tuple[tuple[re.Pattern[str], str], ...]:
    # A reason is the whole text, or what follows a place and ": " (never a word's tail).
    return tuple((re.compile(rf"(?:^|(?<=: )){pattern}$"), template) for pattern, template in _REASONS)


def _value(name: str, text: str) -> str:
    if name == "json":
        return JSON_MESSAGES.get(text, text)
    if name == "kind":
        return _TYPES.get(text, text)
    if name == "has" and text == "nothing":
        return "không có gì"
    return text


def reason(text: str, lang: str) -> str:
    """``text`` (a reason, or an error message with its place) in ``lang``; English is the importer's own."""
    if lang != "vi":
        return text
    return "\n".join(_line(line) for line in text.split("\n"))


def _line(line: str) -> str:
    for pattern, template in _table():
        found = pattern.search(line)
        if found:
            values = {k: _value(k, v) for k, v in found.groupdict().items()}
            return line[: found.start()] + template.format(**values)
    return line


def place(field: str, lang: str) -> str:
    """A problem's field: the record's own field name as it is, a pseudo-field ("(row)") in ``lang``."""
    return PLACES.get(field, field) if lang == "vi" else field
