# fill.py - fills exported score sheets as an expert would, with the same
# scores whatever the format: for each FILE (E.csv or E.xlsx) writes
# filled-FILE. A score depends on the expert, the dossier and the
# criterion only; the comment on the dossier. The .xlsx is filled with
# openpyxl (another writer than lowcarb's) and saved by it.
import csv
import sys
import openpyxl


def score(expert, tech, crit):
    n = sum(map(ord, expert + tech + crit))
    return n % 11 if n % 3 else n % 10 + 0.5


def fill(head, row):
    crits = head[head.index("summary") + 1:head.index("comment")]
    out = {}
    for c in crits:
        out[c] = score(row["expert"], row["id"], c)
    out["comment"] = "初评 " + row["id"]
    return out


for path in sys.argv[1:]:
    if path.endswith(".csv"):
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        head = rows[0]
        for r in rows[1:]:
            vals = fill(head, dict(zip(head, r)))
            for k, v in vals.items():
                r[head.index(k)] = str(v)
        with open("filled-" + path, "w", newline="",
                  encoding="utf-8") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)
    else:
        wb = openpyxl.load_workbook(path)
        ws = wb["评分"]
        head = [c.value for c in ws[1]]
        for i in range(2, ws.max_row + 1):
            row = {h: ws.cell(i, j + 1).value for j, h in enumerate(head)}
            for k, v in fill(head, row).items():
                ws.cell(i, head.index(k) + 1, v)
        wb.save("filled-" + path)
