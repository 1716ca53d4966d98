#!/bin/sh
# chart_browser.test.sh — the sample charts of tests/unit/test_chart.c in a
# real browser: headless Chromium loads one HTML page embedding them all; a
# script in the page measures what a reader would see (tick labels and legend
# entries that overlap, lines of no length) and the test reads the DOM back:
# polylines with the data- values at their years, points where the values say.
# The screenshot is kept as build/artifacts/chart_browser.png and must not be blank.
# Then the HTML reports of the examples and of tests/chart_plans/ (see below).
. tests/chart_samples.sh
command -v chromium > /dev/null || fail "chromium is not installed (make deps installs the test packages)"
chart_samples "$t/svg"

# the checks run in the page: real text boxes, lines of no length, script errors
cat > "$t/check.js" <<'JS'
<script>
(function () {
  var out = {errors: [], charts: {}};
  window.addEventListener("error", function (e) { out.errors.push(String(e.message)); });
  function boxes(svg, sel) {
    return Array.prototype.map.call(svg.querySelectorAll(sel), function (el) {
      var b = el.getBBox(); return {x: b.x, y: b.y, w: b.width, h: b.height, t: el.textContent};
    });
  }
  function overlaps(bs) {
    var n = 0;
    for (var i = 0; i < bs.length; i++)
      for (var j = i + 1; j < bs.length; j++) {
        var a = bs[i], b = bs[j];
        if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) n++;
      }
    return n;
  }
  try {
    Array.prototype.forEach.call(document.querySelectorAll("svg.dc-chart"), function (svg) {
      var vb = svg.viewBox.baseVal, lines = svg.querySelectorAll("polyline"), zero = 0;
      Array.prototype.forEach.call(lines, function (p) { if (!(p.getTotalLength() > 0)) zero++; });
      var all = boxes(svg, "text"), outside = all.filter(function (b) {
        return b.x < -0.5 || b.y < -0.5 || b.x + b.w > vb.width + 0.5 || b.y + b.h > vb.height + 0.5;
      });
      out.charts[svg.id] = {
        polylines: lines.length, zero_length: zero,
        areas: svg.querySelectorAll("polygon.area").length,
        xtick_overlaps: overlaps(boxes(svg, "text.x-tick")),
        ytick_overlaps: overlaps(boxes(svg, "text.y-tick")),
        legend_overlaps: overlaps(boxes(svg, "text.legend-label")),
        outside: outside.map(function (b) { return b.t; }),
        rendered_w: svg.getBoundingClientRect().width
      };
    });
  } catch (e) { out.errors.push(String(e)); }
  document.body.setAttribute("data-check", JSON.stringify(out));
})();
</script>
JS

{
  cat <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>decarb chart samples</title>
<style>body{margin:8px;background:#fff;display:grid;grid-template-columns:repeat(2,760px);gap:12px;align-items:start}
figure{margin:0}</style></head>
<body>
HTML
  for f in "$t"/svg/*.frag.svg; do
    echo "<figure>"; cat "$f"; echo "</figure>"
  done
  cat "$t/check.js"
  cat <<'HTML'
</body></html>
HTML
} > "$t/page.html"

page=$t/page.html
run_chromium() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --user-data-dir="$t/profile" --no-first-run --hide-scrollbars "$@" "file://$page"
}
run_chromium --dump-dom > "$t/dom.html" 2> "$t/chromium.err" || { cat "$t/chromium.err"; fail "chromium --dump-dom failed"; }
mkdir -p build/artifacts
rm -f build/artifacts/chart_browser.png
run_chromium --window-size=1560,3200 --screenshot=build/artifacts/chart_browser.png > /dev/null 2>> "$t/chromium.err" ||
  { cat "$t/chromium.err"; fail "chromium --screenshot failed"; }
[ -s build/artifacts/chart_browser.png ] || fail "no screenshot written"

python3 - "$t/dom.html" build/artifacts/chart_browser.png <<'PY' || fail "browser checks"
import json, struct, sys, zlib
from html.parser import HTMLParser

class Dom(HTMLParser):
    def __init__(self):
        super().__init__(); self.check = None; self.lines = []; self.svgs = []; self.cur = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body": self.check = a.get("data-check")
        if tag == "svg": self.cur = a.get("id"); self.svgs.append(self.cur)
        if tag == "polyline": self.lines.append((self.cur, a))
dom = Dom(); dom.feed(open(sys.argv[1], encoding="utf-8").read())
assert dom.check, "the page's script did not run"
check = json.loads(dom.check)
assert check["errors"] == [], check["errors"]
expect = {"lines": (3, 0), "negative": (1, 0), "negative_stacked": (0, 2), "one_year": (0, 0),
          "one_year_stacked": (0, 2), "wide_lines": (50, 0), "wide_stacked": (0, 50),
          "small_target": (1, 0), "wedges": (1, 4)}
for cid, (np, na) in expect.items():
    c = check["charts"].get(cid)
    assert c, ("chart missing from the DOM", cid)
    assert c["polylines"] == np and c["areas"] == na, (cid, c)
    assert c["zero_length"] == 0, (cid, c)
    for k in ("xtick_overlaps", "ytick_overlaps", "legend_overlaps"):
        assert c[k] == 0, (cid, k, c)
    assert c["outside"] == [], (cid, "text outside the viewBox", c["outside"])
    assert c["rendered_w"] > 100, (cid, c)

# the values test_chart.c drew: plan = 1.2e6 - 9e4 * i, BAU = 1.2e6 + 5e4 * i
lines = [a for cid, a in dom.lines if cid == "lines"]
seen = {}
for a in lines:
    ys = [int(y) for y in a["data-years"].split()]
    vs = [float(v) for v in a["data-values"].split()]
    for y, v in zip(ys, vs):
        i = y - 2020
        assert abs(v - (1.2e6 + 5e4 * i)) < 1e-6 or abs(v - (1.2e6 - 9e4 * i)) < 1e-6, (y, v)
    seen.update(dict(zip(ys, vs)))
# the plan's missing 2024 breaks its line: only BAU has a point there
assert sum("2024" in a["data-years"].split() for a in lines) == 1, "gap not kept"
# points: x affine in the year, y affine in the value, across every polyline of a chart
for cid in expect:
    pts = []
    for c, a in dom.lines:
        if c != cid: continue
        xy = [tuple(map(float, p.split(","))) for p in a["points"].split()]
        pts += [(int(y), float(v), x, yy) for y, v, (x, yy) in zip(a["data-years"].split(), a["data-values"].split(), xy)]
    if len(pts) < 3: continue
    ys = sorted({p[0] for p in pts}); vs = sorted({p[1] for p in pts})
    p0 = min(pts, key=lambda p: (p[0], p[1])); p1 = max(pts, key=lambda p: (p[0], p[1]))
    pa = min(pts, key=lambda p: p[1]); pb = max(pts, key=lambda p: p[1])
    for y, v, x, yy in pts:
        if p1[0] != p0[0]:
            assert abs(x - (p0[2] + (y - p0[0]) * (p1[2] - p0[2]) / (p1[0] - p0[0]))) < 0.11, (cid, y, x)
        if pb[1] != pa[1]:
            assert abs(yy - (pa[3] + (v - pa[1]) * (pb[3] - pa[3]) / (pb[1] - pa[1]))) < 0.11, (cid, v, yy)
        assert pb[1] == pa[1] or pb[3] < pa[3], (cid, "larger values are higher")

# the screenshot is a real picture: enough ink, several colours
sys.path.insert(0, "tests")
from chart_png import ink
share, ncol, w, h = ink(sys.argv[2])
assert share > 0.02, ("the screenshot is nearly blank", share)
assert ncol >= 8, ("too few colours in the screenshot", ncol)
print("ok", w, h, "ink %.3f" % share, ncol, "colours")
PY

# The HTML report (check --format html) of every example and of the edge
# plans of tests/chart_plans/ (1 year, 100 years, 50 measures, net removals)
# in the browser: a copy with the check script before </body> (the report has
# no script of its own) is read back from the DOM: no console message, no
# overlapping ticks or legend entries, no text outside its chart, one
# emissions chart per plan with sectors, one chart per target, the polylines'
# values those of the JSON report at their years and their points where they
# say. Screenshots of three examples' reports: build/artifacts/reports/NAME.png.
DECARB=${DECARB:-./decarb}
mkdir -p build/artifacts/reports
# one page holds every report (one browser start, not nine): each report's
# <main>, its ids prefixed with the report's name; its own <head> for the CSS
for f in examples/*.lua tests/chart_plans/*.lua; do
  b=$(basename "$f" .lua)
  "$DECARB" check --format html "$f" > "$t/$b.report.html"; rc=$?
  [ "$rc" -le 1 ] || fail "check --format html $f: exit $rc"
  "$DECARB" check --format json "$f" > "$t/$b.json"
done
{
  sed -n '1,/^<body>$/p' "$t/zhangye.report.html"
  for f in examples/*.lua tests/chart_plans/*.lua; do
    b=$(basename "$f" .lua)
    echo "<div class=\"report\" data-report=\"$b\">"
    sed -n '/^<main>$/,/^<\/main>$/p' "$t/$b.report.html" | sed "s/id=\"p\([0-9]\)/id=\"$b-p\1/g; s/#p\([0-9]\)/#$b-p\1/g"
    echo "</div>"
  done
  cat "$t/check.js"
  echo "</body></html>"
} > "$t/reports.html"
page=$t/reports.html
run_chromium --enable-logging=stderr --v=0 --dump-dom > "$t/reports.dom.html" 2> "$t/reports.err" ||
  { cat "$t/reports.err"; fail "chromium --dump-dom of the reports failed"; }
if grep ':CONSOLE' "$t/reports.err"; then fail "console messages loading the reports"; fi
# three reports as they are (no script added), for a reader to look at: two
# with every kind of chart, one with no sectors (each browser start costs
# seconds on a loaded machine; the DOM above checks every report)
for f in examples/zhangye.lua examples/changzhi.lua examples/guian.lua; do
  b=$(basename "$f" .lua)
  page=$t/$b.report.html
  rm -f "build/artifacts/reports/$b.png"
  run_chromium --enable-logging=stderr --v=0 --window-size=1200,3000 --screenshot="build/artifacts/reports/$b.png" \
    > /dev/null 2> "$t/$b.err" || { cat "$t/$b.err"; fail "chromium --screenshot $b failed"; }
  if grep ':CONSOLE' "$t/$b.err"; then fail "console messages loading the report of $f"; fi
done

python3 - "$t" examples/*.lua tests/chart_plans/*.lua <<'PY' || fail "browser checks of the HTML reports"
import json, os, re, sys
from html.parser import HTMLParser
sys.path.insert(0, "tests")
from chart_png import affine_errors, ink

class Dom(HTMLParser):
    def __init__(self):
        super().__init__(); self.check = None; self.svg = None; self.series = None; self.lines = []; self.marks = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body": self.check = a.get("data-check")
        if tag == "svg": self.svg = a.get("id")
        if tag == "g" and a.get("class") == "series": self.series = a.get("data-name")
        if tag in ("polyline", "circle") and a.get("data-years"):
            self.lines.append((self.svg, self.series, tag, a))
def close(a, b): return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1e-300)

d = sys.argv[1]
dom = Dom(); dom.feed(open(os.path.join(d, "reports.dom.html"), encoding="utf-8").read())
assert dom.check, "the page's script did not run"
check = json.loads(dom.check)
assert check["errors"] == [], check["errors"]
for f in sys.argv[2:]:
    b = os.path.basename(f)[:-4]
    charts = {cid[len(b) + 1:]: c for cid, c in check["charts"].items() if cid.startswith(b + "-p")}
    lines = [(svg[len(b) + 1:], series, tag, a) for svg, series, tag, a in dom.lines if svg and svg.startswith(b + "-p")]
    assert charts, (b, "no chart in the DOM")
    for cid, c in charts.items():
        assert c["zero_length"] == 0, (b, cid, c)
        for k in ("xtick_overlaps", "ytick_overlaps", "legend_overlaps"):
            assert c[k] == 0, (b, cid, k, c)
        assert c["outside"] == [], (b, cid, "text outside the viewBox", c["outside"])
        assert c["rendered_w"] > 100, (b, cid, c)
    rep = json.load(open(os.path.join(d, b + ".json")))
    ids = set(charts)
    for k, plan in enumerate(rep["plans"], 1):
        has_emis = any(m["name"] == "emissions" for m in plan["metrics"])
        assert (("p%d-emissions" % k) in ids) == has_emis, (b, k, "emissions chart")
        targets = sorted(i for i in ids if re.fullmatch(r"p%d-t\d+" % k, i))
        assert len(targets) == len(plan["targets"]), (b, k, targets)
        y0 = plan["years_shown"][0]
        def drawn(cid, name):
            pts = {}
            for svg, series, tag, a in lines:
                if svg == cid and series == name:
                    pts.update(zip(map(int, a["data-years"].split()), map(float, a["data-values"].split())))
            return pts
        want = []
        if has_emis:
            vals = {m["name"]: m["values"] for m in plan["metrics"]}
            want.append(("p%d-emissions" % k, plan["scenario"], vals["emissions"][plan["scenario"]]))
            want.append(("p%d-emissions" % k, "BAU", vals["bau_emissions"][plan["scenario"]]))
        for i, tg in enumerate(plan["targets"], 1):
            want.append(("p%d-t%d" % (k, i), "value", [y["value"] for y in tg["years"]]))
        for cid, name, values in want:
            pts = drawn(cid, name)
            assert len(pts) == sum(v is not None for v in values), (b, cid, name, "points")
            for y, v in pts.items():
                assert close(v, values[y - y0]), (b, cid, name, y, v, values[y - y0])
    # the points lie where the years and values say, in every chart
    for cid in ids:
        pts = []
        for svg, series, tag, a in lines:
            if svg != cid: continue
            xy = ([tuple(map(float, p.split(","))) for p in a["points"].split()] if tag == "polyline"
                  else [(float(a["cx"]), float(a["cy"]))])
            pts += [(int(y), float(v), x, yy) for y, v, (x, yy) in zip(a["data-years"].split(), a["data-values"].split(), xy)]
        bad = affine_errors(pts)
        assert not bad, (b, cid, bad[:3])
    if os.path.exists("build/artifacts/reports/%s.png" % b):
        share, ncol, w, h = ink("build/artifacts/reports/%s.png" % b)
        assert share > 0.03 and ncol >= 5, (b, "the screenshot is nearly blank", share, ncol)
print("ok", len(sys.argv) - 2, "reports")
PY
