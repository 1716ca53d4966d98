#!/bin/sh
# plan.bench.sh DECARB — the plan rows of `make bench`: re-evaluating a
# synthetic plan (200 measures, 20 sectors, 2020-2060, four targets) 10,000
# times with one measure's parameter changed each time, by the C core, by
# the same arithmetic as a hand-written C loop and in pure Lua; and
# `decarb check` of a small plan end to end against `lua5.4 -e ''` start-up.
# Prints ROW<TAB>IMPLEMENTATION<TAB>NS_PER_OP, each the median of REPEAT runs.
DECARB=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
N=${BENCH_PLAN_N:-10000}
NLUA=${BENCH_PLAN_NLUA:-500}   # pure Lua is slow: fewer runs, same per-eval figure
NRUN=${BENCH_PLAN_NRUN:-20}    # process start-ups per timing
BENCH_NAME=plan.bench; . "$here/lib.sh"

# the driver links the core as built by make (build/libdecarb.a)
lib="$root/build/libdecarb.a"
[ -f "$lib" ] || { echo "plan.bench: $lib missing (run make)" >&2; exit 1; }
${CC:-cc} -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -I"$root/stdlib" "$here/plan_driver.c" "$here/mc_plan.c" "$lib" -lm \
  -o "$tmp/driver" || exit 1

row="plan re-eval, 200 measures x 41 yr"
bench "$row" decarb "$tmp/driver" core "$N"
bench "$row" "C loop (cc -O2)" "$tmp/driver" loop "$N"
# the same over precomputed ramp weights, vectorisable (bench/mc_driver.c)
${CC:-cc} -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -I"$root/stdlib" "$here/mc_driver.c" "$here/mc_plan.c" "$root/build/libdecarb.a" -lm \
  -o "$tmp/mcdriver" || exit 1
bench "$row" "C loop, precomputed ramps (cc -O2)" "$tmp/mcdriver" ramp "$N"
bench "$row" "decarb, via p:set/p:value" "$DECARB" "$here/plan_eval.lua" decarb "$N"
have lua5.4 && bench "$row" "lua5.4, Lua tables" lua5.4 "$here/plan_eval.lua" lua "$NLUA"
have luajit && bench "$row" "luajit, Lua tables" luajit "$here/plan_eval.lua" lua "$NLUA"

# end to end: N process runs, ns per run
runs() { # CMD... : prints ns per run of NRUN runs
  t0=$(date +%s%N); i=0
  while [ "$i" -lt "$NRUN" ]; do "$@" > /dev/null 2>&1; i=$((i + 1)); done
  t1=$(date +%s%N); echo $(( (t1 - t0) / NRUN ))
}
row="check small plan, end to end"
bench "$row" decarb runs "$DECARB" check "$root/tests/golden/check_text.lua"
have lua5.4 && bench "$row" "lua5.4 -e '' (start-up)" runs lua5.4 -e ''
exit 0
