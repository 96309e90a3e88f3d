# setup.sh - sourced by the panel cases: a small catalog of 3 dossiers and
# 5 experts (E01 conflicted on 2025-ST-001 by owner name, E03 on
# 2025-ST-002 by credit code).
D=$SRC/tests/e2e/panel/data
lowcarb init >/dev/null
lowcarb import "$D/dossiers.csv" >/dev/null
lowcarb experts import "$D/experts.csv" >/dev/null
