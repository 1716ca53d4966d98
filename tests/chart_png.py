# chart_png.py — a PNG reader for the screenshots of tests/chart_browser.test.sh
# (8-bit RGB or RGBA, not interlaced: what Chromium writes), and the ink test.
import struct, zlib

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


def ink(path):
    """(share of sampled pixels that are not white, distinct colours among them)"""
    w, h, bpp, rows = png_pixels(path)
    n = 0; colours = set()
    for r in rows[::4]:
        for x in range(0, w * bpp, bpp * 4):
            px = r[x:x + 3]
            if px != b"\xff\xff\xff": n += 1; colours.add(bytes(c & 0xF0 for c in px))
    total = len(rows[::4]) * len(range(0, w * bpp, bpp * 4))
    return n / total, len(colours), w, h


def affine_errors(pts):
    """pts: (year, value, x, y) of every point of one chart's lines. The x must
    be affine in the year and y in the value (larger values higher), within
    the 0.1 px the SVG rounds to; returns what is not."""
    bad = []
    if len(pts) < 3: return bad
    p0 = min(pts, key=lambda p: (p[0], p[1])); p1 = max(pts, key=lambda p: (p[0], p[1]))
    pa = min(pts, key=lambda p: p[1]); pb = max(pts, key=lambda p: p[1])
    for y, v, x, yy in pts:
        if p1[0] != p0[0] and abs(x - (p0[2] + (y - p0[0]) * (p1[2] - p0[2]) / (p1[0] - p0[0]))) >= 0.11:
            bad.append(("x", y, x))
        if pb[1] != pa[1] and abs(yy - (pa[3] + (v - pa[1]) * (pb[3] - pa[3]) / (pb[1] - pa[1]))) >= 0.11:
            bad.append(("y", v, yy))
    if pb[1] != pa[1] and not pb[3] < pa[3]: bad.append("larger values are not higher")
    return bad
