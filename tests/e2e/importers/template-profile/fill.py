# fill.py - TEMPLATE CSV OUT: fills the template's first sheet from the
# CSV's rows as an association would, each value under the header cell
# of the same name (openpyxl, another writer than lowcarb), numbers typed
# as numbers where the cell's format is a number's; prints the header and
# what the template holds (sheets, formats of the columns, dropdowns, the
# instructions of a few columns).
import csv
import sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
head = [c.value for c in ws[1]]
print("sheets:", ", ".join(wb.sheetnames))
print("header:", " | ".join(head))
print("text columns:", " | ".join(h for i, h in enumerate(head)
                                  if ws.cell(2, i + 1).number_format == "@"))
for dv in ws.data_validations.dataValidation:
    col = head[dv.sqref.ranges[0].min_col - 1]
    print("check", col, dv.type, (dv.formula1 or "")[:60])
h = wb["说明"]
for r in h.iter_rows(values_only=True):
    if r[0] in ("序号", "减排能力(万tCO2/a)", "所属行业/领域"):
        print("instructions:", " | ".join("" if v is None else
                                          str(v).replace("\n", " ")
                                          for v in r))
with open(sys.argv[2], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
src = rows[0]
for n, r in enumerate(rows[1:]):
    for i, h in enumerate(src):
        h = h.replace("（", "(").replace("）", ")")
        if h not in head or r[i] == "":
            continue
        c = ws.cell(n + 2, head.index(h) + 1)
        v = r[i]
        if c.number_format != "@":
            try:
                v = float(v) if "." in v else int(v)
            except ValueError:
                pass
        c.value = v
wb.save(sys.argv[3])
