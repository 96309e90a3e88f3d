# look.py - checks each score sheet given (CSV or .xlsx) against the
# catalog (catalog.csv) and the cost check (costs.csv): every shown field
# is the dossier's, abatement_cost_computed is 'lowcarb costs' computed
# figure rounded to 2 decimals; prints the columns and the first rows'
# figures.
import csv
import sys
import openpyxl

SHOWN = ["scope", "abatement", "potential", "abatement_cost",
         "investment", "payback", "demonstrations", "projects", "summary"]


def rows_of(path):
    if path.endswith(".csv"):
        with open(path, newline="", encoding="utf-8-sig") as f:
            return list(csv.reader(f)), []
    ws = openpyxl.load_workbook(path)["评分"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    units = ["%s %s" % (h.split("\n")[-1], h.split("\n")[0])
             for h in rows[0] if "\n" in h]
    rows[0] = [h.split("\n")[-1] for h in rows[0]]
    return rows, units


def same(got, want):
    if got is None or got == "":
        return want == ""
    if isinstance(got, (int, float)):
        return want != "" and abs(got - float(want)) < 1e-9
    return got == want


with open("catalog.csv", newline="", encoding="utf-8") as f:
    cat = {r["id"]: r for r in csv.DictReader(f)}
with open("costs.csv", newline="", encoding="utf-8") as f:
    costs = {r["id"]: r for r in csv.DictReader(f)}
for path in sys.argv[1:]:
    rows, units = rows_of(path)
    head = rows[0]
    print(path, "columns:", ",".join(head))
    if units:
        print("  units:", "; ".join(units))
    for r in rows[1:]:
        d = dict(zip(head, r))
        t = cat[d["id"]]
        for k in SHOWN:
            if not same(d[k], t[k]):
                sys.exit("%s %s %s: %r, the dossier has %r" %
                         (path, d["id"], k, d[k], t[k]))
        c = costs[d["id"]]["computed"]
        want = "" if c == "" else "%.2f" % float(c)
        got = d["abatement_cost_computed"]
        if not same(got, "" if want == "" else str(float(want))):
            sys.exit("%s %s computed %r, costs says %r" %
                     (path, d["id"], got, c))
        print("  %s abatement %s potential %s cost %s computed %s "
              "investment %s payback %s" %
              (d["id"], d["abatement"], d["potential"],
               d["abatement_cost"], got, d["investment"], d["payback"]))
