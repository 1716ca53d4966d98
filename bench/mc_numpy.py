# mc_numpy.py — the NumPy peer of bench/mc_driver.c's "mc" mode: the same
# synthetic plan (200 measures in 20 sectors, 2020-2060, ramps, four
# targets) and the same Monte Carlo (each measure's amount triangular
# +-50 %, N samples), written with NumPy arrays: draws as an N x 200 matrix,
# emissions as N x 41 vectors (a matrix product with the ramp weights per
# sector), P(met) of every target, the percentiles of emissions per year
# and the Spearman drivers of every target's margin (what decarb's report
# computes). Prints CPU ns per sample.
# Usage: mc_numpy.py N
import sys, time
import numpy as np

n = int(sys.argv[1])
Y0, Y1, NSEC, NMEA = 2020, 2060, 20, 200
ny = Y1 - Y0 + 1
years = np.arange(Y0, Y1 + 1)
bau = np.array([[1000.0 * (s + 1) * 1.01 ** i for i in range(ny)] for s in range(NSEC)])
sector = np.arange(NMEA) % NSEC
start = Y0 + 1 + np.arange(NMEA) % 20
full = start + np.arange(NMEA) % 7
amount = 5.0 + np.arange(NMEA) % 13
w = np.where(years[None, :] < start[:, None], 0.0,
             np.where(years[None, :] < full[:, None],
                      (years[None, :] - start[:, None] + 1) / (full - start + 1)[:, None], 1.0))
g = np.random.Generator(np.random.Philox(1))

t0 = time.process_time_ns()
a = g.triangular(0.5 * amount, amount, 1.5 * amount, size=(n, NMEA))   # draws
em = np.zeros((n, ny)) + bau.sum(axis=0)
for s in range(NSEC):                                                  # sectors
    k = sector == s
    em -= a[:, k] @ w[k]
margin0 = (250000 - em[:, 2050 - Y0:]).min(axis=1)                     # at most, every year after
cum = np.cumsum(em[:, 1:], axis=1)
margin3 = 1e7 - cum[:, -1]
base = em[:, 0]
margin1 = 0.5 * base - em[:, -1]
mx = em[:, :2030 - Y0 + 1].max(axis=1)
margin2 = (mx[:, None] * 1.01 - em[:, 2030 - Y0 + 1:]).min(axis=1)
p_met = (margin0 >= 0).mean()
q = np.percentile(em, [5, 25, 50, 75, 95], axis=0)                      # percentiles per year
margins = np.stack([margin0, margin1, margin2, margin3], axis=1)       # n x 4
p_met_all = (margins >= 0).mean(axis=0)                                 # every target's P(met)
ry = margins.argsort(axis=0).argsort(axis=0).astype(float)              # drivers: ranks
rx = a.argsort(axis=0).argsort(axis=0).astype(float)
ry -= ry.mean(axis=0); rx -= rx.mean(axis=0)
rho_all = (rx.T @ ry) / np.sqrt(np.outer((rx ** 2).sum(axis=0), (ry ** 2).sum(axis=0)))  # 200 x 4
rho = rho_all[:, 0]
t1 = time.process_time_ns()
print(f"P(met) {p_met:g}, top driver {np.abs(rho).argmax()}, q50 2060 {q[2, -1]:g}", file=sys.stderr)
print(f"{(t1 - t0) / n:.1f}")
