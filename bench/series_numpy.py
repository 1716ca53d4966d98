# series_numpy.py N — NumPy peer of series_work.lua: a*b + c on 41-element
# float64 arrays; prints nanoseconds per a*b + c.
import sys, time
import numpy as np

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
a = np.linspace(100, 500, 41)
b = np.linspace(1500, 1800, 41)
c = np.zeros(41)
r = None
t0 = time.process_time()
for _ in range(n):
    r = a * b + c
t1 = time.process_time()
assert abs(r[-1] - 900000) < 1e-6
print("%.2f" % ((t1 - t0) * 1e9 / n))
