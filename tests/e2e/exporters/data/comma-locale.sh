# comma-locale.sh - sourced by cases that check output does not depend on
# the locale: builds de_DE.UTF-8 (decimal comma) under $TMPDIR/locale
# (the test machine need not have it installed) and proves it is real;
# then `$COMMA lowcarb ...` runs lowcarb under it. Fails when it cannot.
mkdir -p "$TMPDIR/locale"
localedef -i de_DE -f UTF-8 "$TMPDIR/locale/de_DE.UTF-8"
COMMA="env LOCPATH=$TMPDIR/locale LC_ALL=de_DE.UTF-8"
test "$($COMMA locale decimal_point)" = ","
