#!/bin/sh
# units_pint.test.sh — the unit oracle: every unit `decarb units` lists (with
# each SI prefix it takes) that Pint (Debian python3-pint) also defines must
# come to the same SI base value within 1e-9 (relative). Where decarb means
# something else by the same name, the exception is named below and checked
# to differ, so that a change on either side shows. Run from the repository
# root (tests/run_golden.sh does).
decarb=${DECARB:-./decarb}
# Debian's python3 has python3-pint; a python3 earlier on PATH may not
py=/usr/bin/python3
"$py" -c 'import pint' 2>/dev/null || py=python3
if ! "$py" -c 'import pint' 2>/dev/null; then
  echo "not ok - python3-pint is not installed (make deps installs DEB_TEST)"; exit 1
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$decarb" units > "$tmp/list" || { echo "not ok - decarb units exited $?"; exit 1; }
DECARB=$decarb "$py" - "$tmp" <<'EOF'
import os, re, subprocess, sys
import pint

tmp = sys.argv[1]
ureg = pint.UnitRegistry()
# the same name, another meaning: decarb's choice, and why
EXCEPTIONS = {
    "yr": "decarb's year is 8,760 h (365 d, DATA.md section 5); Pint's is the Julian 365.25 d",
    "kt": "decarb's kt is the kilotonne; Pint's is the knot (speed)",
    "mu": "decarb's mu is the Chinese 亩 (1/15 ha); Pint's is the atomic mass unit",
}
# decarb spellings that Pint writes otherwise
SPELLING = {"m2": "m**2", "m3": "m**3", "km2": "km**2", "μs": "us", "µs": "us", "°C": "degC"}
BASE = {"[length]": "m", "[mass]": "kg", "[time]": "s", "[temperature]": "K"}

names = []
for line in open(os.path.join(tmp, "list"), encoding="utf-8"):
    if not line.startswith("  "):
        continue
    name = line.split()[0]
    names.append(name)
    m = re.search(r"prefixes (.*)$", line.rstrip())
    if m:
        names += [p + name for p in m.group(1).split()]

checks, skipped = [], []
for name in names:
    try:
        pq = ureg.Quantity(1, SPELLING.get(name, name))
        base = pq.to_base_units()
    except Exception:
        skipped.append(name)
        continue
    dims = pq.dimensionality
    if any(k not in BASE for k in dims):
        skipped.append(name)
        continue
    expr = "*".join(f"{BASE[k]}^{int(v)}" for k, v in dims.items()) or "1"
    checks.append((name, expr, float(base.magnitude)))

lua = os.path.join(tmp, "oracle.lua")
with open(lua, "w", encoding="utf-8") as f:
    for name, expr, _ in checks:
        f.write(f'do local ok, v = pcall(function() return q(1, "{name}"):value("{expr}") end)\n'
                f'  print(ok and string.format("%.17g", v) or ("error: " .. tostring(v))) end\n')
out = subprocess.run([os.environ["DECARB"], lua], capture_output=True, text=True)
if out.returncode != 0:
    print(f"not ok - decarb oracle script exited {out.returncode}: {out.stderr[:300]}")
    sys.exit(1)
rows = out.stdout.splitlines()
bad = 0
for (name, expr, want), got in zip(checks, rows):
    if got.startswith("error") and name in EXCEPTIONS:  # not even the same dimension
        print(f"ok - {name}: exception ({EXCEPTIONS[name]}): {got.split(': ', 2)[-1]}")
        continue
    if got.startswith("error"):
        print(f"not ok - {name}: decarb: {got}")
        bad += 1
        continue
    v = float(got)
    same = abs(v - want) <= 1e-9 * max(abs(want), 1e-300)
    if name in EXCEPTIONS:
        if same:
            print(f"not ok - {name}: listed as an exception but agrees with Pint now")
            bad += 1
        else:
            print(f"ok - {name}: exception ({EXCEPTIONS[name]}): decarb {v:.10g} {expr}, Pint {want:.10g}")
        continue
    if same:
        print(f"ok - {name} = {v:.12g} {expr} (Pint agrees)")
    else:
        print(f"not ok - {name}: decarb {v!r} {expr}, Pint {want!r}")
        bad += 1
if len(rows) != len(checks):
    print(f"not ok - {len(checks)} checks but {len(rows)} answers")
    bad += 1
if len(checks) < 60:
    print(f"not ok - only {len(checks)} units compared (expected at least 60)")
    bad += 1
print(f"# {len(checks)} units compared, {bad} failed; not in Pint by that name: {' '.join(skipped)}")
sys.exit(1 if bad else 0)
EOF
