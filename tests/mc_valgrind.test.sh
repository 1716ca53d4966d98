#!/bin/sh
# mc_valgrind.test.sh — a Monte Carlo on the fast path under valgrind: 40
# uncertain amounts (plan_mc.c's wedges, AVX2 where valgrind's CPU has it),
# 20,000 samples (the kept values, 6.5 MB, on huge pages), the drivers and
# percentiles of the report; no invalid access, nothing lost, and the same
# report as without valgrind.
set -e
vg="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --error-exitcode=99"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
./decarb check --samples 20000 --seed 7 --format json tests/data/mc_fast_path.lua > "$tmp/plain.json"
$vg ./decarb check --samples 20000 --seed 7 --format json tests/data/mc_fast_path.lua > "$tmp/vg.json"
cmp "$tmp/plain.json" "$tmp/vg.json"
grep -q '"p_met"' "$tmp/vg.json"
