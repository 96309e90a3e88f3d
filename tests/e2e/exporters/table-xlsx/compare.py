# compare.py - NAME.xlsx read by openpyxl holds the values of NAME.csv
# (the CSV export): the same header once the unit is taken off ("potential
# (tCO2/a)" is potential), every cell equal, numbers stored as numbers
# (equal to their CSV text's double to 16 significant digits: what
# libxlsxwriter writes, and more than Excel's 15); prints what it saw.
import csv
import re
import sys
import openpyxl

for name in sys.argv[1:]:
    with open(name + ".csv", newline="", encoding="utf-8") as f:
        want = list(csv.reader(f))
    ws = openpyxl.load_workbook(name + ".xlsx").active
    got = [list(r) for r in ws.iter_rows(values_only=True)]
    head = [re.sub(r" \(.*\)$", "", h) for h in got[0]]
    if head != want[0]:
        sys.exit("%s: header %s != %s" % (name, head, want[0]))
    if len(got) != len(want):
        sys.exit("%s: %d rows != %d" % (name, len(got), len(want)))
    nums = 0
    for i, (g, w) in enumerate(zip(got[1:], want[1:]), 2):
        g = g + [None] * (len(w) - len(g))
        for h, x, c in zip(head, g, w):
            if isinstance(x, (int, float)) and not isinstance(x, bool):
                nums += 1
                ok = c != "" and abs(float(c) - x) <= 1e-15 * abs(x)
            else:
                ok = (x or "") == c
            if not ok:
                sys.exit("%s row %d %s: %r != %r" % (name, i, h, x, c))
    units = [h for h in got[0] if h.endswith(")")]
    print("%s: %d rows x %d columns as in the CSV, %d numbers; frozen at "
          "%s, filter on %s" % (name, len(want) - 1, len(head), nums,
                                ws.freeze_panes, ws.auto_filter.ref))
    print("  units:", ", ".join(units))
