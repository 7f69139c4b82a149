"""Small workbooks shaped like the real lists that lost people (issue 14), built in code."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import make_xlsx

COMPANIES = [("Acme Trading GmbH", "阿克米贸易有限公司"), ("Banco Norte S.A.", "北方银行股份有限公司"),
             ("Nordic Tools AB", "北欧工具公司"), ("Sunrise Imports LLC", "日出进口有限公司"),
             ("Kowalski Sp. z o.o.", "科瓦尔斯基有限公司"), ("Delta Machinery Co., Ltd.", "德尔塔机械有限公司")]
PEOPLE = ["Maria Weber", "Juan Perez", "Lars Nilsson", "John Miller", "Anna Kowalska", "Wei Zhang"]
COUNTRIES = ["Germany", "Spain", "Sweden", "United States", "Poland", "China"]


def exhibitor_rows(count: int) -> list[list[str]]:
    """(English name, Chinese name, person, email, phone, country, website) per exhibitor."""
    rows = []
    for i in range(count):
        english, chinese = COMPANIES[i % len(COMPANIES)]
        suffix = f" {i // len(COMPANIES) + 1}" if i >= len(COMPANIES) else ""
        domain = f"firm{i}.example.com"
        rows.append([english.replace(" ", suffix + " ", 1) if suffix else english, chinese + suffix.strip(),
                     PEOPLE[i % len(PEOPLE)], f"sales@{domain}", f"+49 30 {1000000 + i}",
                     COUNTRIES[i % len(COUNTRIES)], f"www.{domain}"])
    return rows


def bilingual_list(path: Path, count: int = 12) -> Path:
    header = ["Company Name (English)", "公司名称（中文）", "Contact", "E-mail", "Tel", "Country", "Web"]
    return make_xlsx(path, [header, *exhibitor_rows(count)])


def five_sheet_workbook(path: Path) -> Path:
    """Events first (108 rows with a "Name" column), a hall layout, sponsors, the exhibitors, an empty sheet."""
    events = [["Name", "Date", "Venue", "Topic"]] + [
        [f"Session {i}", f"2026-04-{15 + i % 5:02d}", f"Hall {1 + i % 9}", "Opening talk"] for i in range(108)]
    layout = [["Hall", "Booth", "Area (m2)"]] + [[f"Hall {h}", f"{h}.{b}A", "36"] for h in range(1, 4) for b in range(10)]
    sponsors = [["Sponsor", "Level"], ["Acme Trading GmbH", "Gold"], ["Nordic Tools AB", "Silver"]]
    exhibitors = [["Exhibitors", "Contact", "Email", "Phone", "Country"]] + [
        [r[0], r[2], r[3], r[4], r[5]] for r in exhibitor_rows(40)]
    return make_xlsx(path, events, sheet="Events", more={"Layout": layout, "Sponsors": sponsors,
                                                         "Exhibitors": exhibitors, "Empty": []})
