#!/bin/sh
# chart_svg.test.sh — the sample charts of tests/unit/test_chart.c (1 year,
# 100 years × 50 series, negatives, a zero bound, gaps, stacked areas) read by
# real parsers: well-formed XML for xmllint, SVG 1.1 with a viewBox, every
# number attribute finite, the same bytes on a second run.
. tests/chart_samples.sh
chart_samples "$t/a"
chart_samples "$t/b"
n=$(ls "$t/a"/*.svg | wc -l)
[ "$n" -ge 14 ] || fail "expected at least 14 sample SVGs, got $n"
for f in "$t/a"/*.svg; do
  xmllint --noout "$f" || fail "xmllint rejects $(basename "$f")"
  cmp -s "$f" "$t/b/$(basename "$f")" || fail "$(basename "$f") differs between two runs"
done

python3 tests/chart_svg_check.py "$t/a" || fail "SVG content"
