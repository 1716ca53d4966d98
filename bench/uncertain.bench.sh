#!/bin/sh
# uncertain.bench.sh DECARB — the uncertainty rows of `make bench`: draws per
# distribution as the Monte Carlo makes them (Philox4x32-10 uniform, then the
# quantile function: block-independent; uniforms made 1,024 samples at a
# time, and one per call), against NumPy's vectorised
# Generator with PCG64 (its default) and with Philox. Prints
# ROW<TAB>IMPLEMENTATION<TAB>NS_PER_OP (CPU ns per draw on both sides, as the
# machine may be shared), medians of REPEAT runs.
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
N=${BENCH_DIST_N:-2000000}
PY=/usr/bin/python3
BENCH_NAME=uncertain.bench; . "$here/lib.sh"

# the driver links the core's objects as built by make (build/obj)
obj="$root/build/obj/stdlib/dist.o $root/build/obj/stdlib/random.o $root/build/obj/stdlib/fmt.o"
for o in $obj; do [ -f "$o" ] || { echo "uncertain.bench: $o missing (run make)" >&2; exit 1; }; done
${CC:-cc} -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -I"$root/stdlib" "$here/dist_driver.c" $obj -lm \
  -o "$tmp/driver" || exit 1

numpy=0
if [ -x "$PY" ] && "$PY" -c 'import numpy' 2> /dev/null; then numpy=1
else echo "uncertain.bench: python3-numpy missing (make deps-bench); numpy rows skipped" >&2; fi
for d in triangular uniform normal lognormal; do
  row="draw $d (ns/draw)"
  bench "$row" decarb "$tmp/driver" "$d" "$N" batch
  bench "$row" "decarb, one draw a call" "$tmp/driver" "$d" "$N" single
  if [ "$numpy" = 1 ]; then
    bench "$row" "numpy PCG64, vectorised" "$PY" "$here/dist_numpy.py" "$d" "$N" pcg64
    bench "$row" "numpy Philox, vectorised" "$PY" "$here/dist_numpy.py" "$d" "$N" philox
  fi
done
# the plan's Monte Carlo: 10,000 samples of the 200-measure plan, per-sample
# cost (with the statistics a report shows: P(met), percentiles of the kept
# metrics, every target's drivers; and the samples alone) against one
# re-evaluation (same driver, same run) and the NumPy peer
${CC:-cc} -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -I"$root/stdlib" "$here/mc_driver.c" "$here/mc_plan.c" "$root/build/libdecarb.a" -lm \
  -o "$tmp/mcdriver" || exit 1
NMC=${BENCH_MC_N:-10000}
row="Monte Carlo, 200 measures x 41 yr (ns/sample)"
bench "$row" decarb "$tmp/mcdriver" mc "$NMC"
bench "$row" "decarb, the samples only" "$tmp/mcdriver" mcrun "$NMC"
bench "$row" "decarb, one re-evaluation" "$tmp/mcdriver" eval "$NMC"
[ "$numpy" = 1 ] && bench "$row" "numpy, samples x years as arrays" "$PY" "$here/mc_numpy.py" "$NMC"
# goal seek: evaluations (a count, not ns) to find one measure's scale
bench "goal seek, 200 measures (evaluations)" decarb "$tmp/mcdriver" seek
exit 0
