#!/bin/sh
# render.sh - rendering tests of the roadmap: the HTML printed to PDF and
# screenshot by headless Chromium, the .fodt converted to PDF by
# LibreOffice, and the Chinese text checked in both PDFs with pdftotext.
# Usage: render.sh /path/to/lowcarb   (RENDER_OUT=DIR keeps the files)
# Without chromium, libreoffice, pdftotext or CJK fonts it says so loudly
# and exits 0.
bin=$1
[ -x "$bin" ] || { echo "render.sh: no binary '$bin'" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$here/../.." && pwd)
missing=""
chromium=$(command -v chromium || command -v chromium-browser || true)
office=$(command -v libreoffice || command -v soffice || true)
[ -n "$chromium" ] || missing="$missing chromium"
[ -n "$office" ] || missing="$missing libreoffice"
command -v pdftotext >/dev/null 2>&1 || missing="$missing pdftotext"
if command -v fc-list >/dev/null 2>&1; then
	fc-list :lang=zh 2>/dev/null | grep -q . || missing="$missing fonts-noto-cjk"
fi
if [ -n "$missing" ]; then
	echo "*** SKIPPED rendering tests:$missing not installed ***"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=${RENDER_OUT:-$tmp/out}
mkdir -p "$out"
export LOWCARB_DATA="${LOWCARB_DATA:-$SRC/data}" LOWCARB_USER=render
export SOURCE_DATE_EPOCH=1767225600 LOWCARB_CATALOG="$tmp/cat.tct"
fail=0
ok() { echo "ok   render/$1"; }
bad() { echo "FAIL render/$1: $2"; fail=1; }

"$bin" import "$SRC"/data/samples/2025/* >/dev/null 2>"$tmp/err" ||
	{ bad import "$(head -3 "$tmp/err")"; exit 1; }
"$bin" export roadmap --edition 2025 --format html --carbon-price 100 \
	-o "$out/roadmap.html" || { bad export-html "export failed"; exit 1; }
"$bin" export roadmap --edition 2025 --format fodt --carbon-price 100 \
	-o "$out/roadmap.fodt" || { bad export-fodt "export failed"; exit 1; }
name=$("$bin" list --edition 2025 --sort id --format csv |
	sed -n 2p | cut -d, -f3)

# Chromium: PDF and a PNG of the first screen, no network, no profile.
chrome() {
	timeout 180 "$chromium" --headless --no-sandbox --disable-gpu \
		--disable-background-networking --disable-component-update \
		--disable-sync --no-first-run \
		--user-data-dir="$(mktemp -d "$tmp/prof.XXXXXX")" "$@" \
		>"$tmp/chrome.log" 2>&1
}
chrome --no-pdf-header-footer --print-to-pdf="$out/roadmap-html.pdf" \
	"file://$out/roadmap.html"
if [ -s "$out/roadmap-html.pdf" ]; then
	pdftotext -enc UTF-8 "$out/roadmap-html.pdf" "$tmp/html.txt"
	if grep -q "关键结论" "$tmp/html.txt" &&
	   grep -q "重点推荐技术" "$tmp/html.txt" &&
	   grep -q "$name" "$tmp/html.txt"; then
		ok html-pdf-text
	else
		bad html-pdf-text "Chinese text missing from the PDF"
	fi
	pages=$(pdfinfo "$out/roadmap-html.pdf" 2>/dev/null |
		awk '/^Pages:/ { print $2 }')
	[ "${pages:-0}" -ge 5 ] && ok html-pdf-pages ||
		bad html-pdf-pages "only ${pages:-?} pages"
else
	bad html-pdf "chromium wrote no PDF: $(tail -3 "$tmp/chrome.log")"
fi
chrome --screenshot="$out/roadmap.png" --window-size=1000,1400 \
	--hide-scrollbars "file://$out/roadmap.html"
size=$(wc -c <"$out/roadmap.png" 2>/dev/null || echo 0)
[ "$size" -gt 20000 ] && ok html-png ||
	bad html-png "screenshot missing or blank ($size bytes)"

# LibreOffice: the flat ODF to PDF.
(cd "$tmp" && timeout 300 "$office" \
	-env:UserInstallation="file://$tmp/lo-profile" --headless \
	--convert-to pdf --outdir "$out" "$out/roadmap.fodt" \
	>"$tmp/lo.log" 2>&1)
if [ -s "$out/roadmap.pdf" ]; then
	pdftotext -enc UTF-8 "$out/roadmap.pdf" "$tmp/fodt.txt"
	if grep -q "关键结论" "$tmp/fodt.txt" &&
	   grep -q "重点推荐技术" "$tmp/fodt.txt" &&
	   grep -q "$name" "$tmp/fodt.txt"; then
		ok fodt-pdf-text
	else
		bad fodt-pdf-text "Chinese text missing from the PDF"
	fi
else
	bad fodt-pdf "libreoffice wrote no PDF: $(tail -3 "$tmp/lo.log")"
fi
[ "$fail" -eq 0 ] && echo "render: all passed" || echo "render: FAILED"
exit $fail
