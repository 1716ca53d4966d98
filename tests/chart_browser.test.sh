#!/bin/sh
# chart_browser.test.sh — the sample charts of tests/unit/test_chart.c in a
# real browser: headless Chromium loads one HTML page embedding them all; a
# script in the page measures what a reader would see (tick labels and legend
# entries that overlap, lines of no length) and the test reads the DOM back:
# polylines with the data- values at their years, points where the values say.
# The screenshot is kept as build/artifacts/chart_browser.png and must not be blank.
. tests/chart_samples.sh
command -v chromium > /dev/null || fail "chromium is not installed (make deps installs the test packages)"
chart_samples "$t/svg"

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
  cat <<'HTML'
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
</body></html>
HTML
} > "$t/page.html"

run_chromium() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --user-data-dir="$t/profile" --no-first-run --hide-scrollbars "$@" "file://$t/page.html"
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
def png_pixels(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8]); body = data[pos + 8:pos + 8 + n]; pos += 12 + n
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, inter = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and inter == 0, (depth, ctype, inter)
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT": idat += body
    raw = zlib.decompress(idat); stride = w * bpp; prev = bytearray(stride); rows = []; i = 0
    for _ in range(h):
        f = raw[i]; line = bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0; b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa_, pb_, pc_ = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa_ <= pb_ and pa_ <= pc_ else b if pb_ <= pc_ else c)) & 255
        rows.append(bytes(line)); prev = line
    return w, h, bpp, rows
w, h, bpp, rows = png_pixels(sys.argv[2])
ink = 0; colours = set()
for r in rows[::4]:
    for x in range(0, w * bpp, bpp * 4):
        px = r[x:x + 3]
        if px != b"\xff\xff\xff": ink += 1; colours.add(bytes(c & 0xF0 for c in px))
total = len(rows[::4]) * len(range(0, w * bpp, bpp * 4))
assert ink / total > 0.02, ("the screenshot is nearly blank", ink, total)
assert len(colours) >= 8, ("too few colours in the screenshot", len(colours))
print("ok", w, h, "ink %.3f" % (ink / total), len(colours), "colours")
PY
