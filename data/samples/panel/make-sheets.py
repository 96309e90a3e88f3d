#!/usr/bin/env python3
# make-sheets.py - regenerates the sample panel's filled score sheets
# (sheets/E*.csv) deterministically: builds a scratch catalog from the
# sample edition and experts.csv, assigns 3 reviewers per dossier, exports
# each expert's blind sheet and fills it with plausible scores (dossier
# quality, TRL for maturity, expert leniency, small noise; all from
# SHA-256 of the ids, so the same inputs give the same sheets).
# Usage: python3 data/samples/panel/make-sheets.py [path/to/lowcarb]
import csv, glob, hashlib, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
samples = os.path.dirname(here)
lowcarb = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "lowcarb")
CRITERIA_INFO = {"expert", "id", "name_zh", "name_en", "sector", "trl",
                 "submitter", "owners", "scope", "abatement", "potential",
                 "abatement_cost", "abatement_cost_computed", "investment",
                 "payback", "demonstrations", "projects", "summary",
                 "comment"}
COMMENTS = ["示范数据可信，建议推广", "减排潜力大，经济性需进一步论证",
            "技术成熟度较高", "建议补充长期运行数据", "创新性突出",
            "投资较大，回收期偏长", "适用范围广，可复制性强", ""]


def u(*parts):
    h = hashlib.sha256("|".join(parts).encode()).digest()
    return int.from_bytes(h[:8], "big") / 2.0 ** 64


def score(expert, tech, crit, trl):
    quality = 5.0 + 3.5 * u("q", tech)
    if crit.startswith("matur") or "maturity" in crit:
        base = 0.55 * quality + 0.5 * trl
    else:
        base = quality + 2.0 * u("c", tech, crit) - 1.0
    base += 1.6 * u("e", expert) - 0.8 + 1.2 * u("n", expert, tech, crit) - 0.6
    v = round(base * 2) / 2
    return max(0.0, min(10.0, v))


def run(*args, **kw):
    return subprocess.run([lowcarb] + list(args), check=True, text=True,
                          capture_output=True, **kw).stdout


def main():
    out = os.path.join(here, "sheets")
    os.makedirs(out, exist_ok=True)
    for f in glob.glob(os.path.join(out, "*.csv")):
        os.remove(f)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, LOWCARB_CATALOG=os.path.join(tmp, "c.tct"))
        kw = {"env": env, "cwd": tmp}
        run("init", **kw)
        run("import", *sorted(glob.glob(os.path.join(samples, "2025", "*"))),
            **kw)
        run("experts", "import", os.path.join(here, "experts.csv"), **kw)
        run("assign", "--edition", "2025", "--per-dossier", "3", **kw)
        experts = sorted({row["expert"] for row in csv.DictReader(
            run("assign", "list", "--format", "csv", **kw).splitlines())})
        for e in experts:
            path = os.path.join(out, e + ".csv")
            run("sheets", "export", "--expert", e, "--blind", "-o", path,
                **kw)
            with open(path, newline="", encoding="utf-8") as fp:
                rows = list(csv.reader(fp))
            head = rows[0]
            crits = [c for c in head if c not in CRITERIA_INFO]
            for r in rows[1:]:
                trl = int(r[head.index("trl")] or 0)
                for c in crits:
                    v = score(e, r[1], c, trl)
                    r[head.index(c)] = ("%g" % v)
                pick = int(u("m", e, r[1]) * len(COMMENTS))
                r[head.index("comment")] = COMMENTS[pick]
            with open(path, "w", newline="", encoding="utf-8") as fp:
                csv.writer(fp, lineterminator="\n").writerows(rows)
    print("wrote %d sheets into %s" % (len(experts), out))


main()
