# Regenerates de405-newmoons.txt and de405-terms.txt from JPL DE405 as Debian packages it
# (apt-get install casacore-data-jpl-de405 python3-casacore python3-numpy; the table covers
# 1959-12-10 to 2060-02). Reads "k JDE" (new moons) or "longitude JDE" (terms) guesses on stdin
# and prints the DE405 instant (JDE, TT) found from each guess:
#   python3 de405.py newmoon < guesses.txt ; python3 de405.py term < guesses.txt
# Method: apparent geocentric positions (light time, annual aberration with the Earth's
# barycentric velocity), IAU 1976 precession, DE405's IAU 1980 nutation, true ecliptic of date.
# New moons and solar terms from JPL DE405 (Debian casacore-data-jpl-de405).
import math, sys
import numpy as np
from casacore.tables import table
t = table('/usr/share/casacore/data/ephemerides/DE405', ack=False)
kw = t.getkeywords()
EMRAT = kw['EMRAT']
X = t.getcol('x')  # rows x 1018
MJDS = t.getcol('MJD')
JD0 = MJDS[0] + 2400000.5
C = 299792.458 * 86400.0  # km/day
LAY = {'emb': (231, 13, 2), 'moon': (441, 13, 8), 'sun': (753, 11, 2), 'nut': (819, 10, 4)}

def cheb(body, jd, ncomp=3):
    o, n, s = LAY[body]
    r = int((jd - JD0) // 32)
    rec = X[r]
    start = JD0 + 32 * r
    dt = 32.0 / s
    i = min(int((jd - start) // dt), s - 1)
    tc = 2 * ((jd - start) - i * dt) / dt - 1
    T = np.empty(n); D = np.empty(n)
    T[0], T[1] = 1, tc
    D[0], D[1] = 0, 1
    for j in range(2, n):
        T[j] = 2 * tc * T[j-1] - T[j-2]
        D[j] = 2 * T[j-1] + 2 * tc * D[j-1] - D[j-2]
    base = o - 3 + i * ncomp * n
    c = rec[base: base + ncomp * n].reshape(ncomp, n)
    return c @ T, (c @ D) * 2 / dt

def earth(jd):
    e, ev = cheb('emb', jd); m, mv = cheb('moon', jd)
    return e - m / (1 + EMRAT), ev - mv / (1 + EMRAT)

def moonb(jd):
    e, _ = cheb('emb', jd); m, _ = cheb('moon', jd)
    return e + m * EMRAT / (1 + EMRAT)

def sunb(jd):
    return cheb('sun', jd)[0]

def apparent(fn, jd):
    E, Ev = earth(jd)
    tau = 0
    for _ in range(3):
        p = fn(jd - tau) - E
        tau = np.linalg.norm(p) / C
    u = p / np.linalg.norm(p)
    v = Ev / C
    u = u + v - u * (u @ v)
    return u / np.linalg.norm(u)

AS = math.pi / 180 / 3600
def rx(a):
    c, s = math.cos(a), math.sin(a); return np.array([[1, 0, 0], [0, c, s], [0, -s, c]])
def rz(a):
    c, s = math.cos(a), math.sin(a); return np.array([[c, s, 0], [-s, c, 0], [0, 0, 1]])

def ecl_lon(u, jd):
    T = (jd - 2451545.0) / 36525
    zeta = (2306.2181 * T + 0.30188 * T * T + 0.017998 * T**3) * AS
    z = (2306.2181 * T + 1.09468 * T * T + 0.018203 * T**3) * AS
    th = (2004.3109 * T - 0.42665 * T * T - 0.041833 * T**3) * AS
    P = rz(-z) @ rx(0) @ np.array([[math.cos(th), 0, -math.sin(th)], [0, 1, 0], [math.sin(th), 0, math.cos(th)]]) @ rz(-zeta)
    nut = cheb('nut', jd, 2)[0]
    dpsi, deps = nut[0], nut[1]
    eps0 = (84381.448 - 46.8150 * T - 0.00059 * T * T + 0.001813 * T**3) * AS
    eps = eps0 + deps
    N = rx(-eps) @ rz(-dpsi) @ rx(eps0)
    w = rx(eps) @ (N @ (P @ u))
    return math.atan2(w[1], w[0]) % (2 * math.pi)

def elong(jd):
    d = ecl_lon(apparent(moonb, jd), jd) - ecl_lon(apparent(sunb, jd), jd)
    return (d + math.pi) % (2 * math.pi) - math.pi

def sunlon(jd):
    return ecl_lon(apparent(sunb, jd), jd)

def solve(f, jd):
    for _ in range(30):
        h = 1e-4
        a = f(jd); b = f(jd + h)
        step = -a * h / (b - a)
        jd += step
        if abs(step) < 1e-9:
            break
    return jd

if __name__ == '__main__':
    mode = sys.argv[1]
    if mode == 'newmoon':
        # argv: k0 k1 ; guesses from stdin "k jde"
        for line in sys.stdin:
            k, g = line.split(); k = int(k); g = float(g)
            if g < JD0 + 1 or g > JD0 + 32 * len(X) - 1:
                continue
            print(k, '%.8f' % solve(elong, g))
    elif mode == 'term':
        for line in sys.stdin:
            tgt, g = line.split(); tgt = float(tgt); g = float(g)
            if g < JD0 + 1 or g > JD0 + 32 * len(X) - 1:
                continue
            f = lambda jd: ((sunlon(jd) - tgt * math.pi / 180) + math.pi) % (2 * math.pi) - math.pi
            print(int(tgt), '%.8f' % solve(f, g))
