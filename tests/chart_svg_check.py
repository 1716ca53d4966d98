# chart_svg_check.py FILE_OR_DIR... — what every SVG decarb writes must be
# (tests/chart_svg.test.sh, tests/chart_report.test.sh): valid UTF-8, no NaN or
# infinity, SVG 1.1 with a viewBox at 0 0 matching width/height, a <?xml?>
# declaration for a document (not for NAME.frag.svg), every coordinate finite
# and inside the viewBox, no empty text, polylines' data- values one per point,
# a <title>.
import math, os, re, sys, xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
paths = []
for a in sys.argv[1:]:
    paths += [os.path.join(a, n) for n in sorted(os.listdir(a)) if n.endswith(".svg")] if os.path.isdir(a) else [a]
for path in paths:
    name = os.path.basename(path)
    raw = open(path, "rb").read()
    text = raw.decode("utf-8")  # valid UTF-8
    assert not re.search(r"\bnan\b|\binf\b", text, re.I), name
    root = ET.fromstring(raw)
    assert root.tag == NS + "svg", (name, root.tag)
    assert root.get("version") == "1.1", name
    vb = [float(x) for x in root.get("viewBox").split()]
    assert vb[:2] == [0, 0] and vb[2] > 0 and vb[3] > 0, (name, vb)
    assert float(root.get("width")) == vb[2] and float(root.get("height")) == vb[3], name
    assert name.endswith(".frag.svg") != raw.startswith(b"<?xml"), name
    for el in root.iter():
        for k in ("x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height"):
            v = el.get(k)
            if v is not None and not v.endswith("%"):
                f = float(v)
                assert math.isfinite(f), (name, el.tag, k, v)
                if k in ("x", "x1", "x2", "cx"):
                    assert -1 <= f <= vb[2] + 1, (name, el.tag, k, v)
                if k in ("y", "y1", "y2", "cy"):
                    assert -1 <= f <= vb[3] + 1, (name, el.tag, k, v)
        pts = el.get("points")
        if pts:
            for p in pts.split():
                x, y = map(float, p.split(","))
                assert 0 <= x <= vb[2] and 0 <= y <= vb[3], (name, p)
        if el.tag == NS + "text":
            assert (el.text or "").strip(), (name, "empty text")
        # every polyline's values are numbers at its years
        if el.tag == NS + "polyline":
            ys = el.get("data-years").split(); vs = el.get("data-values").split()
            assert len(ys) == len(vs) == len(pts.split()), name
            [float(v) for v in vs]
    assert root.find(NS + "title") is not None, name
print("ok")
