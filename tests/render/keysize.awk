# keysize.awk - the printed size of the MACC keys in a PDF converted by
# LibreOffice: is any under 7 pt? Reads first the keys of the charts,
# "N  name" one a line (the text.key of the same edition's HTML), then
# the PDF's word boxes (pdftotext -bbox), with -F'"'. A key entry is its
# number followed on its line by the first word of its name; its type
# size is its box's height over 1.3 (LibreOffice's boxes of Noto Sans
# CJK: a 9 pt word 11.7 pt high).
# Prints the small ones and a summary; exit 0 when all are 7 pt or more
# and some were found.
FNR == NR {
	n = $0; sub(/ .*/, "", n); w = $0; sub(/^[0-9]+ +/, "", w)
	sub(/ .*/, "", w); key[n SUBSEP substr(w, 1, 6)] = 1; next
}
/<word / {
	t = $0; sub(/.*">/, "", t); sub(/<\/word>.*/, "", t)
	if (((pt SUBSEP substr(t, 1, 6)) in key) && $4 - py < 0.5 &&
	    py - $4 < 0.5 && $2 > px && $2 - px < 12) {
		k++
		s = ($8 - $4) / 1.3
		if (s < 6.95 && ++small <= 3)
			printf "key \"%s %s\" printed at %.1f pt (under 7)\n",
				pt, t, s
		if (!k || k == 1 || s < min)
			min = s
	}
	pt = t; py = $4; px = $6
}
END {
	printf "%d key entries, the smallest at %.1f pt\n", k, min
	exit !(k > 0 && !small)
}
