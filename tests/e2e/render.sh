#!/bin/sh
# render.sh - rendering tests of the roadmap: the HTML printed to PDF and
# screenshot by headless Chromium, the .fodt converted to PDF by
# LibreOffice, and both PDFs read back with poppler (pdftotext, pdfinfo,
# pdffonts): the Chinese text, A4 pages, a page number at the foot of
# every page (but the HTML's title page), nothing printed outside the
# page, the table of contents' page numbers those of its headings' pages,
# a CJK font embedded, and nothing fetched by Chromium while it
# renders the HTML (its network log, against a blank page's).
# Usage: render.sh /path/to/lowcarb   (RENDER_OUT=DIR keeps the files)
# A missing tool (chromium, libreoffice, pdftotext, pdfinfo, pdffonts,
# CJK fonts) is a failure: `make check SKIP_RENDER=1` leaves these tests
# out, and its summary says so.
bin=$1
[ -n "$bin" ] && [ -x "$bin" ] ||
	{ echo "render.sh: no binary '$bin'" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$here/../.." && pwd)
missing=""
chromium=$(command -v chromium || command -v chromium-browser || true)
office=$(command -v libreoffice || command -v soffice || true)
[ -n "$chromium" ] || missing="$missing chromium"
[ -n "$office" ] || missing="$missing libreoffice-writer-nogui"
# the formulas of the .fodt are drawn by LibreOffice Math
[ -z "$office" ] || [ -n "$(ls /usr/lib/libreoffice/program/libsmlo.so 2>/dev/null)" ] ||
	missing="$missing libreoffice-math-nogui"
for t in pdftotext pdfinfo pdffonts; do
	command -v $t >/dev/null 2>&1 || missing="$missing $t(poppler-utils)"
done
if ! command -v fc-list >/dev/null 2>&1 ||
	[ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
	missing="$missing fonts-noto-cjk"
fi
if [ -n "$missing" ]; then
	echo "FAIL render: missing:$missing"
	echo "     install them (.ci/run does), or run 'make check SKIP_RENDER=1'"
	echo "     to leave the rendering tests out (the summary then says so)"
	exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lowcarb-render.XXXXXX")
[ -n "${RENDER_KEEP:-}" ] || trap 'rm -rf "$tmp"' EXIT
out=${RENDER_OUT:-$tmp/out}
mkdir -p "$out"
export LOWCARB_DATA="$SRC/data" LOWCARB_USER=render TZ=UTC LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=1767225600 LOWCARB_CATALOG="$tmp/cat.tct"
unset LOWCARB_BUSY_TIMEOUT LOWCARB_BULK_BYTES
fail=0
ok() { echo "ok   render/$1"; }
bad() { echo "FAIL render/$1: $2"; fail=1; }

# Runs lowcarb, its output in $tmp/step.out; stops the tests if it fails.
lc() {
	if ! "$bin" "$@" >"$tmp/step.out" 2>"$tmp/step.err"; then
		bad setup "lowcarb $*: $(head -3 "$tmp/step.err")"
		exit 1
	fi
}
# The sample edition as the README's quick start makes it (dossiers,
# panel, assignment, score sheets, ranking), its roadmap in both
# languages.
lc import "$SRC"/data/samples/2025/*.xml "$SRC"/data/samples/2025/*.csv
lc experts import "$SRC/data/samples/panel/experts.csv"
lc assign --edition 2025 --per-dossier 3
lc scores import "$SRC"/data/samples/panel/sheets/*.csv
lc rank --edition 2025
lc export roadmap --edition 2025 --format html --carbon-price 100 \
	-o "$out/roadmap.html"
lc export roadmap --edition 2025 --format fodt --carbon-price 100 \
	-o "$out/roadmap.fodt"
lc export roadmap --edition 2025 --format html --carbon-price 100 \
	--lang en -o "$out/roadmap-en.html"
lc export roadmap --edition 2025 --format fodt --carbon-price 100 \
	--lang en -o "$out/roadmap-en.fodt"
# The documents the industry asks for by name: the promotion catalog in
# both languages and one industry's roadmap (issue 19), checked as the
# roadmap is.
lc export promotion-catalog --edition 2025 --format html -o "$out/promo.html"
lc export promotion-catalog --edition 2025 --format html --lang en \
	-o "$out/promo-en.html"
lc export promotion-catalog --edition 2025 --format fodt -o "$out/promo.fodt"
lc export promotion-catalog --edition 2025 --format fodt --lang en \
	-o "$out/promo-en.fodt"
lc export roadmap --edition 2025 --sector nonferrous --format html \
	--carbon-price 100 -o "$out/sector.html"
lc export roadmap --edition 2025 --sector nonferrous --format html \
	--carbon-price 100 --lang en -o "$out/sector-en.html"
lc export roadmap --edition 2025 --sector nonferrous --format fodt \
	--carbon-price 100 -o "$out/sector.fodt"
lc export roadmap --edition 2025 --sector nonferrous --format fodt \
	--carbon-price 100 --lang en -o "$out/sector-en.fodt"
# A generated edition that strains the layout (tests/render/gen-edition.sh:
# names that cannot break at spaces, extreme and negative numbers), in a
# catalog of its own.
sh "$SRC/tests/render/gen-edition.sh" 2025 >"$tmp/gen.csv"
lc --catalog "$tmp/gen.tct" import "$tmp/gen.csv"
for lang in zh en; do
	for fmt in html fodt; do
		lc --catalog "$tmp/gen.tct" export roadmap --edition 2025 \
			--format $fmt --carbon-price 100 --lang $lang \
			-o "$out/gen-$lang.$fmt"
	done
done
lc list --edition 2025 --sort id --format csv
# The first dossier's Chinese name, to be found in both PDFs.
name=$(sed -n 2p "$tmp/step.out" | cut -d, -f3)
if [ -z "$name" ] || ! printf '%s\n' "$name" | LC_ALL=C grep -q '[^ -~]'; then
	bad setup "no Chinese name from lowcarb list: '$name'"
	exit 1
fi

# Chromium: no network service of its own, no profile; the network log
# tells what it tried to fetch.
chrome() {
	log=$1
	shift
	timeout 180 "$chromium" --headless --no-sandbox --disable-gpu \
		--disable-background-networking --disable-component-update \
		--disable-sync --disable-default-apps --disable-extensions \
		--disable-domain-reliability --no-first-run \
		--no-default-browser-check \
		--log-net-log="$log" \
		--user-data-dir="$(mktemp -d "$tmp/prof.XXXXXX")" "$@" \
		>"$tmp/chrome.log" 2>&1
}
# The hosts of the URLs in net log $1, one a line, sorted.
hosts() {
	grep -o '"url":"[a-z-]*://[^/"]*' "$1" 2>/dev/null |
		sed 's/.*:\/\///' | grep -v '^$' | sort -u
}
# Chromium's own services, contacted whatever the page (the blank page's
# log adds those of the day).
chromium_hosts() {
	printf '%s\n' accounts.google.com clients2.google.com \
		clientservices.googleapis.com content-autofill.googleapis.com \
		optimizationguide-pa.googleapis.com redirector.gvt1.com \
		safebrowsingohttpgateway.googleapis.com update.googleapis.com
	cat "$tmp/blank.hosts"
}

# PDF checks shared by both documents: $1 label, $2 pdf, $3 first page
# that carries its number.
pdf_checks() {
	label=$1
	pdf=$2
	first=$3
	pdftotext -enc UTF-8 "$pdf" "$tmp/$label.txt"
	if grep -q "关键结论" "$tmp/$label.txt" &&
	   grep -q "重点推荐技术" "$tmp/$label.txt" &&
	   grep -qF -- "$name" "$tmp/$label.txt"; then
		ok "$label-text"
	else
		bad "$label-text" "Chinese text missing from the PDF"
	fi
	pdfinfo "$pdf" >"$tmp/$label.info"
	pages=$(awk '/^Pages:/ { print $2 }' "$tmp/$label.info")
	if [ "${pages:-0}" -ge 5 ]; then
		ok "$label-pages"
	else
		bad "$label-pages" "only ${pages:-?} pages"
	fi
	if grep -q '^Page size:.*(A4)' "$tmp/$label.info"; then
		ok "$label-a4"
	else
		bad "$label-a4" "$(grep '^Page size' "$tmp/$label.info")"
	fi
	# Every word inside the page; page N's number alone, centred in the
	# bottom tenth of page N.
	pdftotext -bbox "$pdf" "$tmp/$label.bbox"
	awk -F'"' -v first="$first" -v pages="$pages" '
		/<page / { p++; w = $2; h = $4; num[p] = 0 }
		/<word / {
			if ($2 < 0 || $4 < 0 || $6 > w || $8 > h) {
				out++
				if (out <= 3) print "off the page: p." p ": " $0
			}
			t = $0; sub(/.*">/, "", t); sub(/<\/word>.*/, "", t)
			c = ($2 + $6) / 2
			if (t == p && $4 > 0.9 * h && c > w / 2 - 30 &&
			    c < w / 2 + 30)
				num[p] = 1
		}
		END {
			for (i = first; i <= pages; i++)
				if (!num[i]) { miss++; if (miss <= 3)
					print "no page number on page " i }
			exit (out + miss) > 0
		}' "$tmp/$label.bbox" >"$tmp/$label.layout"
	if [ $? -eq 0 ]; then
		ok "$label-layout"
	else
		bad "$label-layout" "$(cat "$tmp/$label.layout")"
	fi
}

chrome "$tmp/blank.json" --no-pdf-header-footer \
	--print-to-pdf="$tmp/blank.pdf" "about:blank"
chrome "$tmp/net.json" --no-pdf-header-footer \
	--print-to-pdf="$out/roadmap-html.pdf" "file://$out/roadmap.html"
if [ -s "$out/roadmap-html.pdf" ]; then
	pdf_checks html-pdf "$out/roadmap-html.pdf" 2
else
	bad html-pdf "chromium wrote no PDF: $(tail -3 "$tmp/chrome.log")"
fi
# Nothing fetched: no host in the roadmap's network log that Chromium
# does not contact for a blank page too (its own services). The same
# check on a page that does fetch proves it can fail.
printf '<!DOCTYPE html><html><body><img src="http://fetch.example.invalid/x.png"></body></html>\n' \
	>"$tmp/fetch.html"
chrome "$tmp/fetch.json" --no-pdf-header-footer \
	--print-to-pdf="$tmp/fetch.pdf" "file://$tmp/fetch.html"
hosts "$tmp/blank.json" >"$tmp/blank.hosts"
chromium_hosts | sort -u >"$tmp/own.hosts"
hosts "$tmp/net.json" | comm -23 - "$tmp/own.hosts" >"$tmp/fetched"
hosts "$tmp/fetch.json" | comm -23 - "$tmp/own.hosts" >"$tmp/probe"
if [ ! -s "$tmp/net.json" ] || ! grep -qx 'fetch.example.invalid' "$tmp/probe"; then
	bad html-nothing-fetched "the network log does not show fetches (probe: $(cat "$tmp/probe"))"
elif [ -s "$tmp/fetched" ]; then
	bad html-nothing-fetched "the roadmap fetched from: $(tr '\n' ' ' <"$tmp/fetched")"
else
	ok html-nothing-fetched
fi
for doc in roadmap-en gen-zh gen-en promo promo-en sector sector-en; do
	chrome "$tmp/net-$doc.json" --no-pdf-header-footer \
		--print-to-pdf="$out/$doc-html.pdf" "file://$out/$doc.html"
done
chrome "$tmp/png.json" --screenshot="$out/roadmap.png" \
	--window-size=1000,1400 --hide-scrollbars "file://$out/roadmap.html"
size=$(wc -c <"$out/roadmap.png" 2>/dev/null || echo 0)
if [ "$size" -gt 20000 ] &&
   [ "$(od -An -c -N4 "$out/roadmap.png" | tr -d ' ')" = '211PNG' ]; then
	ok html-png
else
	bad html-png "screenshot missing or blank ($size bytes)"
fi

# LibreOffice: the flat ODF to PDF.
(cd "$tmp" && timeout 300 "$office" \
	-env:UserInstallation="file://$tmp/lo-profile" --headless \
	--convert-to pdf --outdir "$out" "$out/roadmap.fodt" \
	"$out/roadmap-en.fodt" "$out/gen-zh.fodt" "$out/gen-en.fodt" \
	"$out/promo.fodt" "$out/promo-en.fodt" "$out/sector.fodt" \
	"$out/sector-en.fodt" >"$tmp/lo.log" 2>&1)
if [ -s "$out/roadmap.pdf" ]; then
	pdf_checks fodt-pdf "$out/roadmap.pdf" 1
	if pdffonts "$out/roadmap.pdf" | grep -q 'CJK'; then
		ok fodt-pdf-cjk-font
	else
		bad fodt-pdf-cjk-font "no CJK font embedded: $(pdffonts "$out/roadmap.pdf" | tail -n +3 | cut -c1-36 | tr '\n' ' ')"
	fi
	# the method annex's formulas are formula objects: LibreOffice Math
	# draws them (without it nothing stands where they are); "CRF" is
	# printed by the capital recovery factor's formula only
	if pdftotext "$out/roadmap.pdf" - | grep -q 'CRF' &&
	   pdftotext "$out/roadmap-en.pdf" - | grep -q 'CRF'; then
		ok fodt-pdf-formulas
	else
		bad fodt-pdf-formulas "the formulas are not drawn (is libreoffice-math-nogui installed?)"
	fi
else
	bad fodt-pdf "libreoffice wrote no PDF: $(tail -3 "$tmp/lo.log")"
fi

# Layout: the word boxes of every PDF (no two words overlap, no id or
# number of the source split across lines, no word broken letter by
# letter, no page left half empty before a figure or before a page whose
# text would have fitted under its own, every catalog entry from its
# heading to its last line on one page where it fits on one, no page left
# mostly empty before an entry: tests/render/pdfcheck), the HTML's
# cells at the print width
# (nothing wider than its box, no chart data whose names wrap for want of
# the width its numbers leave unused, no name of 60 columns at most on
# four lines or more in a table as wide as the page, no chart's key printed
# under 7 pt: tests/render/overflow.sh). First on bad
# fixtures, which they must reject, then on the roadmaps.
pdfcheck=${PDFCHECK:-$SRC/build/rel/tests/render/pdfcheck}
stale=""
for f in "$SRC"/tests/render/pdfcheck*.[ch]; do
	[ "$f" -nt "$pdfcheck" ] && stale=1
done
if [ ! -x "$pdfcheck" ] || [ -n "$stale" ]; then
	make -s -C "$SRC" build/rel/tests/render/pdfcheck >"$tmp/make.log" 2>&1 ||
		{ bad layout-build "$(tail -3 "$tmp/make.log")"; pdfcheck=false; }
fi
"$pdfcheck" -s "$SRC/tests/render/bad-source.html" -l self \
	"$SRC/tests/render/bad-bbox.html" >"$tmp/self.out" 2>&1
rc=$?
if [ $rc -eq 1 ] && grep -q "overlap: '2025-BM-001'" "$tmp/self.out" &&
   grep -q "'2025-BM-002' split" "$tmp/self.out" &&
   grep -q "'0.879' split" "$tmp/self.out" &&
   grep -q "'Building' broken letter by letter" "$tmp/self.out" &&
   grep -q "page 2: text ends at .* starts page 3" "$tmp/self.out" &&
   grep -q "page 4: text ends at .* page 5's text .* would fit under it" "$tmp/self.out" &&
   ! grep -q "page 3: text ends" "$tmp/self.out" &&
   grep -q "entry '1.余热发电技术' (.*) split: .* on page 6, .* on page 7" "$tmp/self.out" &&
   grep -q "page 7: text ends at .* the entry '3.电炉短流程技术' .* starts page 8" "$tmp/self.out" &&
   ! grep -q "entry '2\." "$tmp/self.out"; then
	ok layout-selftest-words
else
	bad layout-selftest-words "pdfcheck missed a fault (rc $rc): $(cat "$tmp/self.out")"
fi
sh "$SRC/tests/render/overflow.sh" "$chromium" \
	"$SRC/tests/render/bad-overflow.html" "$tmp" >"$tmp/self-ov.out" 2>&1
rc=$?
if [ $rc -eq 1 ] && grep -q 'OVERFLOW td "2025-BM-001"' "$tmp/self-ov.out" &&
   grep -q 'NARROW text cell "Clinker substitution' "$tmp/self-ov.out" &&
   grep -q 'CRAMPED text cell "Aluminium reduction cell side-wall heat recovery" (48 columns) on [4-9] lines' "$tmp/self-ov.out" &&
   grep -q 'SMALL key text "1  Clinker substitution" printed at 5\.6 pt' "$tmp/self-ov.out"; then
	ok layout-selftest-overflow
else
	bad layout-selftest-overflow "overflow.sh missed the overflowing id, the narrow name column, the cramped name or the small key (rc $rc): $(cat "$tmp/self-ov.out")"
fi
# $1 label, $2 pdf, $3 the document it was printed from.
words_check() {
	if [ ! -s "$2" ]; then
		bad "$1-words" "no PDF $2"
		return
	fi
	pdftotext -bbox-layout "$2" "$tmp/$1.bboxl"
	if "$pdfcheck" -s "$3" -l "$1" "$tmp/$1.bboxl" >"$tmp/$1.words"; then
		ok "$1-words"
	else
		bad "$1-words" "$(cat "$tmp/$1.words")"
	fi
}
words_check html-pdf "$out/roadmap-html.pdf" "$out/roadmap.html"
words_check html-en-pdf "$out/roadmap-en-html.pdf" "$out/roadmap-en.html"
words_check fodt-pdf "$out/roadmap.pdf" "$out/roadmap.fodt"
words_check fodt-en-pdf "$out/roadmap-en.pdf" "$out/roadmap-en.fodt"
for doc in promo promo-en sector sector-en; do
	words_check $doc-html-pdf "$out/$doc-html.pdf" "$out/$doc.html"
	words_check $doc-fodt-pdf "$out/$doc.pdf" "$out/$doc.fodt"
done
# The promotion catalog's eleven columns on the A4 page on its side, as
# the national catalogs print them; the roadmaps upright.
for pdf in promo-html promo-en-html promo promo-en sector-html sector; do
	pdfinfo "$out/$pdf.pdf" >"$tmp/$pdf.info" 2>&1
	size=$(awk '/^Page size:/ { print ($3 > $5) ? "landscape" : "portrait" }' \
		"$tmp/$pdf.info")
	case $pdf in promo*) want=landscape ;; *) want=portrait ;; esac
	if [ "$size" = "$want" ] && grep -q '(A4)' "$tmp/$pdf.info"; then
		ok "$pdf-orientation"
	else
		bad "$pdf-orientation" "want A4 $want: $(grep '^Page size' "$tmp/$pdf.info")"
	fi
done
for lang in zh en; do
	words_check gen-$lang-html-pdf "$out/gen-$lang-html.pdf" \
		"$out/gen-$lang.html"
	words_check gen-$lang-fodt-pdf "$out/gen-$lang.pdf" "$out/gen-$lang.fodt"
done
for doc in roadmap roadmap-en gen-zh gen-en promo promo-en sector sector-en; do
	if sh "$SRC/tests/render/overflow.sh" "$chromium" "$out/$doc.html" \
		"$tmp" >"$tmp/$doc.ov" 2>&1; then
		ok "$doc-html-overflow"
	else
		bad "$doc-html-overflow" "$(head -12 "$tmp/$doc.ov")"
	fi
done
# The table of contents' page numbers: every entry of the HTML's
# contents printed with a number, the page where its heading prints
# (tests/render/tocpages.awk), in the HTML's PDFs (Chromium has no
# target-counter(): the page's script numbers them) and the .fodt's (a
# real index). First on a made-up print whose contents has one number
# wrong and one missing, which it must reject.
# $1 the HTML: its contents' title and entries, one a line.
toc_entries() {
	sed -n -e 's/.*<h2 class="toc-title">\([^<]*\)<\/h2>.*/\1/p' \
		-e 's/.*<li class="toc[0-9]"><a href="#s[0-9]*">\([^<]*\)<.*/\1/p' "$1"
}
printf '%s\n' 'Contents' 'Foreword' 'Key &amp; findings' 'Steel' >"$tmp/self.toc"
printf 'Title\n\n     1\n\fContents\nForeword ........ 4\nKey &\n  findings ...... 3\n   Steel\n     2\n\fForeword\ntext\nKey & findings\nSteel\n     3\n' \
	>"$tmp/self.toclayout"
if ! awk -f "$SRC/tests/render/tocpages.awk" "$tmp/self.toc" \
	"$tmp/self.toclayout" >"$tmp/self.tocpages" &&
   grep -q "^no page number in the contents: 'Steel'$" "$tmp/self.tocpages" &&
   grep -q "^'Foreword' listed on page 4, printed on page 3$" "$tmp/self.tocpages" &&
   ! grep -q "'Key&findings' listed" "$tmp/self.tocpages" &&
   grep -q '^3 contents entries, 2 with a page number, 1 on' "$tmp/self.tocpages"; then
	ok layout-selftest-toc-pages
else
	bad layout-selftest-toc-pages "tocpages.awk missed a wrong or missing number: $(cat "$tmp/self.tocpages")"
fi
for doc in roadmap roadmap-en gen-zh gen-en sector sector-en; do
	toc_entries "$out/$doc.html" >"$tmp/$doc.toc"
	for pdf in $doc-html $doc; do
		if [ -s "$out/$pdf.pdf" ] &&
		   pdftotext -enc UTF-8 -layout "$out/$pdf.pdf" - |
			awk -f "$SRC/tests/render/tocpages.awk" "$tmp/$doc.toc" - \
			>"$tmp/$pdf.tocpages"; then
			ok "$pdf-toc-pages"
		else
			bad "$pdf-toc-pages" "$(cat "$tmp/$pdf.tocpages" 2>/dev/null)"
		fi
	done
done
# The MACC keys of the .fodt's PDFs at 7 pt or more (the HTML's: the
# SMALL check of overflow.sh): their word boxes (tests/render/keysize.awk),
# the keys read from the same edition's HTML. First on a made-up page
# whose key prints at 6 pt, which it must reject.
printf '1  Clinker substitution\n' >"$tmp/self.keys"
printf '%s\n' '<page width="595" height="842">' \
	'<word xMin="50" yMin="100" xMax="55" yMax="107.8">1</word>' \
	'<word xMin="60" yMin="100" xMax="90" yMax="107.8">Clinker</word>' \
	'</page>' >"$tmp/self.keybox"
if ! awk -F'"' -f "$SRC/tests/render/keysize.awk" "$tmp/self.keys" \
	"$tmp/self.keybox" >"$tmp/self.keysize" &&
   grep -q 'key "1 Clinker" printed at 6.0 pt' "$tmp/self.keysize"; then
	ok layout-selftest-keysize
else
	bad layout-selftest-keysize "keysize.awk missed a key at 6 pt: $(cat "$tmp/self.keysize")"
fi
for doc in roadmap roadmap-en sector sector-en; do
	grep -o 'class="key">[^<]*' "$out/$doc.html" |
		sed 's/class="key">//' >"$tmp/$doc.keys"
	if [ -s "$out/$doc.pdf" ] && pdftotext -bbox "$out/$doc.pdf" - |
		awk -F'"' -f "$SRC/tests/render/keysize.awk" "$tmp/$doc.keys" - \
		>"$tmp/$doc.keysize"; then
		ok "$doc-fodt-keysize"
	else
		bad "$doc-fodt-keysize" "$(cat "$tmp/$doc.keysize" 2>/dev/null)"
	fi
done
if [ "$fail" -eq 0 ]; then
	echo "render: all passed"
else
	echo "render: FAILED"
fi
exit $fail
