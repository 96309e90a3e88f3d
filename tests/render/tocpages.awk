# tocpages.awk - the page numbers of a printed table of contents: does
# every entry carry one, and is it the page where its heading prints?
# Reads first the contents, its title then its entries one a line (from
# the same edition's HTML, XML-escaped as there), then the PDF's text
# (pdftotext -layout, pages separated by form feeds). Text is compared
# without its spaces. The contents starts at the line that is its title;
# each entry then takes the lines that spell its text (a long one
# wraps), followed by leader dots and its number. The headings are the
# first lines after the contents that spell the entries' texts, in their
# order (the same heading may stand in several chapters); the page of a
# heading is its page in the PDF, which is the number printed at the
# foot of that page (render.sh checks those).
# Prints the faults and a summary; exit 0 when every entry has its number
# and every number is right.
function norm(s) {
	gsub(/[ \t\r]/, "", s)
	gsub(/\302\240/, "", s)		# no-break space
	gsub(/\343\200\200/, "", s)	# ideographic space
	return s
}
function unxml(s) {
	gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s)
	gsub(/&#39;/, "'", s); gsub(/&apos;/, "'", s); gsub(/&amp;/, "\\&", s)
	return s
}
# Does text t start with line i's text, and the lines after it on its
# page spell t with it? Sets got to what they spell (as far as they go).
function spells(t, i) {
	got = L[i]
	if (got == "" || substr(t, 1, length(got)) != got)
		return 0
	while (length(got) < length(t) && i + 1 <= nl && P[i + 1] == P[i] &&
	       L[i + 1] != "" && substr(t, 1, length(got L[i + 1])) == got L[i + 1]) {
		i++
		got = got L[i]
	}
	last = i
	return got == t
}
FNR == NR {
	if (FNR == 1)
		title = norm(unxml($0))
	else
		ent[++n] = norm(unxml($0))
	next
}
{
	line = $0
	while ((k = index(line, "\f")) > 0) {
		page++
		line = substr(line, 1, k - 1) substr(line, k + 1)
	}
	L[++nl] = norm(line)
	P[nl] = page + 1
}
END {
	for (i = 1; i <= nl && L[i] != title; i++)
		;
	if (title == "" || i > nl) {
		print "no table of contents: no line '" title "'"
		exit 1
	}
	printf "contents on page %d\n", P[i]
	# the entries: their text, leader dots, their number
	for (k = 1; k <= n; k++) {
		# (a page's number at its foot when the contents goes on)
		for (i++; i <= nl && (L[i] == "" || L[i] ~ /^[0-9]+$/); i++)
			;
		got = L[i]
		while (i < nl && length(got) < length(ent[k]) &&
		       substr(ent[k], 1, length(got)) == got) {
			for (i++; i < nl && L[i] == ""; i++)
				;
			got = got L[i]
		}
		if (substr(got, 1, length(ent[k])) != ent[k]) {
			print "contents entry " k " '" ent[k] "' not found: '" got "'"
			exit 1
		}
		rest = substr(got, length(ent[k]) + 1)
		gsub(/^(\.|\302\267|\342\200\246)+/, "", rest)
		if (rest ~ /^[0-9]+$/) {
			num[k] = rest + 0
			numbered++
		} else if (++nonum <= 3) {
			print "no page number in the contents: '" ent[k] "'" \
				(rest == "" ? "" : " (followed by '" rest "')")
		}
	}
	# the headings, in order after the contents
	for (k = 1; k <= n; k++) {
		for (i++; i <= nl && !spells(ent[k], i); i++)
			;
		if (i > nl) {
			print "heading '" ent[k] "' not found after the contents"
			exit 1
		}
		if (k in num) {
			if (num[k] == P[i])
				right++
			else if (++wrong <= 3)
				printf "'%s' listed on page %d, printed on page %d\n",
					ent[k], num[k], P[i]
		}
		i = last
	}
	printf "%d contents entries, %d with a page number, %d on their heading's page\n",
		n, numbered, right
	exit !(n > 0 && numbered == n && right == n)
}
