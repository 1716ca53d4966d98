#!/bin/sh
# chart_report.test.sh — `decarb check --format html` and `decarb chart` on
# every example and on the edge plans of tests/chart_plans/ (1 year, 100
# years, 50 measures, net removals with a bound of zero): the HTML parsed by a
# strict HTML5 parser (html5lib) and as XML (xmllint), self-contained (no
# script, no link, no src, no url()), the same bytes twice; its charts hold the
# values of the JSON report at their years; every SVG of `decarb chart` passes
# xmllint and tests/chart_svg_check.py; the goldens of tests/chart_golden/
# (zhangye, changzhi) are current (DC_UPDATE_GOLDEN=1 rewrites them); the
# errors of `decarb chart` name what would be right.
DECARB=${DECARB:-./decarb}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# html5lib is Debian's python3-html5lib: the system interpreter has it
PY=python3
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import html5lib' 2> /dev/null && PY=/usr/bin/python3
$PY -c 'import html5lib' 2> /dev/null || fail "python3-html5lib is not installed (make deps installs it)"

for f in examples/*.lua tests/chart_plans/*.lua; do
  b=$(basename "$f" .lua)
  "$DECARB" check --format html --output "$t/$b.html" "$f"; rc=$?
  [ "$rc" -le 1 ] || fail "check --format html $f: exit $rc"
  "$DECARB" check --format html "$f" > "$t/$b.again.html"
  cmp -s "$t/$b.html" "$t/$b.again.html" || fail "$b.html differs between two runs"
  rm "$t/$b.again.html"
  "$DECARB" check --format json "$f" > "$t/$b.json"
  xmllint --noout "$t/$b.html" || fail "$b.html is not well-formed XML"
  # the SVGs of decarb chart: the default (emissions), wedges, every target
  "$DECARB" chart "$f" --output "$t/$b.emissions.svg" 2> /dev/null || rm -f "$t/$b.emissions.svg"
  "$DECARB" chart --wedges "$f" --output "$t/$b.wedges.svg" 2> /dev/null || rm -f "$t/$b.wedges.svg"
  $PY -c 'import json,sys; [print(x["name"]) for p in json.load(open(sys.argv[1]))["plans"] for x in p["targets"]]' \
    "$t/$b.json" > "$t/$b.targets"
  k=0
  while IFS= read -r name; do
    k=$((k + 1))
    "$DECARB" chart "$f" --target "$name" --output "$t/$b.target$k.svg" || fail "chart --target '$name' $f"
  done < "$t/$b.targets"
done
for s in "$t"/*.svg; do xmllint --noout "$s" || fail "xmllint rejects $(basename "$s")"; done
python3 tests/chart_svg_check.py "$t"/*.svg > /dev/null || fail "SVG content"
[ -f "$t/zhangye.emissions.svg" ] && [ -f "$t/changzhi.wedges.svg" ] && [ -f "$t/one_year.wedges.svg" ] ||
  fail "decarb chart did not draw the emissions and wedge charts"
[ ! -f "$t/guian.emissions.svg" ] || fail "guian has no sectors: no emissions chart"

$PY - "$t" <<'PY' || fail "HTML content"
import html5lib, json, math, os, re, sys
d = sys.argv[1]
SVG = "{http://www.w3.org/2000/svg}"
def local(tag): return tag.split("}")[-1] if isinstance(tag, str) else ""
def close(a, b): return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1e-300)
for name in sorted(os.listdir(d)):
    if not name.endswith(".html"): continue
    raw = open(os.path.join(d, name), "rb").read()
    text = raw.decode("utf-8")
    assert not re.search(r"\bnan\b|\binfinity\b", text, re.I), name
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    doc = parser.parse(raw)  # strict: raises on any parse error
    els = list(doc.iter())
    for el in els:
        tag = local(el.tag)
        assert tag not in ("script", "link", "img", "iframe", "object", "embed", "image", "use", "foreignObject"), (name, tag)
        for k, v in el.attrib.items():
            k = local(k)
            assert k not in ("src", "href", "xlink:href", "style") or (k == "href" and v.startswith("#")), (name, tag, k, v)
            assert not k.startswith("on"), (name, tag, k)
        if tag == "style":
            assert "url(" not in el.text and "@import" not in el.text, name
            assert "@media print" in el.text and "@page" in el.text, (name, "no print CSS")
    base = name[:-5]
    rep = json.load(open(os.path.join(d, base + ".json")))
    sections = [e for e in els if local(e.tag) == "section" and "plan" in e.get("class", "").split()]
    assert len(sections) == len(rep["plans"]), name
    for sec, plan in zip(sections, rep["plans"]):
        assert sec.get("data-plan") == plan["name"]
        assert int(sec.get("data-met")) == plan["targets_met"] and int(sec.get("data-targets")) == plan["targets_total"]
        figs = [e for e in sec.iter() if local(e.tag) == "figure"]
        def charts(cls): return [f for f in figs if cls in f.get("class", "").split()]
        metrics = {m["name"]: m for m in plan["metrics"]}
        em = charts("chart-emissions")
        assert len(em) == (1 if "emissions" in metrics else 0), (name, plan["name"], len(em))
        # a plan without sectors lists its measures with no abatement: no chart
        drawn = any(v is not None for w in plan["wedges"] for v in w["abatement"])
        assert len(charts("chart-wedges")) == (1 if drawn else 0), (name, "wedges")
        tf = charts("chart-target")
        assert len(tf) == len(plan["targets"]), (name, len(tf))
        y0 = plan["years_shown"][0]
        def lines(fig):
            out = {}
            for g in fig.iter():
                if local(g.tag) == "g" and g.get("class") == "series":
                    pts = {}
                    for p in g.iter():
                        if local(p.tag) in ("polyline", "circle") and p.get("data-years"):
                            for y, v in zip(p.get("data-years").split(), p.get("data-values").split()):
                                pts[int(y)] = float(v)
                    out[g.get("data-name")] = pts
            return out
        def same(pts, values, what):
            assert pts, (name, what, "no points")
            for y, v in pts.items():
                want = values[y - y0]
                assert want is not None and close(v, want), (name, what, y, v, want)
            assert len(pts) == sum(v is not None for v in values), (name, what, "points missing")
        if em:
            ls = lines(em[0])
            same(ls["plan"], metrics["emissions"]["values"][plan["scenario"]], "plan emissions")
            same(ls["BAU"], metrics["bau_emissions"]["values"][plan["scenario"]], "BAU")
            for s, vals in metrics["emissions"]["values"].items():
                if s not in ("BAU", plan["scenario"]): same(ls[s], vals, "scenario " + s)
        for fig, tg in zip(tf, plan["targets"]):
            assert fig.get("data-target") == tg["name"], (name, fig.get("data-target"))
            assert fig.get("data-met") == ("true" if tg["met"] else "false")
            cap = "".join(fig.find("figcaption").itertext())
            assert ("✔ met" if tg["met"] else "✘ missed") in cap and tg["message"] in cap, (name, cap)
            same(lines(fig)["value"], [y["value"] for y in tg["years"]], "target " + tg["name"])
            marks = [e for e in fig.iter() if local(e.tag) == "g" and "mark" in e.get("class", "").split()]
            dec = [m for m in marks if m.get("data-year") == str(tg["deciding_year"])]
            assert dec and dec[0].get("data-status") == ("met" if tg["met"] else "missed"), (name, tg["name"])
            missed = sorted(int(m.get("data-year")) for m in marks if m.get("data-status") == "missed")
            assert missed == [y["year"] for y in tg["years"] if y["status"] == "missed"], (name, tg["name"], missed)
        for w in charts("chart-wedges"):
            areas = {a.get("data-name"): a for a in w.iter() if local(a.tag) == "polygon"}
            for we in plan["wedges"]:
                a = areas[we["measure"]]
                got = [None if v == "-" else float(v) for v in a.get("data-values").split()]
                for g, want in zip(got, we["abatement"]):
                    assert (g is None) == (want is None) and (g is None or close(g, want)), (name, we["measure"])
print("ok")
PY

# goldens: two examples, the HTML and an SVG of each kind
g=tests/chart_golden
"$DECARB" chart --target "New-energy taxis >= 35 % of taxis by 2025" examples/zhangye.lua > "$t/zhangye.taxis.svg"
for pair in zhangye.html zhangye.emissions.svg zhangye.wedges.svg zhangye.taxis.svg changzhi.html changzhi.emissions.svg; do
  if [ -n "$DC_UPDATE_GOLDEN" ]; then cp "$t/$pair" "$g/$pair"
  else cmp -s "$g/$pair" "$t/$pair" || { diff "$g/$pair" "$t/$pair" | head -20; fail "$g/$pair is not current (DC_UPDATE_GOLDEN=1 sh $0 rewrites it)"; }
  fi
done

# a plan of more measures than the wedge chart draws (60): the largest, then
# one band for the others; the page is still written whole
cat > "$t/many.lua" <<'EOF'
local p = plan{ "Many", years = {2020, 2030} }
p:sector{ "all", emissions = "50000 tCO2e/yr" }
for i = 1, 1200 do p:measure{ "m" .. i, sector = "all", abates = string.format("%d tCO2e/yr", i % 37 + 1), start = 2021 } end
EOF
"$DECARB" check --format html "$t/many.lua" > "$t/many.out" || fail "the HTML report of 1,200 measures: exit $?"
[ "$(grep -c '<polygon class="area"' "$t/many.out")" = 62 ] || fail "1,200 measures: expected 62 areas (plan, 60, others)"
grep -q 'data-name="1140 other measures"' "$t/many.out" || fail "1,200 measures: no band of the others"
grep -q 'data-name="m36"' "$t/many.out" || fail "1,200 measures: m36 (37 t, among the largest) not drawn"

# the pictures of README.md are current (make pictures draws them)
mkdir "$t/img"
sh tests/chart_pictures.sh "$DECARB" "$t/img" || fail "tests/chart_pictures.sh"
for p in "$t"/img/*.svg; do
  cmp -s "$p" "docs/img/$(basename "$p")" || fail "docs/img/$(basename "$p") is not current: make pictures"
done

# decarb chart's errors: what would be right, exit 2
expect_err() { # re, args...
  re=$1; shift
  "$DECARB" chart "$@" > "$t/out" 2> "$t/err"; rc=$?
  [ "$rc" = 2 ] || fail "chart $*: exit $rc, expected 2"
  grep -Eq -- "$re" "$t/err" || { cat "$t/err"; fail "chart $*: stderr lacks /$re/"; }
  [ ! -s "$t/out" ] || fail "chart $*: wrote to stdout on error"
}
expect_err "no target 'nope' \(its targets: 'Wall insulation" --target nope examples/zhangye.lua
expect_err "no metric 'zz' \(its metrics: 'emissions'" --metric zz examples/zhangye.lua
expect_err "has no emissions \(no sectors\): choose a chart with --metric or --target" examples/guian.lua
expect_err "has no wedges" --wedges examples/guian.lua
expect_err "no scenario 'zz'" --scenario zz examples/zhangye.lua
expect_err "choose one of --metric, --target and --wedges" --wedges --metric emissions examples/zhangye.lua
expect_err "no FILE given" --wedges
expect_err "chart reads a script file, not standard input" -
expect_err "unknown option '--bogus'" --bogus examples/zhangye.lua
expect_err "--width and --height want a number of pixels" --width 3 examples/zhangye.lua
expect_err "--years 1990:1991 is outside plan" --years 1990:1991 examples/zhangye.lua
expect_err "--years wants A:B with A <= B, such as 2020:2030, or one year, not '2030:2020'" --years 2030:2020 examples/zhangye.lua
expect_err "--years wants A:B .* not '20x'" --years=20x examples/zhangye.lua
expect_err "^decarb chart: --metric needs a value" examples/zhangye.lua --metric
expect_err "cannot write '$t/no/dir/c.svg'" examples/zhangye.lua --output "$t/no/dir/c.svg"
ls "$t/no" > /dev/null 2>&1 && fail "a failed write left a folder"
# two plans in one file: --plan chooses
cat > "$t/two.lua" <<'EOF'
local a = plan{ "Alpha", years = {2020, 2022} }
a:sector{ "x", emissions = "10 tCO2e/yr" }
local b = plan{ "Beta", years = {2020, 2024} }
b:sector{ "x", emissions = "20 tCO2e/yr" }
EOF
expect_err "defines 2 plans \('Alpha', 'Beta'\): choose one with --plan NAME" "$t/two.lua"
expect_err "no plan 'Gamma' in .* \(its plans: 'Alpha', 'Beta'\)" --plan Gamma "$t/two.lua"
"$DECARB" chart --plan Beta --metric emissions --years 2021:2023 --width 400 --height 200 "$t/two.lua" > "$t/beta.svg" ||
  fail "chart --plan Beta"
grep -q 'data-years="2021 2022 2023" data-values="20 20 20"' "$t/beta.svg" || fail "--plan/--years not applied"
grep -q 'width="400"' "$t/beta.svg" || fail "--width not applied"
"$DECARB" chart --plan=Beta --metric=emissions --years=2022 "$t/two.lua" > "$t/beta1.svg" || fail "chart --years=2022"
grep -q 'data-years="2022" data-values="20"' "$t/beta1.svg" || fail "--opt=value and --years of one year not applied"
# a missed target makes no exit 1 for chart: the chart was written
"$DECARB" chart examples/zhangye.lua --output - > /dev/null || fail "chart of a plan with a missed target: exit $?"
"$DECARB" chart --help | grep -q "usage: decarb chart" || fail "chart --help"
# with a Monte Carlo: the emissions chart has the 5-95 % and 25-75 % bands of
# the judged scenario (their edges the JSON's percentiles), each target its P(met)
"$DECARB" check --samples 400 --seed 7 --format html tests/golden/mc_closed.lua > "$t/mc.html" 2> /dev/null
"$DECARB" check --samples 400 --seed 7 --format json tests/golden/mc_closed.lua > "$t/mc.json" 2> /dev/null
$PY - "$t/mc.html" "$t/mc.json" <<'PY' || fail "Monte Carlo bands and P(met) in the HTML"
import html5lib, json, math, sys
doc = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(open(sys.argv[1], encoding="utf-8").read())
plan = json.load(open(sys.argv[2]))["plans"][0]
em = next(m for m in plan["metrics"] if m["name"] == "emissions")
fig = next(f for f in doc.iter("figure") if "chart-emissions" in f.get("class", ""))
bands = [e for e in fig.iter() if e.tag.endswith("polygon") and e.get("class") == "band"]
assert len(bands) == 2, len(bands)
close = lambda a, b: math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
for band, (lo, hi) in zip(bands, [(0, 4), (1, 3)]):
    years = [int(y) for y in band.get("data-years").split()]
    got_lo = [float(v) for v in band.get("data-values").split()]
    got_hi = [float(v) for v in band.get("data-hi").split()]
    for y, a, b in zip(years, got_lo, got_hi):
        q = em["quantiles"][y - plan["years"][0]]
        assert close(a, q[lo]) and close(b, q[hi]), (y, a, b, q)
    assert "NaN" not in band.get("points")
spans = [e for e in doc.iter("span") if e.get("class") == "p-met"]
assert [float(s.get("data-p-met")) for s in spans] == [t["p_met"] for t in plan["targets"]], spans
assert "P(met)" in spans[0].text
PY
# without one, no band
"$DECARB" check --format html examples/zhangye.lua 2> /dev/null | grep -q 'class="band"' && fail "a band without a Monte Carlo"
echo ok
