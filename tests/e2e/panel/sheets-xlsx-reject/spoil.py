# spoil.py - fills the score sheet E02.xlsx with openpyxl as a careless
# expert might: one good row, then a score out of the scale, a formula, a
# number typed with a full-width comma; writes spoilt.xlsx. Then, with
# both rows scored, a locked cell changed (the sheet's protection taken
# off): unlocked.xlsx.
import openpyxl

wb = openpyxl.load_workbook("E02.xlsx")
ws = wb["评分"]
head = [c.value for c in ws[1]]


def col(name):
    return head.index(name) + 1


for c in ("carbon", "maturity", "economic", "replicability", "innovation"):
    ws.cell(2, col(c), 7)
ws.cell(3, col("carbon"), 6)
ws.cell(3, col("maturity"), 11)
ws.cell(3, col("economic"), "=3+4")
ws.cell(3, col("replicability"), "7，5")
wb.save("spoilt.xlsx")
ws.cell(3, col("maturity"), 8)
ws.cell(3, col("economic"), 7)
ws.cell(3, col("replicability"), 7.5)
ws.cell(3, col("name_zh"), "电弧炉")
ws.protection.sheet = False
wb.save("unlocked.xlsx")
# The figures the expert judges on are locked too: a demonstrations
# count raised and a scope written in: figures.xlsx.
wb = openpyxl.load_workbook("E02.xlsx")
ws = wb["评分"]
head = [c.value.split("\n")[-1] for c in ws[1]]
for r in (2, 3):
    for c in ("carbon", "maturity", "economic", "replicability",
              "innovation"):
        ws.cell(r, col(c), 7)
ws.cell(2, col("demonstrations"), 5)
ws.cell(3, col("scope"), "全部电炉")
ws.protection.sheet = False
wb.save("figures.xlsx")
