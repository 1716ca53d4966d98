# dist_numpy.py — the NumPy peer of bench/dist_driver.c: N draws of one
# distribution with the same parameters, as one vectorised call of a NumPy
# Generator (PCG64, NumPy's default, or Philox, the counter-based one).
# Prints ns per draw. Usage: dist_numpy.py DIST N pcg64|philox
import sys, time
import numpy as np

dist, n, bitgen = sys.argv[1], int(sys.argv[2]), sys.argv[3]
g = np.random.Generator(np.random.PCG64(2026) if bitgen == "pcg64" else np.random.Philox(2026))
z95 = 1.6448536269514722
draw = {
    "triangular": lambda: g.triangular(80, 100, 120, n),
    "uniform": lambda: g.uniform(80, 120, n),
    "normal": lambda: g.normal(100, 40 / (2 * z95), n),
    "lognormal": lambda: g.lognormal(np.log(100), (np.log(200) - np.log(50)) / (2 * z95), n),
}[dist]
t0 = time.process_time_ns()  # CPU time, as the C driver
x = draw()
t1 = time.process_time_ns()
print(f"mean {x.mean():g}", file=sys.stderr)
print(f"{(t1 - t0) / n:.2f}")
