#!/bin/sh
# run.sh — builds the units parser fuzz target with clang's libFuzzer and
# ASan/UBSan, then runs it for FUZZ_RUNS inputs (default 1,000,000) from a
# seed corpus. Used by `make fuzz`. Exit 0 only when no crash was found.
set -e
cd "$(dirname "$0")/../.."
CLANG=${CLANG:-clang}
RUNS=${FUZZ_RUNS:-1000000}
out=build/fuzz
mkdir -p "$out/corpus"
command -v "$CLANG" >/dev/null || { echo "fuzz: $CLANG not found (make deps-fuzz)"; exit 2; }
"$CLANG" -g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -fsanitize=fuzzer,address,undefined \
  -fno-sanitize-recover=undefined -Istdlib \
  -o "$out/fuzz_units" tests/fuzz/fuzz_units.c stdlib/units.c stdlib/fmt.c -lm
# seeds: the shapes the grammar knows
i=0
for s in "107 MW" "1 tce" "10 t CH4" "1e4 tce" "10^4 m2" "24.69 %" "1 万tce" "2 亿kWh" \
         "0.4772 kgCO2/kWh" "2 t CH4 / yr" "3 kW·h" "5 yuan per kWh" "1 (kWh)^-1" "1 L/100 km" \
         "20 °C" "1 kgCO2/m2 yr" "1 s^(-2)" "3 kwh" "16300 tCO2/yr" "1 Mtoe"; do
  printf '%s' "$s" > "$out/corpus/seed$i"; i=$((i + 1))
done
log=$out/fuzz.log
"$out/fuzz_units" -runs="$RUNS" -max_len=128 -dict=tests/fuzz/units.dict \
  -print_final_stats=1 "$out/corpus" > "$log" 2>&1 || { tail -n 40 "$log"; echo "fuzz: FAILED (crash found, see $log)"; exit 1; }
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
echo "fuzz: units parser ran ${runs:-?} inputs without a crash or sanitizer report"

# the CSV reader (series.csv and the embedded datasets) gets a share too
CSV_RUNS=${FUZZ_CSV_RUNS:-300000}
"$CLANG" -g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -fsanitize=fuzzer,address,undefined \
  -fno-sanitize-recover=undefined -Istdlib \
  -o "$out/fuzz_csv" tests/fuzz/fuzz_csv.c stdlib/csv.c -lm
mkdir -p "$out/csv_corpus"
cp stdlib/data/*.csv "$out/csv_corpus/"
printf 'year,"a ""q"" b",c\r\n2020,1,2\r\n' > "$out/csv_corpus/quoted"
printf '\357\273\277year,v\n2021,"x\ny"\n' > "$out/csv_corpus/bom"
clog=$out/fuzz_csv.log
"$out/fuzz_csv" -runs="$CSV_RUNS" -max_len=512 -print_final_stats=1 "$out/csv_corpus" > "$clog" 2>&1 \
  || { tail -n 40 "$clog"; echo "fuzz: FAILED (crash found in the CSV reader, see $clog)"; exit 1; }
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$clog")
echo "fuzz: CSV reader ran ${runs:-?} inputs without a crash or sanitizer report"

# whole scripts through `decarb check` (tests/fuzz/fuzz_script.c), seeded
# with the examples and the golden scripts, in fork mode so that a script
# the watchdog ends (exit 5) counts as a timeout, not a crash.
# FUZZ_SCRIPT_RUNS executions (default 1,000,000), or FUZZ_SCRIPT_TIME s.
sh tests/fuzz/script.sh "${FUZZ_SCRIPT_RUNS:-1000000}" "${FUZZ_SCRIPT_TIME:-0}"
