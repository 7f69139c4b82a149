"""Hostile import files, generated in code: bombs, far cells, broken zips, truncations, byte flips,
CSV quoting, encodings and vCard folding. Each case is (id, file name, builder, expectation):
("import", n) a correct import creating n customers; ("refuse", text) exit 2 with one line holding
`text`; ("either", None) any of the two, never a crash, a hang or a traceback.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from trade_crm.exchange.importing.readers import column_letter

ROWS = [["Company", "Email", "Country"], ["Acme Trading GmbH", "buyer@acme.de", "DE"],
        ["Globex Ltd", "sales@globex.co.uk", "GB"], ["Initech Inc", "info@initech.com", "US"]]

_CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                  b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                  b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
                  b'"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
                  b'sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
                  b'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
         b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = (b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
             b'2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
             b'<sheet name="Customers" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                  b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                  b'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')

_ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:'
           'opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def ods(extra: str = "") -> bytes:
    """A minimal OpenDocument spreadsheet holding ROWS, then `extra` (rows) in the same table."""
    def cell(text: str) -> str:
        return f'<table:table-cell office:value-type="string"><text:p>{escape(text)}</text:p></table:table-cell>'
    rows = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in ROWS)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} office:version="1.2">'
               f'<office:body><office:spreadsheet><table:table table:name="Customers">{rows}{extra}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                         'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
                         'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>')
    return out.getvalue()


def _opendocument() -> list[Case]:
    value = '<table:table-cell office:value-type="string"%s><text:p>x</text:p></table:table-cell>'
    refuse = ("refuse", "can be read")
    cases = [("good", "", ("import", 3)),
             ("columns_repeated", "<table:table-row>" + value % ' table:number-columns-repeated="16384"'
              + "</table:table-row>", refuse),
             ("rows_repeated", '<table:table-row table:number-rows-repeated="1048576">' + value % ""
              + "</table:table-row>", refuse),
             ("both_repeated", '<table:table-row table:number-rows-repeated="100000">'
              + value % ' table:number-columns-repeated="1000"' + "</table:table-row>", refuse),
             ("empty_rows_repeated", '<table:table-row table:number-rows-repeated="1048570"><table:table-cell '
              'table:number-columns-repeated="1024"/></table:table-row>', ("import", 3)),
             ("huge_repeat_number", '<table:table-row table:number-rows-repeated="99999999999999">' + value % ""
              + "</table:table-row>", ("either", None))]
    return [Case(f"ods_{name}", "list.ods", lambda extra=extra: ods(extra), expect) for name, extra, expect in cases]


def sheet_xml(rows=ROWS, extra: bytes = b"", dimension: bytes = b"A1:C4") -> bytes:
    body = b"".join(
        b'<row r="%d">' % (r + 1) + b"".join(
            b'<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (column_letter(c).encode(), r + 1, escape(v).encode())
            for c, v in enumerate(row)) + b"</row>" for r, row in enumerate(rows))
    return (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><dimension ref="' + dimension + b'"/><sheetData>' + body + extra
            + b"</sheetData></worksheet>")


def xlsx(sheet: bytes | None = None, *, more: dict[str, bytes] | None = None,
         method: int = zipfile.ZIP_DEFLATED) -> bytes:
    parts = {"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS, "xl/workbook.xml": _WORKBOOK,
             "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS, "xl/worksheets/sheet1.xml": sheet or sheet_xml()}
    parts.update(more or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def patch_directory(data: bytes, member: str, **fields: int) -> bytes:
    """Change fields of one member's central-directory entry (and its local header where they repeat)."""
    data = bytearray(data)
    at = data.find(b"PK\x01\x02" + b"")
    while at >= 0:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + name_len] == member.encode():
            local = struct.unpack_from("<I", data, at + 42)[0]
            for key, (offset, fmt, local_offset) in _FIELDS.items():
                if key in fields:
                    struct.pack_into(fmt, data, at + offset, fields[key])
                    if local_offset is not None:
                        struct.pack_into(fmt, data, local + local_offset, fields[key])
            return bytes(data)
        at = data.find(b"PK\x01\x02", at + 4)
    raise KeyError(member)


_FIELDS = {"version": (6, "<H", 4), "flags": (8, "<H", 6), "method": (10, "<H", 8),
           "compressed": (20, "<I", 18), "size": (24, "<I", 22)}


def _bomb(member: str, size: int) -> bytes:
    return xlsx(more={member: b"<a>" + b" " * size + b"</a>"})


def _lying_small(member: str) -> bytes:
    """A member that inflates to 20 MB while its directory entry says 1 KB."""
    data = xlsx(more={member: b"<a>" + b" " * (20 * 1024 * 1024) + b"</a>"})
    return patch_directory(data, member, size=1024)


def many_members(count: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        for index in range(count):
            archive.writestr(f"x/{index}", b"")
    return out.getvalue()


def _deflate_raw_damaged() -> bytes:
    data = bytearray(xlsx(sheet_xml(ROWS * 30)))
    at = data.find(b"xl/worksheets/sheet1.xml") + len("xl/worksheets/sheet1.xml")
    for offset in range(40, 60):
        data[at + offset] ^= 0x5A
    return bytes(data)


def record(kind: int, body: bytes = b"") -> bytes:
    """One BIFF12 record of an .xlsb part: type and size as base-128 numbers, then the body."""
    head = bytes([kind]) if kind < 0x80 else bytes([kind & 0x7F | 0x80, kind >> 7])
    size, length = len(body), bytearray()
    while True:
        length.append(size & 0x7F | (0x80 if size >> 7 else 0))
        size >>= 7
        if not size:
            return head + bytes(length) + body


def _wide(text: str) -> bytes:
    data = text.encode("utf-16-le")
    return struct.pack("<I", len(data) // 2) + data


def row_record(row: int) -> bytes:
    return record(0x0000, struct.pack("<IIHBBBI", row, 0, 0x12C, 0, 0, 0, 0))  # BrtRowHdr, 0-based row


def number_record(column: int, value: float = 1.0) -> bytes:
    return record(0x0005, struct.pack("<IId", column, 0, value))  # BrtCellReal, 0-based column


def xlsb_sheet(rows=ROWS, extra: bytes = b"") -> bytes:
    """A worksheet part: BrtBeginSheet, BrtWsDim, BrtBeginSheetData, a row and BrtCellSt per value, `extra`."""
    body = record(0x0081) + record(0x0094, struct.pack("<4I", 0, len(rows) - 1, 0, 2)) + record(0x0091)
    for index, row in enumerate(rows):
        body += row_record(index) + b"".join(record(0x0006, struct.pack("<II", column, 0) + _wide(value))
                                             for column, value in enumerate(row))
    return body + extra + record(0x0092) + record(0x0082)


def xlsb(sheet: bytes | None = None) -> bytes:
    """A minimal .xlsb, written record by record (no library in the lock writes the format)."""
    book = (record(0x0083) + record(0x008F) + record(0x009C, struct.pack("<II", 0, 1) + _wide("rId1")
            + _wide("Customers")) + record(0x0090) + record(0x009D, bytes(26)) + record(0x0084))
    parts = {"[Content_Types].xml": _CONTENT_TYPES.replace(b"workbook.xml", b"workbook.bin").replace(
                 b"sheet1.xml", b"sheet1.bin"),
             "_rels/.rels": _RELS.replace(b"workbook.xml", b"workbook.bin"),
             "xl/workbook.bin": book,
             "xl/_rels/workbook.bin.rels": _WORKBOOK_RELS.replace(b"sheet1.xml", b"sheet1.bin"),
             "xl/worksheets/sheet1.bin": sheet if sheet is not None else xlsb_sheet()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def csv_bytes(rows=ROWS, encoding="utf-8") -> bytes:
    return "".join(",".join(row) + "\r\n" for row in rows).encode(encoding)


def vcard_bytes(count: int = 3) -> bytes:
    return b"".join(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %d\r\nORG:Company %d\r\nEMAIL:p%d@firm%d.com\r\n"
                    b"END:VCARD\r\n" % (i, i, i, i) for i in range(count))


@dataclass(frozen=True)
class Case:
    id: str
    name: str
    build: Callable[[], bytes]
    expect: tuple[str, object]


def _far_cells() -> list[Case]:
    refuse = ("refuse", "can be read")
    cells = [("xfd1048576", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', refuse),
             ("row_4294967295", b'<row r="4294967295"><c><v>1</v></c></row>', refuse),
             ("cell_ref_a4294967295", b'<row r="5"><c r="A4294967295"><v>1</v></c></row>', refuse),
             ("column_alm", b'<row r="5"><c r="ALM5"><v>1</v></c></row>', refuse),
             ("area_too_big", b'<row r="150000"><c r="ALL150000"><v>1</v></c></row>', refuse),
             ("rows_over_limit", b'<row r="300000"><c r="A300000"><v>1</v></c></row>', refuse),
             ("five_letter_column", b'<row r="5"><c r="ZZZZZ5"><v>1</v></c></row>', refuse),
             ("positional_far", b'<row r="5"><c r="XFD5"/><c><v>1</v></c></row>', ("either", None)),
             ("styled_empty_far", b'<row r="1048576"><c r="XFD1048576" s="1"/></row>', ("import", 3)),
             ("row_zero", b'<row r="0"><c r="A0"><v>1</v></c></row>', ("either", None)),
             ("ref_digits_only", b'<row r="6"><c r="6"><v>1</v></c></row>', ("either", None)),
             ("ref_letters_only", b'<row r="6"><c r="B"><v>1</v></c></row>', ("either", None)),
             ("ref_lowercase", b'<row r="6"><c r="xfd1048576"><v>1</v></c></row>', ("either", None)),
             ("ref_single_quotes", b"<row r='6'><c r='XFD1048576'><v>1</v></c></row>", refuse),
             ("prefixed_tags", b'<x:row r="9"><x:c r="XFD9"><x:v>1</x:v></x:c></x:row>', ("either", None)),
             ("negative_row", b'<row r="-5"><c r="A-5"><v>1</v></c></row>', ("either", None)),
             ("huge_row_number", b'<row r="99999999999999999999"><c><v>1</v></c></row>', ("either", None))]
    cases = [Case(f"far_{name}", "far.xlsx", lambda extra=extra: xlsx(sheet_xml(extra=extra)), expect)
             for name, extra, expect in cells]
    cases.append(Case("far_declared_dimension_only", "dim.xlsx",
                      lambda: xlsx(sheet_xml(dimension=b"A1:XFD1048576")), ("import", 3)))
    return cases


def _zips() -> list[Case]:
    refuse, either = ("refuse", None), ("either", None)
    cases = [Case("xlsx_good", "good.xlsx", xlsx, ("import", 3)),
             Case("xlsx_stored", "stored.xlsx", lambda: xlsx(method=zipfile.ZIP_STORED), ("import", 3)),
             Case("zip_lzma", "lzma.xlsx", lambda: xlsx(method=zipfile.ZIP_LZMA), ("refuse", "method 14")),
             Case("zip_encrypted_flag", "enc.xlsx", lambda: patch_directory(xlsx(), "xl/workbook.xml", flags=1),
                  ("refuse", "password")),
             Case("zip_method_99", "m99.xlsx", lambda: patch_directory(xlsx(), "xl/workbook.xml", method=99), refuse),
             Case("zip_version_99", "v99.xlsx", lambda: patch_directory(xlsx(), "xl/workbook.xml", version=990),
                  refuse),
             Case("zip_utf8_flag_bad_name", "name.xlsx", lambda: patch_directory(
                 xlsx(more={"x\xff.xml": b"<a/>"}), "x\xff.xml", flags=0x800), either),
             Case("zip_damaged_deflate", "zlib.xlsx", _deflate_raw_damaged, refuse),
             Case("zip_many_members", "many.xlsx", lambda: many_members(20_000), ("refuse", "parts")),
             Case("zip_not_a_workbook", "plain.xlsx", lambda: many_members(3)[:0] + _plain_zip(), refuse),
             Case("zip_declares_300_mb", "declared.xlsx", lambda: patch_directory(
                 xlsx(more={"docProps/custom.xml": b"<a/>"}), "docProps/custom.xml", size=300 * 1024 * 1024),
                  refuse)]
    for member in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "docProps/custom.xml", "xl/sharedStrings.xml",
                   "xl/worksheets/sheet1.xml", "xl/styles.xml"):
        short = member.rsplit("/", 1)[-1].replace(".", "_")
        cases.append(Case(f"bomb_{short}", "bomb.xlsx", lambda m=member: _bomb(m, 30 * 1024 * 1024),
                          ("refuse", "zip bomb")))
        cases.append(Case(f"lying_size_{short}", "lying.xlsx", lambda m=member: _lying_small(m), refuse))
    return cases


def _plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return out.getvalue()


def _mutations(rng: random.Random) -> list[Case]:
    base, sheet = xlsx(), sheet_xml()
    cases = [Case(f"truncated_xlsx_{n}", "cut.xlsx", lambda n=n: base[:n], ("either", None))
             for n in sorted({rng.randrange(1, len(base)) for _ in range(40)})]
    cases += [Case(f"flipped_xlsx_{n}", "flip.xlsx", lambda n=n: _flip(base, n), ("either", None))
              for n in sorted({rng.randrange(0, len(base)) for _ in range(60)})]
    for n in sorted({rng.randrange(0, len(sheet)) for _ in range(80)}):
        byte = rng.choice(b'9Z<>"/ \x00\xff')
        cases.append(Case(f"xml_mutation_{n}_{byte}", "xml.xlsx",
                          lambda n=n, b=byte: xlsx(sheet[:n] + bytes([b]) + sheet[n + 1:]), ("either", None)))
    return cases


def template() -> bytes:
    """A workbook as XlsxWriter writes it: shared strings, styles, a date, a number, document properties."""
    from datetime import date

    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("Customers")
    for index, row in enumerate(ROWS):
        sheet.write_row(index, 0, row)
    sheet.write_string(0, 3, "Met")
    sheet.write_datetime(1, 3, date(2026, 4, 15), book.add_format({"num_format": "yyyy-mm-dd"}))
    sheet.write_string(0, 4, "Quantity")
    sheet.write_number(1, 4, 5000)
    book.close()
    return out.getvalue()


def _rezipped(data: bytes, member: str, change: Callable[[bytes], bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info)
            target.writestr(info.filename, change(part) if info.filename == member else part)
    return out.getvalue()


def _template_mutations(rng: random.Random) -> list[Case]:
    base = template()
    cases = [Case("template_good", "template.xlsx", lambda: base, ("import", 3))]
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        parts = {name: archive.read(name) for name in ("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                                                       "xl/workbook.xml", "xl/styles.xml")}
    for member, part in parts.items():
        short = member.rsplit("/", 1)[-1].split(".")[0]
        for at in sorted({rng.randrange(0, len(part)) for _ in range(15)}):
            byte = rng.choice(b'09AZ<>"=/ ')
            cases.append(Case(f"template_{short}_{at}_{byte}", "template.xlsx", lambda m=member, a=at, b=byte: _rezipped(
                base, m, lambda d: d[:a] + bytes([b]) + d[a + 1:]), ("either", None)))
    return cases


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:]


def _csvs(rng: random.Random) -> list[Case]:
    good = csv_bytes()
    big_cell = b"Company,Email,Notes\r\nAcme,a@acme.de,x\r\nBig,b@big.de," + b"y" * (17 * 1024 * 1024) + \
        b"\r\nCarl,c@carl.de,z\r\n"
    cases = [Case("csv_good", "list.csv", lambda: good, ("import", 3)),
             Case("csv_unterminated_quote", "quote.csv",
                  lambda: b'Company,Email\r\nAcme,a@acme.de\r\n"Broken,b@b.de\r\nCarl,c@carl.de\r\nDora,d@dora.de\r\n',
                  ("import", 3)),
             Case("csv_17_mb_cell", "big.csv", lambda: big_cell, ("import", 2)),
             Case("csv_nul_bytes", "nul.csv", lambda: good.replace(b"Acme", b"Ac\x00me"), ("either", None)),
             Case("csv_utf16", "u16.csv", lambda: "\ufeff".encode("utf-16-le") + csv_bytes(encoding="utf-16-le"),
                  ("import", 3)),
             Case("csv_empty", "empty.csv", lambda: b"", ("refuse", "empty")),
             Case("csv_pdf", "fake.csv", lambda: b"%PDF-1.4 junk", ("refuse", None)),
             Case("csv_random_bytes", "junk.csv", lambda: bytes(rng.randrange(256) for _ in range(4096)),
                  ("either", None)),
             Case("csv_long_line_no_newline", "line.csv", lambda: b"Company," + b"x," * 3_000_000, ("either", None)),
             Case("csv_quote_per_line", "quotes.csv", lambda: b"Company,Email\r\n" + b'"\r\n' * 20_000,
                  ("either", None))]
    cases += [Case(f"truncated_csv_{n}", "cut.csv", lambda n=n: good[:n], ("either", None))
              for n in range(1, len(good), 7)]
    return cases


ENCODED = {  # (encoding, company names a person in that market would import)
    "euc_kr": ["삼성무역주식회사", "대한전자산업", "서울상사"],
    "euc_jp": ["株式会社さくら商事", "ヤマト電機", "東京トレーディング"],
    "iso8859_7": ["Αθήνα Εμπορική ΑΕ", "Ελληνικά Προϊόντα", "Θεσσαλονίκη Λτδ"],
    "koi8_r": ["Торговый дом Москва", "Сибирские товары", "Промышленная группа"],
    "cp1255": ["חברת המסחר בעמ", "יבוא ויצוא ישראל", "תל אביב סחר"],
    "cp1256": ["شركة التجارة العالمية", "مؤسسة الخليج", "دبي للتجارة"],
    "gb18030": ["深圳华强贸易有限公司", "义乌小商品", "广州进出口"],
    "big5": ["台灣貿易股份有限公司", "香港電子", "高雄物產"],
    "shift_jis": ["株式会社みどり", "大阪商事", "サクラ精機"],
    "cp1251": ["Торговый дом Киев", "Завод Прогресс", "Украинские товары"],
}


def _encodings() -> list[Case]:
    cases = []
    for encoding, names in ENCODED.items():
        rows = [["Company", "Email"]] + [[name, f"buyer{i}@firm{i}.com"] for i, name in enumerate(names)]
        cases.append(Case(f"encoding_{encoding}", "list.csv", lambda r=rows, e=encoding: csv_bytes(r, e),
                          ("import", 3, tuple(names))))
    return cases


def _vcards(rng: random.Random) -> list[Case]:
    good = vcard_bytes()
    folded = (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Folded Person\r\nEMAIL:f@folded.com\r\nPHOTO;ENCODING=b:"
              + b"\r\n ".join([b"QUJD" * 18] * 50_000) + b"\r\nEND:VCARD\r\n")
    cases = [Case("vcard_good", "cards.vcf", lambda: good, ("import", 3)),
             Case("vcard_folded_photo", "photo.vcf", lambda: folded, ("import", 1)),
             Case("vcard_many", "many.vcf", lambda: vcard_bytes(1_000), ("import", 1_000))]
    for charset in (b"idna", b"punycode", b"undefined", b"rot13", b"bogus"):
        cases.append(Case(f"vcard_charset_{charset.decode()}", "cs.vcf", lambda c=charset: (
            b"BEGIN:VCARD\r\nFN;CHARSET=%s:M\xc3\xbcller GmbH\r\nEMAIL:m@mueller.de\r\nEND:VCARD\r\n" % c),
            ("import", 1)))
    greek = ("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Ελλάς;Νίκος\r\nFN:Νίκος\r\nORG:ΑΘΗΝΑ ΑΕ\r\n"  # read as Shift_JIS
             "LABEL;WORK;CHARSET=Windows-1253:Οδός Ερμού 12\r\nEND:VCARD\r\n").encode("cp1253")  # but for LABEL
    polish = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:Ma=B3gorzata Wi=9Cniewska\r\n"
              b"ORG;ENCODING=QUOTED-PRINTABLE:Hurtownia =A3=F3d=9F\r\nEND:VCARD\r\n")  # Windows-1250, no CHARSET
    cases += [Case("vcard_charset_on_label_only", "greek.vcf", lambda: greek, ("import", 1, ("ΑΘΗΝΑ ΑΕ",))),
              Case("vcard_qp_without_charset", "polish.vcf", lambda: polish, ("import", 1, ("Hurtownia Łódź",)))]
    cases += [Case(f"truncated_vcard_{n}", "cut.vcf", lambda n=n: good[:n], ("either", None))
              for n in range(1, len(good), 9)]
    cases += [Case(f"flipped_vcard_{n}", "flip.vcf", lambda n=n: _flip(good, n), ("either", None))
              for n in sorted({rng.randrange(0, len(good)) for _ in range(20)})]
    return cases


SAMPLE_XLS = (Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "import" / "xlsx"
              / "easyexcel_t01_cn_import_template_instruction_row.xls")


def _far_xls(data: bytes) -> bytes:
    """The sample with its first string cell (LABELSST) moved to IV65536, the last cell an .xls can have."""
    at = data.index(b"\xfd\x00\x0a\x00")
    return data[:at + 4] + b"\xff\xff\xff\x00" + data[at + 8:]


def _xls(rng: random.Random) -> list[Case]:
    """Mutations of a real .xls from the shared samples (skipped where they are absent: .xls is not written in code)."""
    if not SAMPLE_XLS.is_file():
        return []
    base = SAMPLE_XLS.read_bytes()
    cases = [Case("xls_sample", "sample.xls", lambda: base, ("either", None)),
             Case("xls_far_cell", "far.xls", lambda: _far_xls(base), ("refuse", "IV65536"))]
    cases += [Case(f"truncated_xls_{n}", "cut.xls", lambda n=n: base[:n], ("either", None))
              for n in sorted({rng.randrange(1, len(base)) for _ in range(10)})]
    cases += [Case(f"flipped_xls_{n}", "flip.xls", lambda n=n: _flip(base, n), ("either", None))
              for n in sorted({rng.randrange(0, len(base)) for _ in range(30)})]
    return cases


def _xlsb_cases(rng: random.Random) -> list[Case]:
    """.xlsb: far cells in its binary records (the reader builds the whole rectangle), and mutations."""
    refuse = ("refuse", "can be read")
    far = [("xfd1048576", row_record(1048575) + number_record(16383), refuse),
           ("column_4294967295", row_record(5) + number_record(0xFFFFFFFF), refuse),
           ("column_alm", row_record(5) + number_record(1000), refuse),
           ("rows_over_limit", row_record(300_000) + number_record(0), refuse),
           ("area_too_big", row_record(150_000) + number_record(999), refuse),
           ("row_4294967295", row_record(0xFFFFFFFF) + number_record(0), ("either", None)),
           ("blank_far", row_record(1048575) + record(0x0001, struct.pack("<II", 16383, 0)), ("import", 3)),
           ("row_header_only_far", row_record(1048575), ("import", 3)),
           ("short_cells_after_far", row_record(5) + number_record(998) + record(0x000D, struct.pack("<Ii", 0, 2))
            + record(0x000D, struct.pack("<Ii", 0, 2)), refuse),
           ("isst_without_strings", row_record(4) + record(0x0007, struct.pack("<III", 0, 0, 5)),  # a Rust panic
            ("refuse", "index out of bounds")),
           ("cut_record_at_end", b"\x05\xff\xff\xff\x7f", ("either", None)),
           ("oversized_length", b"\x06\xff\xff\xff\x7f" + b"x" * 64, ("either", None))]
    cases = [Case("xlsb_good", "list.xlsb", xlsb, ("import", 3))]
    cases += [Case(f"xlsb_{name}", "list.xlsb", lambda extra=extra: xlsb(xlsb_sheet(extra=extra)), expect)
              for name, extra, expect in far]
    base, sheet = xlsb(), xlsb_sheet()
    cases += [Case(f"truncated_xlsb_{n}", "cut.xlsb", lambda n=n: base[:n], ("either", None))
              for n in sorted({rng.randrange(1, len(base)) for _ in range(15)})]
    cases += [Case(f"flipped_xlsb_{n}", "flip.xlsb", lambda n=n: _flip(base, n), ("either", None))
              for n in sorted({rng.randrange(0, len(base)) for _ in range(20)})]
    for n in sorted({rng.randrange(0, len(sheet)) for _ in range(40)}):
        byte = rng.choice(b"\x00\x01\x05\x7f\x80\xff")
        cases.append(Case(f"xlsb_record_mutation_{n}_{byte}", "rec.xlsb",
                          lambda n=n, b=byte: xlsb(sheet[:n] + bytes([b]) + sheet[n + 1:]), ("either", None)))
    return cases


def all_cases() -> list[Case]:
    rng = random.Random(15)
    return (_far_cells() + _zips() + _opendocument() + _mutations(rng) + _template_mutations(rng) + _xls(rng) + _csvs(rng) + _encodings() + _vcards(rng)
            + _xlsb_cases(random.Random(1415))
            + [Case("html_as_xlsx", "page.xlsx", lambda: b"<html><table><tr><td>x</td></tr></table></html>",
                    ("refuse", "web page")),
               Case("zero_bytes_xlsx", "zero.xlsx", lambda: b"\x00" * 1000, ("refuse", None)),
               Case("gzip_as_csv", "gz.csv", lambda: zlib.compress(b"x" * 1000), ("either", None))])
