# chart_samples.sh — sourced by tests/chart_*.test.sh: sets $t (a temporary
# folder, removed on exit) and fail(), and defines chart_samples DIR, which
# writes the sample charts of tests/unit/test_chart.c into DIR through the
# unit-test binary beside the decarb under test (build-asan/ for make asan).
DECARB=${DECARB:-./decarb}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
chart_bin=$(dirname "$DECARB")/tests/test_chart
[ -x "$chart_bin" ] || chart_bin=build/tests/test_chart
[ -x "$chart_bin" ] || fail "no $chart_bin: run make unit-bins first"
chart_samples() {
  mkdir -p "$1" && DC_CHART_OUT="$1" "$chart_bin" > /dev/null 2>&1 || fail "$chart_bin failed"
}
