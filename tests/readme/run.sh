#!/bin/sh
# run.sh - the README's tour as a test: runs every ```sh block between
# the lines <!-- tour --> and <!-- /tour --> of README.md, in order, as
# one script under `sh -eu`, in a scratch folder holding ./lowcarb (the
# binary given) and ./data (the source tree's), as at the top of the
# tree. Any failing command fails the test (exit 1). Then claims.sh
# checks the README's concrete claims (commands and options against
# `lowcarb help`, counts, quoted messages and figures, cited files and
# cases) against the binary and the tour's catalog; a false one fails it.
# Usage: run.sh /path/to/lowcarb [README.md]
bin=$1
[ -n "$bin" ] && [ -x "$bin" ] || { echo "run.sh: no binary '$bin'" >&2; exit 2; }
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
readme=${2:-$src/README.md}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lowcarb-tour.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
awk '/^<!-- tour -->$/ { t = 1; next } /^<!-- \/tour -->$/ { t = 0 }
	t && /^```sh$/ { b = 1; next } b && /^```$/ { b = 0; next }
	b { print }' "$readme" > "$tmp/tour.sh"
n=$(grep -c . "$tmp/tour.sh")
[ "$n" -gt 0 ] || { echo "tour: no commands found in $readme"; exit 1; }
mkdir "$tmp/work"
ln -s "$bin" "$tmp/work/lowcarb"
ln -s "$src/data" "$tmp/work/data"
if (cd "$tmp/work" && env -u LOWCARB_CATALOG LOWCARB_DATA="$src/data" \
	sh -eux "$tmp/tour.sh") > "$tmp/log" 2>&1; then
	echo "tour: $n command line(s) of README.md passed"
else
	tail -n 20 "$tmp/log"
	echo "tour: README.md's tour failed"
	exit 1
fi
# English messages (the README quotes them) whatever the caller's locale
if (cd "$tmp/work" && env -u LANGUAGE -u LC_MESSAGES -u LOWCARB_LOCALEDIR \
	LC_ALL=C.UTF-8 LANG=C.UTF-8 LOWCARB_CATALOG="$tmp/work/tour.tct" \
	LOWCARB_DATA="$src/data" sh -u "$here/claims.sh" "$bin" "$readme" \
	"$src") > "$tmp/claims" 2>&1; then
	echo "claims: README.md's claims hold"
else
	cat "$tmp/claims"
	echo "claims: README.md says something the binary or the tree does not"
	exit 1
fi
