"""Figures shared by the benchmarks."""


def percentile(values, p):
    """The p-th percentile by linear interpolation, rounded to 0.1; None for no values."""
    values = sorted(values)
    if not values:
        return None
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return round(values[lo] + (values[hi] - values[lo]) * (k - lo), 1)
