#!/bin/sh
# script.sh RUNS SECONDS — runs the whole-script fuzz target
# (build-fuzz/fuzz_script, `make fuzz-bin`) for RUNS executions or SECONDS
# (0: no bound on that one), with -fork=FUZZ_JOBS (default 1). Prints the
# executions, coverage and corpus size; exit 1 if a crash was found (the
# reproducer is kept in build-fuzz/crashes/).
cd "$(dirname "$0")/../.." || exit 2
runs=${1:-1000000}; secs=${2:-0}
out=build-fuzz
[ -x "$out/fuzz_script" ] || { echo "fuzz: $out/fuzz_script is missing (make fuzz-bin)"; exit 2; }
mkdir -p "$out/corpus" "$out/crashes"
cp examples/*.lua examples/intro/*.lua tests/golden/*.lua "$out/corpus/" 2>/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
set -- -fork="${FUZZ_JOBS:-1}" -timeout_exitcode=5 -close_fd_mask=3 -max_len=4096 \
  -dict="$PWD/tests/fuzz/script.dict" -artifact_prefix="$PWD/$out/crashes/" -print_final_stats=1
[ "$runs" -gt 0 ] && set -- "$@" -runs="$runs"
[ "$secs" -gt 0 ] && set -- "$@" -max_total_time="$secs"
log=${FUZZ_LOG:-$out/fuzz_script.log}
( cd "$tmp" && TMPDIR=$tmp ASAN_OPTIONS=detect_leaks=1 "$OLDPWD/$out/fuzz_script" "$@" "$OLDPWD/$out/corpus" ) > "$log" 2>&1
rc=$?
last=$(grep -E '^#[0-9]+:' "$log" | tail -n 1)
execs=$(printf '%s' "$last" | sed -n 's/^#\([0-9]*\):.*/\1/p')
cov=$(printf '%s' "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
ft=$(printf '%s' "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
crashes=$(printf '%s' "$last" | sed -n 's/.*oom\/timeout\/crash: \([0-9/]*\).*/\1/p')
echo "fuzz: whole scripts ran ${execs:-?} inputs, coverage ${cov:-?} edges, ${ft:-?} features, corpus $(ls "$out/corpus" | wc -l) files, oom/timeout/crash ${crashes:-?}"
if [ "$rc" -ne 0 ] || ls "$out/crashes" | grep -q .; then
  grep -A 30 'ERROR\|==.*==' "$log" | head -n 60
  echo "fuzz: FAILED (exit $rc; reproducers in $out/crashes/, log $log)"
  exit 1
fi
