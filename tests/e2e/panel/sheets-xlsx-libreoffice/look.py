# look.py - what a spreadsheet user gets from the .xlsx score sheets:
# for each NAME, NAME.xlsx read by openpyxl and lo/NAME.csv (LibreOffice's
# conversion of it) must hold exactly the rows of NAME.csv (the CSV
# sheet); then prints what openpyxl sees of E02.xlsx: sheets, frozen
# header, protection, the checks on the score columns, their header
# comments, which cells are open to editing. A workbook's header cell may
# carry the unit on a line above the column's name: its last line is the
# CSV's header.
import csv
import sys
import openpyxl


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))


def cell_text(v):
    if v is None:
        return ""
    return str(v)


for name in sys.argv[1:]:
    want = read_csv(name + ".csv")
    lo = read_csv("lo/" + name + ".csv")
    ws = openpyxl.load_workbook(name + ".xlsx")["评分"]
    got = [[cell_text(c) for c in r] for r in ws.iter_rows(values_only=True)]
    units = [h.split("\n")[0] for h in got[0] if "\n" in h]
    for rows in (lo, got):
        rows[0] = [h.split("\n")[-1] for h in rows[0]]
    for what, rows in (("LibreOffice", lo), ("openpyxl", got)):
        if rows != want:
            print(name, what, "differs:", rows, "!=", want)
            sys.exit(1)
    print("%s.xlsx = %s.csv (%d dossiers, columns %s) read by openpyxl "
          "and by LibreOffice" % (name, name, len(want) - 1,
                                   ",".join(want[0])))
    print("  units above the names:", " ".join(units))

wb = openpyxl.load_workbook("E02.xlsx")
ws = wb["评分"]
print("sheets:", ", ".join(wb.sheetnames))
print("frozen at", ws.freeze_panes, "protected:", ws.protection.sheet,
      "password:", ws.protection.password)
head = [c.value.split("\n")[-1] for c in ws[1]]
for dv in ws.data_validations.dataValidation:
    col = head[dv.sqref.ranges[0].min_col - 1]
    print("check %s %s: %s between %s and %s, stop: %s" % (
        dv.sqref, col, dv.type, dv.formula1, dv.formula2,
        dv.showErrorMessage))
for c in ws[1]:
    if c.comment:
        print("comment %s: %s" % (c.coordinate,
                                  c.comment.text.replace("\n", " | ")))
print("open to editing in row 2:",
      ",".join(head[c.column - 1] for c in ws[2] if not c.protection.locked))
d = wb["声明"]
print("declaration:", d["A1"].value)
print(" ", d["A4"].value)
