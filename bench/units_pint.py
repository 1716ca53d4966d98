# units_pint.py MODE N — the units benchmarks' workloads in Python with pint
# (Debian's python3-pint) and with plain floats; prints ns per operation.
import sys
import time

mode, n = sys.argv[1], int(sys.argv[2])
if mode == "floats":
    a, b, c = 1.5, 2.5, 0.0
    t0 = time.process_time()
    for _ in range(n):
        c = a * b + c
    t1 = time.process_time()
else:
    import pint
    ureg = pint.UnitRegistry()
    ureg.define("yuan = [currency]")
    ureg.define("tce = 29.3076 GJ")
    ureg.define("CO2 = [co2]")
    if mode == "quantities":
        a, b, c = ureg.Quantity(1.5, "MW"), ureg.Quantity(2.5, "h"), ureg.Quantity(0, "MWh")
        t0 = time.process_time()
        for _ in range(n):
            c = a * b + c
        t1 = time.process_time()
    elif mode == "parse_cached":
        t0 = time.process_time()
        for _ in range(n):
            x = ureg.Quantity("0.4772 kg * CO2 / kWh")
        t1 = time.process_time()
    elif mode == "parse_uncached":
        units = ["MW", "kg * CO2 / kWh", "t / year", "tce", "yuan / kWh"]
        texts = ["%s %s" % (i + 0.5, units[i % len(units)]) for i in range(n)]
        t0 = time.process_time()
        for s in texts:
            x = ureg.Quantity(s)
        t1 = time.process_time()
    else:
        raise SystemExit("unknown mode " + mode)
print("%.2f" % ((t1 - t0) * 1e9 / n))
