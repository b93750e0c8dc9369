"""casualty: extract, cluster and reconcile conflicting casualty claims from news reports."""

__version__ = "0.1.0"
