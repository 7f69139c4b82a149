import zipfile
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from tests.helpers import make_xlsx
from trade_crm.exchange.files.workbook import cell_text
from trade_crm.exchange.importing.readers import ReadError, list_sheets, read_table, sniff


def test_header_is_found_below_a_merged_title_and_blank_rows(xlsx):
    path = xlsx([["Canton Fair 2026 Autumn - Visitors"], [], ["", "Company", "E-mail", "Tel"],
                 ["", "Acme GmbH", "a@acme.de", "+49 30 1234567"], [], ["", "Beta Ltd", "b@beta.co.uk", ""]],
                merge="A1:D1")
    table = read_table(path)
    assert table.header_row == 3
    assert table.headers == ("Column A", "Company", "E-mail", "Tel")
    assert [r.number for r in table.rows] == [4, 6]  # the blank row 5 is skipped, numbers kept
    assert table.rows[0].cells[1:] == ("Acme GmbH", "a@acme.de", "+49 30 1234567")


def test_an_instruction_row_above_the_header_is_passed_over(xlsx):
    path = xlsx([["填写说明：\n1、公司名称必填\n2、手机号请填写11位"], ["公司名称*", "联系人", "手机"], ["义乌小商品有限公司", "陈静", 13812345678]])
    table = read_table(path)
    assert (table.header_row, table.headers) == (2, ("公司名称*", "联系人", "手机"))


def test_two_row_header_under_a_merged_group_cell(xlsx):
    path = xlsx([["Company", "Contact", ""], ["", "Email", "Phone"], ["Acme", "a@acme.com", "+1 212 555 0100"]])
    table = read_table(path)
    assert table.headers == ("Company", "Email", "Phone")
    assert [r.number for r in table.rows] == [3]


def test_phone_numbers_stored_as_numbers_come_back_as_digits(xlsx):
    path = xlsx([["Company", "Phone", "Visited"], ["Acme", 8613812345678.0, datetime(2026, 10, 15)],
                 ["Beta", 1.38e10, date(2026, 10, 16)]])
    table = read_table(path)
    assert [r.cells for r in table.rows] == [("Acme", "8613812345678", "2026-10-15"), ("Beta", "13800000000", "2026-10-16")]


def test_cell_text_reads_numbers_as_a_person_sees_them():
    assert cell_text(1.5) == "1.5"
    assert cell_text(100.0) == "100"
    assert cell_text(0.1 + 0.2) == "0.3"
    assert cell_text(datetime(2026, 1, 2, 3, 4, 5)) == "2026-01-02 03:04:05"
    assert cell_text(True) == "TRUE"


def test_the_sheet_with_contacts_is_chosen_and_any_sheet_can_be_named(tmp_path):
    path = make_xlsx(tmp_path / "book.xlsx", [["说明"], ["请在第二个表填写"]], sheet="说明",
                     more={"客户": [["公司名称", "邮箱"], ["Acme", "a@acme.com"]], "Products": [["SKU"], ["X1"]]})
    assert read_table(path).sheet == "客户"
    assert read_table(path, "Products").headers == ("SKU",)
    with pytest.raises(ReadError, match='no sheet "Nope"; the sheets are "说明", "客户", "Products"'):
        read_table(path, "Nope")
    assert [s.name for s in list_sheets(path)] == ["说明", "客户", "Products"]


def test_hidden_sheets_are_listed_as_hidden_and_not_chosen(tmp_path):
    book = Workbook()
    book.active.title = "Visible"
    book.active.append(["Email"])
    book.active.append(["a@b.com"])
    hidden = book.create_sheet("Secret")
    hidden.sheet_state = "hidden"
    for row in (["Email"], ["x@y.com"], ["z@y.com"]):
        hidden.append(row)
    book.save(tmp_path / "h.xlsx")
    assert [(s.name, s.visible) for s in list_sheets(tmp_path / "h.xlsx")] == [("Visible", True), ("Secret", False)]
    assert read_table(tmp_path / "h.xlsx").sheet == "Visible"


def _with_million_styled_rows(source, target):
    rows = b"".join(b'<row r="%d" s="1" customFormat="1"><c r="A%d" s="1"/></row>' % (i, i)
                    for i in range(3, 1_048_577))
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", rows + b"</sheetData>").replace(b'ref="A1:B2"', b'ref="A1:XFD1048576"')
            out.writestr(item, data)


def test_a_million_formatted_empty_rows_are_skipped(tmp_path):
    """Styled but empty rows down to row 1,048,576 (and a declared dimension to XFD) are no data."""
    source = make_xlsx(tmp_path / "small.xlsx", [["Company", "Email"], ["Acme", "a@acme.com"]])
    _with_million_styled_rows(source, tmp_path / "big.xlsx")
    table = read_table(tmp_path / "big.xlsx")
    assert [r.cells for r in table.rows] == [("Acme", "a@acme.com")]


def test_a_formula_without_a_saved_result_is_reported(xlsx):
    path = xlsx([["Company", "Email", "Label"], ["Acme", "a@acme.com", "=A2&B2"]])
    table = read_table(path)
    assert table.notices and "1 formula cell(s) have no saved result" in table.notices[0]


@pytest.mark.parametrize(("name", "data", "message"), [
    ("list.csv", b"", "the file is empty"),
    ("list.xlsx", b"Company,Email\nAcme,a@b.com\n", 'ends in ".xlsx" but the file is plain text'),
    ("list.xls", b"<html><body><table><tr><td>Acme</td></tr></table></body></html>", "web page"),
    ("list.xlsx", b"PK\x03\x04" + b"\x00" * 200, "damaged or incomplete"),
    ("list.csv", b"%PDF-1.7 binary", "not a spreadsheet, CSV or vCard"),
    ("list.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le"),
     "protected by a password"),
])
def test_bad_files_get_a_message_that_says_what_they_are(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError, match=message) as caught:
        read_table(path)
    assert str(caught.value).startswith(name)


def test_a_workbook_named_csv_is_refused_with_a_hint(xlsx, tmp_path):
    path = xlsx([["Company"], ["Acme"]])
    renamed = tmp_path / "list.csv"
    renamed.write_bytes(path.read_bytes())
    with pytest.raises(ReadError, match='ends in ".csv" but the file is an Excel workbook'):
        read_table(renamed)


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as f:
        f.truncate(51 * 1024 * 1024)  # sparse: no disk used
    with pytest.raises(ReadError, match=r"51\.0 MB; files up to 50 MB"):
        read_table(path)


def test_a_sheet_with_only_a_title_has_no_rows_to_import(xlsx):
    with pytest.raises(ReadError, match="empty"):
        read_table(xlsx([[None], [None]]))


def test_a_csv_without_header_gets_column_letters(tmp_path):
    path = tmp_path / "noheader.csv"
    path.write_text("1,Acme,a@acme.com\n2,Beta,b@beta.com\n3,Gamma,c@gamma.com\n", encoding="utf-8")
    table = read_table(path)
    assert table.header_row is None
    assert table.headers == ("Column A", "Column B", "Column C")
    assert len(table.rows) == 3


def test_gbk_and_utf16_csv_read_with_correct_chinese(tmp_path):
    text = "公司名称,联系人,手机,国家\n深圳市华为技术有限公司,张三,13812345678,中国\n"
    (tmp_path / "gbk.csv").write_bytes(text.encode("gbk"))
    (tmp_path / "utf16.txt").write_bytes(text.replace(",", "\t").encode("utf-16"))
    for name in ("gbk.csv", "utf16.txt"):
        table = read_table(tmp_path / name)
        assert table.headers == ("公司名称", "联系人", "手机", "国家")
        assert table.rows[0].cells[:2] == ("深圳市华为技术有限公司", "张三")


def test_ragged_rows_widen_the_table_and_duplicate_headers_are_numbered(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("Name,Email,Email\nAda,a@x.com,b@x.com,extra\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ("Name", "Email", "Email (2)", "Column D")
    assert table.rows[0].cells == ("Ada", "a@x.com", "b@x.com", "extra")


def test_sniff_tells_content_from_extension():
    assert sniff(b"BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD") == "vcard"
    assert sniff("\ufeffBEGIN:VCARD".encode("utf-16")) == "vcard"
    assert sniff(b"a,b\n1,2\n") == "text"
    assert sniff(b"  \r\n") == "empty"


def test_without_python_calamine_xlsx_falls_back_to_openpyxl(xlsx, monkeypatch):
    from trade_crm.exchange.files import workbook

    monkeypatch.setattr(workbook, "_calamine", lambda: None)
    path = xlsx([["Title row"], ["Company", "Phone", "Visited"], ["Acme", 8613812345678, datetime(2026, 10, 15)]],
                more={"Other": [["x"]]})
    table = read_table(path)
    assert (table.header_row, table.rows[0].cells) == (2, ("Acme", "8613812345678", "2026-10-15"))
    assert [s.name for s in list_sheets(path)] == ["Sheet1", "Other"]
