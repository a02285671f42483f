"""Deterministic benchmark graphs (the recipe of the project's performance notes).

regional: stochastic block model, 300 nodes in 6 blocks (p_in 0.15, p_out 0.0062 → ~1,500 edges)
national: Barabási–Albert, n = 20,000, m = 10 (≈ 200,000 edges)
medium:   Barabási–Albert, n = 5,000, m = 10 (quick mode's stand-in for national)
large:    Barabási–Albert, n = 1,000,000, m = 10 (≈ 10,000,000 edges)
Weights lognormal(0, 0.75) rounded to 3 decimals, at least 0.001. Text edge list "u v w".
Pure Python with a seeded generator, so every tool reads the very same file.
"""
import math
import os
import random


def weight(rng):
    return max(0.001, round(math.exp(rng.gauss(0, 0.75)), 3))


def block_model(path, seed=1, n=300, blocks=6, p_in=0.15, p_out=0.0062):
    rng = random.Random(seed)
    size = n // blocks
    with open(path, "w") as f:
        for u in range(n):
            for v in range(u + 1, n):
                p = p_in if u // size == v // size else p_out
                if rng.random() < p:
                    f.write(f"{u} {v} {weight(rng)}\n")


def barabasi_albert(path, n, m=10, seed=1):
    """Preferential attachment: each new node links to m distinct earlier nodes chosen with
    probability proportional to degree (repeated-nodes list), starting from m isolated seeds."""
    rng = random.Random(seed)
    repeated = []
    targets = list(range(m))
    with open(path, "w", buffering=1 << 20) as f:
        for source in range(m, n):
            for t in targets:
                f.write(f"{source} {t} {weight(rng)}\n")
            repeated.extend(targets)
            repeated.extend([source] * m)
            chosen = set()
            while len(chosen) < m:
                chosen.add(repeated[rng.randrange(len(repeated))])
            targets = list(chosen)


def ensure(directory, names):
    os.makedirs(directory, exist_ok=True)
    made = {}
    for name in names:
        path = os.path.join(directory, f"{name}.txt")
        if not os.path.exists(path):
            if name == "regional":
                block_model(path)
            elif name == "medium":
                barabasi_albert(path, 5_000)
            elif name == "national":
                barabasi_albert(path, 20_000)
            elif name == "large":
                barabasi_albert(path, 1_000_000)
        made[name] = path
    return made
