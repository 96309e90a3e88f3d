#!/bin/sh
# claims.sh - the README's concrete claims against the real binary and
# the source tree: the commands and options it names are the ones
# `lowcarb help` documents (and the other way round), the counts it gives
# of the sample edition, its panel, the translations, the bad-input
# corpus and the crash test are today's, the messages and figures it
# quotes are what the binary prints, and the files and e2e cases it cites
# exist. Run by run.sh after the tour, in the tour's folder (its catalog
# holds the sample edition, the panel's scores and a recorded rank).
# Everything after "## Benchmarks" is left out: make bench pins it.
# Prints one line per failed claim and exits 1 when any failed.
# Usage: claims.sh LOWCARB README SRC
bin=$1
readme=$2
src=$3
fail=0
bad() { echo "claim: $*"; fail=1; }

# The README up to its benchmarks; and as one line, single spaces, so
# that a sentence broken across lines is found whole.
awk '/^## Benchmarks/ { exit } { print }' "$readme" > rd.md
tr '\n' ' ' < rd.md | tr -s ' ' > rd.txt
says() { grep -qF -- "$1" rd.txt || bad "README does not say: $1"; }

# --- commands and options: README and help agree -----------------------
"$bin" help > help.txt
awk '/^commands:/ { f = 1; next } f && /^  [a-z]/ { print $1 }' help.txt \
	> cmds.txt
[ -s cmds.txt ] || bad "no command in lowcarb help"
: > hflags.txt
grep -o -- '--[a-z][a-z0-9-]*' help.txt >> hflags.txt || :
while read -r c; do
	"$bin" help "$c" > "h-$c.txt" || bad "lowcarb help $c fails"
	grep -o -- '--[a-z][a-z0-9-]*' "h-$c.txt" >> hflags.txt || :
	grep -qE "lowcarb $c\b|\`$c\`" rd.md ||
		bad "command '$c' of lowcarb help is not in the README"
done < cmds.txt
sort -u hflags.txt -o hflags.txt
grep -o -- '--[a-z][a-z0-9-]*' rd.md | sort -u > rflags.txt
# options of other programs the README shows (soffice, the linker)
printf '%s\n' --convert-to --headless --infilter --wrap > others.txt
for f in $(comm -23 hflags.txt rflags.txt); do
	bad "option $f of lowcarb help is not in the README"
done
for f in $(comm -13 hflags.txt rflags.txt); do
	grep -qx -- "$f" others.txt ||
		bad "option $f of the README is not in lowcarb help"
done
# Every command line of the README's sh blocks: a command lowcarb has,
# with options its help names (`lowcarb help CMD`).
awk '/^```sh$/ { b = 1; next } b && /^```$/ { b = 0; next }
	b { sub(/[ \t]+#.*/, ""); if (sub(/\\$/, "")) { l = l $0; next }
	    print l $0; l = "" }' rd.md |
	sed -n 's/^\(.*[ =]\)\{0,1\}\(\.\/\)\{0,1\}lowcarb \(.*\)$/\3/p' \
	> lines.txt
[ -s lines.txt ] || bad "no lowcarb command line in the README"
while read -r l; do
	# shellcheck disable=SC2086
	set -f; set -- $l; set +f
	while [ $# -gt 0 ]; do
		case $1 in --catalog) shift 2 ;; --*) shift ;; *) break ;; esac
	done
	c=${1:-}
	if ! grep -qx -- "$c" cmds.txt; then
		bad "'lowcarb $l': no command '$c'"
		continue
	fi
	for f in $(echo "$l" | grep -o -- '--[a-z][a-z0-9-]*'); do
		case $f in --catalog|--help) continue ;; esac
		grep -q -- "$f\b" "h-$c.txt" ||
			bad "'lowcarb $l': $f is not in lowcarb help $c"
	done
done < lines.txt
# and every `lowcarb CMD ... --option` or `CMD ... --option` span of the
# prose (CMD may be `validate|import`)
grep -o '`[^`]*`' rd.txt | tr -d '`' | sed 's/ | lowcarb /\n/g' |
	sed 's/^lowcarb //' | grep -- '--' > spans.txt
: > spans-ok.txt
while read -r l; do
	c=${l%% *}
	ok=1
	for a in $(echo "$c" | tr '|' ' '); do
		grep -qx -- "$a" cmds.txt || ok=
	done
	[ -n "$ok" ] || continue
	echo "$l" >> spans-ok.txt
	for f in $(echo "$l" | grep -o -- '--[a-z][a-z0-9-]*'); do
		for a in $(echo "$c" | tr '|' ' '); do
			grep -q -- "$f\b" "h-$a.txt" ||
				bad "'$l': $f is not in lowcarb help $a"
		done
	done
done < spans.txt
[ "$(grep -c '' spans-ok.txt)" -gt 20 ] || bad "few command spans found in the prose"
# the commands that take --assumptions, as the README lists them
says "\`--assumptions FILE\` replaces them on \`rank\`, \`explain\`, \`costs\`, \`export roadmap|macc|ranking\`, \`sheets export\`, \`validate\` and \`import\` ("
grep -l -- '--assumptions' h-*.txt | sed 's/^h-//; s/\.txt$//' | sort | tr '\n' ' ' > as.txt
[ "$(cat as.txt)" = "costs explain export import rank sheets validate " ] ||
	bad "the commands taking --assumptions are $(cat as.txt)"
grep '^ *lowcarb export' h-export.txt > /dev/null || bad "no export usage"
awk '/^$/ { exit } /^usage: lowcarb export|^       lowcarb export/ { s = $0; sub(/.*lowcarb export /, "", s); sub(/ .*/, "", s) }
	/--assumptions/ && s { print s }' h-export.txt | sort -u | tr '\n' ' ' > ea.txt
[ "$(cat ea.txt)" = "macc ranking roadmap " ] ||
	bad "export takes --assumptions for $(cat ea.txt), the README says roadmap, macc, ranking"
# the .fodt is tried with LibreOffice only: no help says WPS or Word
# read it without saying that is untested
says "WPS and Word read flat ODF too, but no test here runs them"
cat h-*.txt | tr '\n' ' ' | tr -s ' ' > hall.txt
[ "$(grep -o 'Word' hall.txt | wc -l)" -eq "$(grep -o 'Word untested' hall.txt | wc -l)" ] ||
	bad "a command's help says the .fodt is for Word without 'untested'"
# every option a command accepts (its getopt table in cli/cmd-CMD.c) is
# in its help, --help aside (the help of every command says it)
while read -r c; do
	sed -n 's/.*{ *"\([a-z][a-z0-9-]*\)", *\(required\|no\|optional\)_argument.*/\1/p' \
		"$src/cli/cmd-$c.c" 2> /dev/null | sort -u > opts.txt
	while read -r o; do
		[ "$o" = help ] && continue
		grep -q -- "--$o\b" "h-$c.txt" ||
			bad "$c accepts --$o, lowcarb help $c does not name it"
	done < opts.txt
done < cmds.txt
grep -q -- '--version' help.txt || bad "lowcarb help does not name --version"
tr '\n' ' ' < help.txt | tr -s ' ' > help1.txt
st=$(grep -o 'Exit status: [^.]*\.' help1.txt)
[ -n "$st" ] || bad "lowcarb help gives no exit statuses"
says "$st"
# each exit status as the help and the README give them
xs() { # want, command...
	w=$1; shift
	r=0; "$@" > /dev/null 2> xs.err || r=$?
	[ "$r" -eq "$w" ] || bad "'lowcarb ${*#"$bin" }' exits $r, not $w: $(head -n 1 xs.err)"
}
printf 'id,edition\n2025-ST-001,2025\n' > x.csv
xs 0 "$bin" list --edition 2025
xs 1 "$bin" validate x.csv
xs 2 "$bin" list --no-such-option
xs 3 "$bin" --catalog no-such.tct list
case $(head -n 1 xs.err) in "lowcarb: "*) ;; *) bad "an error is not 'lowcarb: ...'" ;; esac
says "Errors go to stderr as \`lowcarb: file:line: field: message\`."
"$bin" validate x.csv > /dev/null 2> xs.err || :
grep -q '^lowcarb: x\.csv:1: name_zh: ' xs.err || bad "validate's errors are not 'lowcarb: file:line: field: message'"

# --- the catalog: --catalog FILE anywhere, else $LOWCARB_CATALOG, else
# ./lowcarb.tct
says "The catalog is \`--catalog FILE\` (anywhere on the command line), else \`\$LOWCARB_CATALOG\`, else \`lowcarb.tct\` in the working directory."
cat_=$LOWCARB_CATALOG
"$bin" --catalog "$cat_" list --format csv > c1.csv
env -u LOWCARB_CATALOG "$bin" list --format csv --catalog "$cat_" > c2.csv ||
	bad "--catalog after the command is refused"
env -u LOWCARB_CATALOG "$bin" list --catalog "$cat_" --format csv > c3.csv ||
	bad "--catalog among the command's options is refused"
cmp -s c1.csv c2.csv && cmp -s c1.csv c3.csv && [ -s c1.csv ] ||
	bad "--catalog after the command reads another catalog"
mkdir -p cwd
rc=0
(cd cwd && LOWCARB_CATALOG=../none.tct "$bin" --catalog "$cat_" list > /dev/null) ||
	bad "--catalog does not win over \$LOWCARB_CATALOG"
(cd cwd && LOWCARB_CATALOG=none.tct "$bin" list > /dev/null 2>&1) || rc=$?
[ "$rc" -eq 3 ] || bad "\$LOWCARB_CATALOG naming no catalog exits $rc, not 3"
cp "$cat_" cwd/lowcarb.tct
(cd cwd && env -u LOWCARB_CATALOG "$bin" list --format csv > ../c4.csv) ||
	bad "./lowcarb.tct is not the catalog without --catalog or \$LOWCARB_CATALOG"
cmp -s c1.csv c4.csv || bad "./lowcarb.tct is not the catalog read"

# --- import's summary, a listed CSV re-imported, a revision per change --
"$bin" --catalog imp.tct import "$src"/data/samples/2025/* > imp1.txt 2> /dev/null ||
	bad "the sample edition does not import"
says "the run ends with \`N added, N updated, N unchanged, N rejected, N skipped\`"
grep -qx '[0-9]* added, 0 updated, 0 unchanged, 0 rejected, 0 skipped' imp1.txt ||
	bad "import's summary is not 'N added, N updated, N unchanged, N rejected, N skipped': $(tail -n 1 imp1.txt)"
"$bin" --catalog imp.tct list --format csv > all.csv
"$bin" --catalog imp.tct import all.csv > imp2.txt 2> /dev/null
says "a listed CSV re-imports into an identical catalog (\`0 added, 0 updated\`)"
grep -q '^0 added, 0 updated, [0-9]* unchanged, 0 rejected, 0 skipped$' imp2.txt ||
	bad "list's CSV does not re-import unchanged: $(tail -n 1 imp2.txt)"
sed 's/^\(2025-BM-001,2025,[^,]*,[^,]*,building-materials,[a-z-]*\),9,/\1,8,/' all.csv > all2.csv
"$bin" --catalog imp.tct import all2.csv > imp3.txt 2> /dev/null
says "prints \`updated ID: fields\`"
grep -qx 'updated 2025-BM-001: trl' imp3.txt ||
	bad "a changed TRL is not reported as 'updated ID: trl': $(head -n 1 imp3.txt)"
"$bin" --catalog imp.tct history 2025-BM-001 > hist.txt
[ "$(grep -c '^rev ' hist.txt)" -eq 2 ] ||
	bad "history does not hold two revisions after one change"
grep -q '    trl: 9 -> 8' hist.txt || bad "history does not show 'trl: 9 -> 8'"

# --- the sample edition and its panel (the tour's catalog) --------------
n=$(ls "$src"/data/samples/2025 | wc -l)
[ "$n" -eq 4 ] || bad "data/samples/2025 holds $n files, not four associations'"
"$bin" list --edition 2025 --format json > d.json
nd=$(jq length d.json)
says "import $nd dossiers from four associations"
says "\`data/samples/2025/\`: $nd dossiers from four associations"
"$bin" experts list --format csv > experts.csv
ne=$(($(wc -l < experts.csv) - 1))
says "the panel's $ne experts"
says "(\`data/samples/panel/\`): $ne experts over the five sectors"
for s in steel nonferrous petrochemical chemical building-materials; do
	grep -q "[,;]$s[,;]" experts.csv || bad "no $s expert in the sample panel"
done
"$bin" conflicts list --format csv > conflicts.csv
np=$(($(wc -l < conflicts.csv) - 1))
nx=$(tail -n +2 conflicts.csv | cut -d, -f1 | sort -u | wc -l)
says "affiliations, $nx of them with conflicts of interest on sample dossiers ($np expert-dossier pairs"
# the samples' potentials, and the steel routes' claims
lo=$(jq '[.[].potential | tonumber?] | min' d.json)
hi=$(jq '[.[].potential | tonumber?] | max' d.json)
says "potentials span $(printf '%.1e' "$lo" | sed 's/e+0*/e/') to $(printf '%.1e' "$hi" | sed 's/e+0*/e/') tCO2/a"
"$bin" export macc --edition 2025 --sector steel --format csv -o steel.csv
says "their claims add up to $(awk -F, 'NR > 1 { s += $8 } END { printf "%.1f", s / 1e6 }' steel.csv) Mt CO2/a"
if awk -F, 'NR > 1 && $7 != "crude-steel" { bad = 1 } END { exit !bad }' steel.csv; then
	bad "a steel dossier of the samples names another product than crude-steel"
fi

# the samples' potentials under min-max and on the log scale (top20)
lmm=$(jq --argjson lo "$lo" --argjson hi "$hi" \
	'[.[].potential | tonumber? | select((. - $lo) / ($hi - $lo) < 0.05)] | length' d.json)
llg=$(jq --argjson lo "$lo" --argjson hi "$hi" \
	'[.[].potential | tonumber? | select(((log10 - ($lo | log10)) / (($hi | log10) - ($lo | log10))) < 0.05)] | length' d.json)
says "min-max left $lmm of the $nd dossiers below 0.05 of that criterion's weight"
[ "$llg" -eq 1 ] && says "on the log scale only the smallest is" ||
	bad "$llg dossiers below 0.05 on the log scale, not only the smallest"
grep -A1 '<criterion id="potential"' "$src/data/criteria/top20.xml" |
	grep -q 'normalization="log-minmax"' ||
	bad "top20 does not normalise the potential on the log scale"

# --- the top20 profile -------------------------------------------------
t20=$src/data/criteria/top20.xml
says "five criteria scored by the panel on 0-10"
[ "$(grep -c '<panel min="0" max="10"/>' "$t20")" -eq 5 ] ||
	bad "top20 has not five panel criteria on 0-10"
says "and four indicators"
[ "$(grep -c '<indicator ' "$t20")" -eq 4 ] || bad "top20 has not four indicators"
says "eligibility TRL at least $(sed -n 's/.*rule id="trl" field="trl" op="ge" value="\([0-9]*\)".*/\1/p' "$t20"), at least one demonstration project"
grep -q 'field="demonstrations" op="ge" value="1"' "$t20" || bad "top20: demonstrations"
q=$(grep '<quota ' "$t20" | sed 's/.*min="\([0-9]*\)" max="\([0-9]*\)".*/at least \1 and at most \2 per sector/' | sort -u)
says "$q; $(sed -n 's/.*<select n="\([0-9]*\)".*/\1/p' "$t20") selected"
[ "$(grep -c '<quota ' "$t20")" -eq 5 ] || bad "top20: not a quota per sector"
[ "$(grep -o 'by="[a-z-]*"\( ref="[a-z]*"\)\{0,1\}' "$t20" | tr '\n' ' ')" = \
  'by="criterion" ref="carbon" by="top-scores" by="disagreement" by="id" ' ] ||
	bad "top20's tie-break chain is not carbon, top scores, disagreement, id"
says "ties broken by the carbon score, then more top panel scores, then lower disagreement, then the id"

# --- the cost check on the samples ---------------------------------------
"$bin" costs --edition 2025 --format csv > costs.csv
word() { echo "$1" | awk '{ split("one two three four five six seven eight nine ten", w, " ")
	print ($1 >= 1 && $1 <= 10) ? w[$1] : $1 }'; }
ids() { awk -F, -v f="$1" '$5 == f { printf "%s`%s`", n++ ? ", " : "", $1 }' costs.csv; }
count() { awk -F, -v f="$1" '$5 == f { n++ } END { print n + 0 }' costs.csv; }
nd2=$(count diverges)
ns=$(count sign)
says "except for $(word $((nd2 + ns))) dossiers left contradictory on purpose"
says "$(word "$nd2") off by over 25 % ($(ids diverges))"
says "$(word "$ns") of the opposite sign ($(ids sign))"
says "$(word "$(count stated-only)") more state a cost without the inputs to check it (\`stated-only\`)"
says "of their $(awk -F, 'NR > 1 && $2 != ""' costs.csv | wc -l) stated costs"
r=$(awk -F, '$1 == "2025-BM-007" { printf "%.2f CNY/tCO2, against %s stated: ratio %.3f", $3, $2, $4 }' costs.csv)
says "= $r, *$(awk -F, '$1 == "2025-BM-007" { print $5 }' costs.csv)*"

# explain's units and magnitudes, on the sample dossier the README quotes
"$bin" explain 2025-BM-007 --edition 2025 > explain.txt
row() { awk -v c="$1" '$1 == c { sub(/^[a-z_]+ +[0-9.]+ +/, ""); print }' explain.txt; }
pv=$(row potential | sed 's/  .*//'); pn=$(row potential | sed 's/.*  //')
says "(\`explain 2025-BM-007\` of the samples: \`potential $pv\`, needed alone \`$pn\`; \`payback $(row payback | sed 's/  .*//')\`; \`abatement_cost $(row abatement_cost | sed 's/  .*//')\`, needed alone \`$(row abatement_cost | sed 's/.*  //')\`)"

# list's JSON keys: the CSV's column names, and status and reason
says "the JSON's keys the same names (a field the dossier does not give left out) and \`status\` and \`reason\`"
jq -r '[.[] | keys_unsorted[]] | unique[]' d.json > jkeys.txt
{ "$bin" list --format csv | head -n 1 | tr ',' '\n'; echo status; echo reason; } |
	sort > ckeys.txt
comm -23 jkeys.txt ckeys.txt > jextra.txt
[ ! -s jextra.txt ] || bad "list's JSON has keys that are no CSV column: $(tr '\n' ' ' < jextra.txt)"
grep -qx status jkeys.txt || bad "list's JSON has no status"

# --- the CSV headers the README gives exactly ----------------------------
hdr() { # what, the header printed, the README's text around it
	[ -n "$2" ] || bad "$1 prints no header"
	says "$3$2$4"
}
"$bin" list --format csv > l.csv
hdr "the submission CSV (list's)" "$(head -n 1 l.csv)" "these columns, in any order: \`" "\`"
hdr "track" "$("$bin" track 2025-ST-001 --format csv | head -n 1)" "CSV header: \`" "\`"
cp "$LOWCARB_CATALOG" ref.tct
"$bin" benchmark --edition 2025 --reference ref.tct --format csv > b.csv
hdr "benchmark" "$(head -n 1 b.csv)" "CSV header exactly \`" "\`"
hdr "costs" "$(head -n 1 costs.csv)" "CSV header exactly " " with"
hdr "export macc" "$(head -n 1 steel.csv)" "\`export macc\` CSV columns: \`" "\`"
hdr "export macc" "$(head -n 1 steel.csv)" "(\`--format csv\`: \`" "\` in drawing order"
hdr "products" "$("$bin" products --format csv | head -n 1)" "lowcarb products --format csv # " " "
hdr "experts" "$(head -n 1 experts.csv)" "lowcarb experts import experts.csv # " " "
hdr "assign list" "$("$bin" assign list --format csv | head -n 1)" "# CSV: " " "
hdr "panel status" "$("$bin" panel status --format csv | head -n 1)" "The CSV header is \`" "\`"
printf 'x,a,b\np,1,2\nq,3,1\n' > m.csv
hdr "mcda vikor" "$("$bin" mcda --matrix m.csv --types min,max --weights 0.5,0.5 --method vikor --v 0.5 --format csv 2> /dev/null | head -n 1)" "--format csv # " " "
for m in topsis promethee2; do
	"$bin" mcda --matrix m.csv --method $m --format csv > "$m.csv"
done
hdr "mcda topsis" "$(head -n 1 topsis.csv | sed 's/^alternative,score,rank,//')" "(TOPSIS \`" "\`"
hdr "mcda promethee2" "$(head -n 1 promethee2.csv | sed 's/^alternative,score,rank,//')" "PROMETHEE II \`" "\`)"
printf 'c,a,b\na,1,3\nb,1/3,1\n' > p.csv
hdr "ahp" "$("$bin" ahp p.csv | head -n 1)" "prints \`" "\`, or with"
# the README's links inside itself lead to a heading (GitHub's anchors)
awk '/^```/ { b = !b; next } !b && /^#/' "$readme" |
	perl -CSD -pe 'chomp; s/^#+ *//; $_ = lc; s/[^\w\- ]//g; s/ /-/g; $_ .= "\n"' \
	> anchors.txt
perl -ne 'print "$1\n" while /\]\(#([^)]+)\)/g' rd.md | sort -u > links.txt
while read -r a; do
	grep -qx -- "$a" anchors.txt || bad "link to #$a: no such heading"
done < links.txt

# --- the text catalogues' lines the README shows -----------------------
awk '/^```$/ { b = !b; next } b && /^[a-z][a-z.]* = /' rd.md > keys.txt
[ -s keys.txt ] || bad "no line of data/text/zh.txt shown"
while IFS= read -r l; do
	grep -qxF -- "$l" "$src/data/text/zh.txt" ||
		bad "not a line of data/text/zh.txt: $l"
done < keys.txt
perl -ne 'print "$1 $2\n" while /`zh\.txt:(\d+): ([\w.]+):/g' rd.md > at.txt
[ -s at.txt ] || bad "no zh.txt:LINE: KEY quoted"
while read -r n k; do
	sed -n "${n}p" "$src/data/text/zh.txt" | grep -q "^$k = " ||
		bad "zh.txt:$n is not the key $k"
done < at.txt

# --- products, GWP100 values, published assumptions ---------------------
"$bin" products --format csv > products.csv
sed -n 's/.*for the four industries: \([^.]*\)\. Each has.*/\1/p' rd.txt |
	sed 's/, /\n/g' > pnames.txt
tail -n +2 products.csv | cut -d, -f3 | tr 'A-Z' 'a-z' > pen.txt
[ "$(grep -c "" pnames.txt)" -eq "$(grep -c "" pen.txt)" ] ||
	bad "the README names $(grep -c "" pnames.txt) products, data/products.xml has $(grep -c "" pen.txt)"
paste -d'|' pnames.txt pen.txt | while IFS='|' read -r a b; do
	case $b in *"$a"*) ;; *) echo "claim: product '$a' of the README is '$b'" ;; esac
done > pbad.txt
[ ! -s pbad.txt ] || { cat pbad.txt; fail=1; }
gw=$src/data/assumptions/gwp.xml
gv() { sed -n "/<set name=\"$1\">/,/<\/set>/s/.*<gas name=\"$2\" value=\"\([0-9.]*\)\".*/\1/p" "$gw"; }
for g in CH4 N2O CF4 C2F6 SF6 HFC-23; do
	r=$(grep "^| $g |" rd.md | tr -d ',')
	v5=$(gv ar5 $g); v6=$(gv ar6 $g)
	case $r in "| $g | $v5 | $v6 "*) ;; *) bad "GWP100 of $g: the README says '$r', gwp.xml $v5 and $v6" ;; esac
done
df=$src/data/assumptions/default.xml
says "| discount rate \`r\` | $(sed -n 's/.*<discount-rate value="\([0-9.]*\)".*/\1/p' "$df") |"
says "| GWP100 set | \`$(sed -n 's/.*<gwp set="\([a-z0-9]*\)".*/\1/p' "$df")\` |"
says "| tolerance of the cost check | $(sed -n 's/.*<cost-check tolerance="\([0-9.]*\)".*/\1/p' "$df") |"
says "| prices | $(sed -n 's/.*<prices year="\([0-9]*\)" currency="\([A-Z]*\)".*/\2, \1/p' "$df") |"
for t in 8.A.1 7.SM.7; do
	grep -q "table $t" "$gw" || bad "gwp.xml does not cite table $t"
done
if grep -q 'table 7\.15' rd.md; then bad "the README cites AR6 table 7.15, gwp.xml 7.SM.7"; fi

# --- mapping profiles: the two shipped, ndrc-catalog's columns --------
ls "$src/data/profiles" | sed -n 's/\.xml$//p' | sort > profs.txt
[ "$(tr '\n' ' ' < profs.txt)" = "iea-etp ndrc-catalog " ] ||
	bad "shipped profiles: $(tr '\n' ' ' < profs.txt), not the README's two"
says "Two profiles are shipped: - **\`ndrc-catalog\`**"
says "- **\`iea-etp\`**: the IEA ETP"
sed -n 's/.*promotion catalogs (\(序号[^)]*([^)]*)[^)]*([^)]*)[^)]*([^)]*)[^)]*([^)]*)\)), UTF-8 or GB18030.*/\1/p' rd.txt |
	sed 's/, /\n/g' > ncols.txt
[ "$(grep -c '' ncols.txt)" -eq 13 ] || bad "ndrc-catalog's columns not found in the README"
while read -r c; do
	grep -qF "\"$c\"" "$src/data/profiles/ndrc-catalog.xml" ||
		bad "ndrc-catalog.xml has no column $c"
done < ncols.txt

# --- the Layout: every file it names under its folder --------------------
awk '/^## Layout/ { l = 1 } l && /^```$/ { if (b) exit; b = 1; next } b' rd.md |
	perl -ne 'if (/^(\w+)\/ /) { $d = $1 } print "$d/$1\n" while /([\w*-]+\.[ch])\b/g' \
	> layout.txt
[ "$(grep -c '' layout.txt)" -gt 50 ] || bad "the Layout names few files"
while read -r f; do
	# shellcheck disable=SC2086
	ls "$src"/$f > /dev/null 2>&1 ||
		[ -n "$(find "$src/${f%%/*}" -name "${f#*/}" | head -n 1)" ] ||
		bad "Layout: no file $f"
done < layout.txt
# and every module header the README names
for h in catalog/catalog.h importers/importers.h ranker/ranker.h \
	exporters/exporters.h catalog/store.h ranker/internal.h exporters/chapters.h; do
	[ -f "$src/$h" ] || bad "no header $h"
done

# --- submissions: the required columns, quantities as written ---------
req=$(sed -n 's/.*(required: `\([a-z_,]*\)`;.*/\1/p' rd.txt)
[ -n "$req" ] || bad "no required columns in the README"
row=$(echo "$req" | sed 's/id/2025-ST-001/; s/edition/2025/; s/name_zh/氢基竖炉/;
	s/sector/steel/; s/category/process/; s/trl/7/; s/submitter/x/;
	s/credit_code/51100000500001836H/; s/summary/s/')
printf '%s\n%s\n' "$req" "$row" > q.csv
"$bin" validate q.csv > /dev/null 2>&1 ||
	bad "a CSV of the required columns ($req) is not valid"
for c in $(echo "$req" | tr ',' ' '); do
	cut -d, -f"$(echo "$req" | tr ',' '\n' | grep -nx "$c" | cut -d: -f1)" \
		--complement q.csv > q1.csv
	if "$bin" validate q1.csv > /dev/null 2>&1; then
		bad "column $c is said required, but a CSV without it is valid"
	fi
done
printf '%s,sector\n%s,steel\n' "$req" "$row" > q1.csv
if "$bin" validate q1.csv > /dev/null 2>&1; then bad "a repeated column is not an error"; fi
printf '%s,colour\n%s,red\n' "$req" "$row" > q1.csv
if "$bin" validate q1.csv > /dev/null 2>&1; then bad "an unknown column is not an error"; fi
# each way of writing a quantity the README gives, and what is stored
qty() { # field, as written, stored in base units
	printf '%s,%s\n%s,"%s"\n' "$req" "$1" "$row" "$2" > q1.csv
	says "\`$2\`"
	rm -f q.tct
	if "$bin" --catalog q.tct import q1.csv > /dev/null 2>&1; then
		"$bin" --catalog q.tct show 2025-ST-001 --format json > q.json
		v=$(jq -r ".$1" q.json)
		[ "$v" = "$3" ] || bad "$1 '$2' is stored as $v, not $3"
	else
		bad "$1 '$2' is refused"
	fi
}
qty potential '350,000' 350000
qty potential '3.5万' 35000
qty potential '1.2亿' 120000000
qty investment '5万亿元' 5000000000000
qty investment '3千万元' 30000000
qty potential '35 kt' 35000
qty potential '0.35 Mt' 350000
qty potential '35万tCO2/a' 350000
qty investment '2.4亿元' 240000000
qty energy_saving '1.5万tce/a' 15000
qty lifetime '25年' 25
qty penetration_now '35%' 35
for v in 1万万 '5 ktCO2' 35xyz; do
	printf '%s,abatement\n%s,%s\n' "$req" "$row" "$v" > q1.csv
	if "$bin" validate q1.csv > /dev/null 2>&1; then
		bad "abatement '$v' is accepted"
	fi
done
says "A magnitude is written once (\`1亿\`, not \`1万万\`"
says "\`5 ktCO2/a\`, not \`5 ktCO2\`"

# --- the data model's closed lists --------------------------------------
tr '\n' ' ' < h-list.txt | tr -s ' ' > hl.txt
cats=$(sed -n 's/.*`category` (\([a-z, -]*\)), `trl` 1-9.*/\1/p' rd.txt)
grep -qF -- "--category C $cats --min-trl" hl.txt ||
	bad "the README's categories ($cats) are not lowcarb help list's"
for c in $(echo "$cats" | tr -d ','); do
	printf '%s\n%s\n' "$req" "$(echo "$row" | sed "s/,process,/,$c,/")" > q1.csv
	"$bin" validate q1.csv > /dev/null 2>&1 || bad "category $c is refused"
done
for s in "ST steel" "NF nonferrous" "PC petrochemical" "CH chemical" "BM building-materials"; do
	says "\`${s% *}\` ${s#* }"
	grep -q -- "${s#* }" hl.txt || bad "sector ${s#* } not in lowcarb help list"
done
# one file per command in cli/
ls "$src"/cli/cmd-*.c | sed 's/.*cmd-\(.*\)\.c$/\1/' | sort > cfiles.txt
sort cmds.txt | comm -3 - cfiles.txt > cdiff.txt
[ ! -s cdiff.txt ] || bad "commands and cli/cmd-*.c differ: $(tr '\n' ' ' < cdiff.txt)"

# --- translations, the bad-input corpus, the crash test -----------------
msgfmt --statistics -o /dev/null "$src/po/zh_CN.po" 2> stats.txt ||
	bad "po/zh_CN.po does not compile"
tr_=$(sed -n 's/^\([0-9]*\) translated messages.*/\1/p' stats.txt)
un=$(sed -n 's/.* \([0-9]*\) untranslated messages.*/\1/p' stats.txt)
fz=$(sed -n 's/.* \([0-9]*\) fuzzy translations.*/\1/p' stats.txt)
[ -z "$fz" ] || bad "po/zh_CN.po has $fz fuzzy translations"
says "Today $tr_ of the $((tr_ + ${un:-0})) messages are translated"
says "the ${un:-0} left are"
nb=$(find "$src/tests/bad" -name '*.err' | wc -l)
says "runs the $nb files of \`tests/bad/\`"
says "(\`tests/bad/\`, $nb files over every input kind"
k=$(sed -n 's/.*$(S)\/lowcarb \([0-9][0-9]*\) .*/\1/p' "$src/GNUmakefile")
K=$(sed -n 's/^CRASH_KILLS ?= *//p' "$src/GNUmakefile")
says "\`make check\` runs $k kills (under ASan and UBSan), \`make crash\` $K ("

# --- messages and answers quoted ----------------------------------------
rc=0
"$bin" export roadmap --edition 2025 --sector x --format html -o x.html \
	2> e.txt || rc=$?
[ "$rc" -eq 1 ] || bad "an unknown --sector exits $rc"
says "An unknown sector is refused: \`$(cat e.txt)\`, exit 1"
rc=0
LOWCARB_BUSY_TIMEOUT=soon "$bin" list > /dev/null 2>&1 || rc=$?
[ "$rc" -ne 0 ] || bad "LOWCARB_BUSY_TIMEOUT=soon is not an error"
"$bin" list --sector steel --explain > plan.txt
grep -q 'index: "sector"' plan.txt ||
	bad "list --sector steel does not answer from the sector index"
says "\`--explain\` says which index answers the query (\`list --sector steel\` answers from the \`sector\` index)"

# --- the tools the end-to-end tests call are the README's ----------------
sed -n 's/.*the end-to-end tests also call \(.*\); the linearity test.*/\1/p' rd.txt \
	> tools.txt
[ -s tools.txt ] || bad "the README does not say what the e2e tests call"
cat "$src"/tests/e2e/*/*/cmd "$src"/tests/e2e/*/*/check "$src"/tests/e2e/*/data/*.sh \
	2> /dev/null | sed 's/#.*//' |
	grep -oE '\b(xmllint|tcbmgr|tctmgr|iconv|jq|localedef|msgfmt|python3|soffice|valgrind|strace|sqlite3|xxd|perl|curl|wget|chromium|pdftotext)\b' |
	sort -u > used.txt
while read -r t; do
	grep -q "\`$t\`" tools.txt || bad "the e2e tests call $t, the README does not say so"
done < used.txt

# --- the fuzz harnesses: one per parser the README lists ---------------
ls "$src"/tests/fuzz/fuzz_*.c | sed 's/.*fuzz_\(.*\)\.c$/\1/' | tr '\n' ' ' > fz.txt
[ "$(cat fz.txt)" = "assumptions experts mapped mapping matrix pairs profile publication quantity scores submission xlsx " ] ||
	bad "the fuzz harnesses are $(cat fz.txt), not the README's"
says "300 s each of the nine harnesses other than \`xlsx\`"
says "The \`assumptions\` and \`publication\` harnesses came later"
says "(\`submission\`), \`.xlsx\` workbooks (\`xlsx\`"

# --- what the README cites exists ----------------------------------------
# e2e cases: GROUP/CASE (a pattern such as catalog/lang-zh* too), not a
# file (no dot) and not the tail of a longer path
perl -ne 'print "$1\n" while m{(?<![/\w])((?:catalog|exporters|hostile|importers|panel|ranker)/[a-z0-9*-]*[a-z0-9*])(?![\w./*-])}g' \
	rd.md | sort -u > cases.txt
[ -s cases.txt ] || bad "no e2e case cited"
while read -r c; do
	# shellcheck disable=SC2086
	ls -d "$src"/tests/e2e/$c > /dev/null 2>&1 || bad "no e2e case $c"
done < cases.txt
# files of the tree (data, sources, scripts), not placeholders (NAME)
perl -ne 'print "$1\n" while m{(?<![/\w])((?:data|catalog|importers|ranker|exporters|cli|po|tests)/[\w./-]*\w)}g' \
	rd.md | grep -v 'NAME\|GROUP' | sort -u > paths.txt
[ -s paths.txt ] || bad "no file cited"
while read -r p; do
	case $p in */*.*|data/*) ;; *) continue ;; esac
	[ -e "$src/$p" ] || bad "no file $p"
done < paths.txt

exit $fail
