"""Cross-article deduplication: per-article events grouped into real-world events, reconciled.

- ``records``     the compact view of an event that clustering compares (``Record``)
- ``blocking``    candidate pairs by country, place and date window (never all pairs)
- ``similarity``  the hard compatibility rule and the pair score (``PairScore``)
- ``cluster``     deterministic, constraint-aware grouping with an audit trail (``Group``, ``Link``)
- ``reconcile``   one real-world event from its reports (``ReconciledEvent``, ``ReconciledField``)
- ``gold``        the cluster gold format (``GoldCluster``) and its derivation from event gold
- ``metrics``     pairwise and B-cubed scores, accuracy of reconciled values

The store side (persistence, ``cluster_store``, ``merge``, ``split``, ``reconciled_events``) is
``protestwatch.store.clusters``.
"""

from __future__ import annotations

from .cluster import (
    ClusterOptions,
    ClusterStats,
    Constraints,
    Group,
    Link,
    cluster_records,
    constraints_from,
)
from .gold import (
    GoldCluster,
    GoldReport,
    clusters_from_event_gold,
    dump_cluster_gold,
    load_cluster_gold,
)
from .metrics import (
    ClusterEvaluation,
    ClusterScores,
    align_to_gold,
    evaluate_clusters,
    score_clustering,
)
from .reconcile import ReconciledEvent, ReconciledField, SourceValue, reconcile
from .records import PlaceLevel, Record, record_of
from .similarity import PairScore, compatible, score_pair

__all__ = [
    "ClusterEvaluation", "ClusterOptions", "ClusterScores", "ClusterStats", "Constraints",
    "GoldCluster", "GoldReport", "Group", "Link", "PairScore", "PlaceLevel", "ReconciledEvent",
    "ReconciledField", "Record", "SourceValue", "align_to_gold", "cluster_records",
    "clusters_from_event_gold", "compatible", "constraints_from", "dump_cluster_gold",
    "evaluate_clusters", "load_cluster_gold", "reconcile", "record_of", "score_clustering",
    "score_pair",
]  # fmt: skip
