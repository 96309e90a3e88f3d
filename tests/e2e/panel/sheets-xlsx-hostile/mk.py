# mk.py - hostile score workbooks built with python's zipfile: KIND.xlsx
# for KIND sst (a shared string out of range), link (a link to another
# workbook), empty (a sheet with no row).
import sys
import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
CT = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats'
      '.org/package/2006/content-types"/>')
WB = ('<?xml version="1.0"?><workbook %s xmlns:r="http://schemas.'
      'openxmlformats.org/officeDocument/2006/relationships"><sheets>'
      '<sheet name="评分" sheetId="1" r:id="rId1"/></sheets></workbook>'
      % NS)
RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship '
        'Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/>'
        '</Relationships>')


def cell(ref, text):
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, text)


HDR = ('<row r="1">' + cell("A1", "expert") + cell("B1", "id") +
       cell("C1", "carbon") + '</row>')
ROW = ('<row r="2">' + cell("A2", "E02") + cell("B2", "2025-ST-001") +
       '<c r="C2"><v>7</v></c></row>')


def sheet(rows):
    return ('<?xml version="1.0"?><worksheet %s><sheetData>%s</sheetData>'
            '</worksheet>' % (NS, rows))


kind = sys.argv[1]
parts = {"[Content_Types].xml": CT, "xl/workbook.xml": WB,
         "xl/_rels/workbook.xml.rels": RELS}
if kind == "sst":
    parts["xl/worksheets/sheet1.xml"] = sheet(
        HDR + ROW + '<row r="3"><c r="A3" t="s"><v>7</v></c></row>')
    parts["xl/sharedStrings.xml"] = '<sst %s><si><t>x</t></si></sst>' % NS
elif kind == "link":
    parts["xl/worksheets/sheet1.xml"] = sheet(HDR + ROW)
    parts["xl/externalLinks/externalLink1.xml"] = "<externalLink/>"
else:
    parts["xl/worksheets/sheet1.xml"] = sheet("")
with zipfile.ZipFile(kind + ".xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for k, v in parts.items():
        z.writestr(k, v)
