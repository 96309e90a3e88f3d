"""topsis_peer.py - the anchor of `lowcarb mcda --method topsis` in
`make bench`: what a user would otherwise write, pandas read_csv and a
numpy TOPSIS (vector normalisation, weights divided by their sum, a cost
criterion's ideal at its lowest value, closeness D-/(D+ + D-), 0.5 when
both are 0; ties share the better rank), writing the same CSV columns as
`lowcarb mcda --format csv`: alternative,score,rank,d_plus,d_minus.

usage: python3 topsis_peer.py MATRIX.csv TYPES WEIGHTS OUT.csv
       python3 topsis_peer.py --compare A.csv B.csv
(--compare prints the largest score difference of two such outputs and
exits 1 when it exceeds 1e-9 or the alternatives differ.)"""
import sys

import numpy as np
import pandas as pd


def topsis(path, types, weights, out):
    df = pd.read_csv(path, index_col=0)
    x = df.to_numpy(dtype=np.float64)
    w = np.array([float(v) for v in weights.split(",")])
    w = w / w.sum()
    cost = np.array([t == "min" for t in types.split(",")])
    v = x / np.sqrt((x * x).sum(axis=0)) * w
    best = np.where(cost, v.min(axis=0), v.max(axis=0))
    worst = np.where(cost, v.max(axis=0), v.min(axis=0))
    dp = np.sqrt(((v - best) ** 2).sum(axis=1))
    dm = np.sqrt(((v - worst) ** 2).sum(axis=1))
    tot = dp + dm
    score = np.divide(dm, tot, out=np.full_like(dm, 0.5), where=tot > 0)
    res = pd.DataFrame({"score": score, "d_plus": dp, "d_minus": dm},
                       index=df.index)
    res.insert(1, "rank", res["score"].rank(method="min", ascending=False)
               .astype(np.int64))
    res.index.name = "alternative"
    res.to_csv(out)


def compare(a, b):
    x = pd.read_csv(a, index_col=0)
    y = pd.read_csv(b, index_col=0)
    if len(x) != len(y) or not (x.index == y.index).all():
        print("different alternatives")
        return 1
    d = float(np.abs(x["score"].to_numpy() - y["score"].to_numpy()).max())
    print("largest score difference %.3g" % d)
    return 0 if d <= 1e-9 else 1


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    topsis(*sys.argv[1:])
