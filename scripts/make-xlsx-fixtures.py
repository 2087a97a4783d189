#!/usr/bin/env python3
"""Makes the Excel fixtures with a real spreadsheet program: writes each workbook as a flat
OpenDocument spreadsheet (.fods, typed cells) and has LibreOffice save it as .xlsx.

  fixtures/healthy-lives-2040/stakeholders.xlsx  the example's actors.csv and ties.csv as two
                                                 sheets, Actors and Ties (numbers as numbers)
  fixtures/active-travel-2035/portfolio.xlsx
                                                 the portfolio example's three sheets: Actors,
                                                 Initiatives and Participations
  fixtures/interop/types.xlsx                    dates, booleans, a formula, rich text, a
                                                 percentage, an empty row, a comment row
  fixtures/warnings/workbook-title-row.xlsx      an actors sheet with a title and a blank row
                                                 above its header, as people lay sheets out
  fixtures/invalid/xlsx-*.xlsx                   workbooks with a bad value, no recognisable
                                                 sheet, a damaged part, and a file that is no
                                                 workbook at all

Needs LibreOffice (Debian: libreoffice-calc-nogui). The .xlsx files are committed; the tests
never run LibreOffice.
"""
import csv
import os
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="isodate"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
 <number:percentage-style style:name="pct"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
 <style:style style:name="date" style:family="table-cell" style:data-style-name="isodate"/>
 <style:style style:name="percent" style:family="table-cell" style:data-style-name="pct"/>
 <style:style style:name="bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
"""
TAIL = "</office:spreadsheet></office:body></office:document>\n"


def is_number(s):
    try:
        float(s)
        return s.strip() != "" and s.strip().lower() not in ("nan", "inf", "-inf", "infinity")
    except ValueError:
        return False


def cell(value):
    """A typed cell: ("s", text), ("n", number), ("d", "YYYY-MM-DD"), ("b", bool),
    ("f", formula, result), ("p", fraction), ("rich", [(text, bold)]), or None (empty)."""
    if value is None:
        return "<table:table-cell/>"
    kind = value[0]
    if kind == "s":
        return f'<table:table-cell office:value-type="string"><text:p>{escape(value[1])}</text:p></table:table-cell>'
    if kind == "n":
        return f'<table:table-cell office:value-type="float" office:value="{value[1]}"><text:p>{value[1]}</text:p></table:table-cell>'
    if kind == "d":
        return f'<table:table-cell table:style-name="date" office:value-type="date" office:date-value="{value[1]}"><text:p>{value[1]}</text:p></table:table-cell>'
    if kind == "b":
        v = "true" if value[1] else "false"
        return f'<table:table-cell office:value-type="boolean" office:boolean-value="{v}"><text:p>{v.upper()}</text:p></table:table-cell>'
    if kind == "f":
        return f'<table:table-cell table:formula="{escape(value[1])}" office:value-type="float" office:value="{value[2]}"><text:p>{value[2]}</text:p></table:table-cell>'
    if kind == "p":
        return f'<table:table-cell table:style-name="percent" office:value-type="percentage" office:value="{value[1]}"><text:p>{value[1]}</text:p></table:table-cell>'
    if kind == "rich":
        runs = "".join(f'<text:span text:style-name="bold">{escape(t)}</text:span>' if b else escape(t) for t, b in value[1])
        return f'<table:table-cell office:value-type="string"><text:p>{runs}</text:p></table:table-cell>'
    raise ValueError(kind)


def sheet(name, rows):
    out = [f'<table:table table:name="{escape(name)}">']
    for row in rows:
        out.append("<table:table-row>" + "".join(cell(c) for c in row) + "</table:table-row>")
    out.append("</table:table>")
    return "\n".join(out)


def from_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    typed = [[("s", h) for h in rows[0]]]
    for r in rows[1:]:
        typed.append([None if v == "" else ("n", v) if is_number(v) else ("s", v) for v in r])
    return typed


def save(fods, target):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, os.path.splitext(os.path.basename(target))[0] + ".fods")
        with open(src, "w", encoding="utf-8") as f:
            f.write(fods)
        subprocess.run(["soffice", "--headless", "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", tmp, src],
                       check=True, stdout=subprocess.DEVNULL)
        os.replace(os.path.join(tmp, os.path.basename(target)), target)
    print("wrote", os.path.relpath(target, ROOT))


def main():
    health = os.path.join(ROOT, "fixtures", "healthy-lives-2040")
    save(HEAD + sheet("Actors", from_csv(os.path.join(health, "actors.csv")))
         + sheet("Ties", from_csv(os.path.join(health, "ties.csv"))) + TAIL,
         os.path.join(health, "stakeholders.xlsx"))
    travel = os.path.join(ROOT, "fixtures", "active-travel-2035")
    save(HEAD + sheet("Actors", from_csv(os.path.join(travel, "actors.csv")))
         + sheet("Initiatives", from_csv(os.path.join(travel, "initiatives.csv")))
         + sheet("Participations", from_csv(os.path.join(travel, "participations.csv"))) + TAIL,
         os.path.join(travel, "portfolio.xlsx"))

    actors = [
        [("s", "Id"), ("s", "Label"), ("s", "Type"), ("s", "Joined"), ("s", "Active"), ("s", "Budget share"), ("s", "Seats"), ("s", "Note")],
        [("s", "city"), ("s", "City of Larchmont"), ("s", "local-government"), ("d", "2024-03-15"), ("b", True), ("p", "0.25"), ("f", "of:=2*3", "6"), ("rich", [("Leads ", False), ("the mission", True)])],
        [("s", "# a comment row: skipped, as in CSV sheets")],
        [],
        [("s", "cyclists"), ("s", "Cyclists’ Union — Ελληνικά 自行车"), ("s", "cso"), ("d", "2019-11-30"), ("b", False), ("n", "0.125"), ("n", "12")],
        [("s", "uni"), ("s", "Larchmont University"), ("s", "university"), None, None, None, ("n", "-3.5"), ("s", "  spaced  ")],
    ]
    ties = [
        [("s", "From"), ("s", "To"), ("s", "Type"), ("s", "Strength"), ("s", "Directed")],
        [("s", "city"), ("s", "cyclists"), ("s", "funding"), ("n", "2.5"), ("b", True)],
        [("s", "cyclists"), ("s", "uni"), ("s", "partnership"), ("f", "of:=1+1", "2"), ("b", False)],
    ]
    save(HEAD + sheet("Elements", actors) + sheet("Connections", ties) + sheet("Notes", [[("s", "not read")]]) + TAIL,
         os.path.join(ROOT, "fixtures", "interop", "types.xlsx"))
    title_row()
    invalid()


def title_row():
    actors = [
        [("s", "Westmark stakeholder map — draft for the October workshop")],
        [],
        [("s", "Id"), ("s", "Name"), ("s", "Kind"), ("s", "Sector")],
        [("s", "city"), ("s", "Northfield City Council"), ("s", "local-government"), ("s", "governance")],
        [("s", "coop"), ("s", "Westmark Energy Cooperative"), ("s", "cso"), ("s", "energy")],
        [("s", "agency"), ("s", "Energy Transition Agency"), ("s", "agency"), ("s", "energy")],
    ]
    ties = [
        [("s", "Source"), ("s", "Target"), ("s", "Relation")],
        [("s", "agency"), ("s", "city"), ("s", "partnership")],
        [("s", "city"), ("s", "coop"), ("s", "partnership")],
    ]
    save(HEAD + sheet("Actors", actors) + sheet("Ties", ties) + TAIL, os.path.join(ROOT, "fixtures", "warnings", "workbook-title-row.xlsx"))


def invalid():
    folder = os.path.join(ROOT, "fixtures", "invalid")
    actors = [[("s", "id"), ("s", "name")], [("s", "a"), ("s", "Agency A")], [("s", "b"), ("s", "Bureau B")]]
    ties = [[("s", "source"), ("s", "target"), ("s", "strength")], [("s", "a"), ("s", "b"), ("n", "2")], [("s", "b"), ("s", "a"), ("s", "lots")]]
    save(HEAD + sheet("Actors", actors) + sheet("Ties", ties) + TAIL, os.path.join(folder, "xlsx-bad-strength.xlsx"))
    save(HEAD + sheet("Sheet1", [[("s", "organisation code"), ("s", "budget")], [("s", "x1"), ("n", "3")]]) + TAIL,
         os.path.join(folder, "xlsx-no-sheet.xlsx"))
    # A damaged part: the actors sheet cut off in the middle, as a broken download leaves it.
    good = os.path.join(folder, "xlsx-damaged-part.xlsx")
    save(HEAD + sheet("Actors", actors) + sheet("Ties", ties[:2]) + TAIL, good)
    with zipfile.ZipFile(good) as z:
        parts = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(good, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: data.index(b"</sheetData>") - 20]
            z.writestr(info, data)
    with open(os.path.join(folder, "xlsx-not-a-workbook.xlsx"), "w") as f:
        f.write("id,name\na,Agency A\n")


if __name__ == "__main__":
    sys.exit(main())
