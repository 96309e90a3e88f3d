# tobook.py - CSV OUT.xlsx [CELL=VALUE...]: the CSV's rows on the first
# sheet of a workbook written by openpyxl (another writer than lowcarb),
# as a spreadsheet user would have them: a cell that reads as a plain
# number stored as a number, the rest as text. CELL=VALUE overrides a
# cell afterwards ("=..." is a formula).
import csv
import sys
import openpyxl

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "目录"
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.reader(f):
        out = []
        for v in row:
            try:
                out.append(int(v))
            except ValueError:
                try:
                    out.append(float(v))
                except ValueError:
                    out.append(v if v != "" else None)
        ws.append(out)
for arg in sys.argv[3:]:
    ref, val = arg.split("=", 1)
    ws[ref] = val
wb.save(sys.argv[2])
