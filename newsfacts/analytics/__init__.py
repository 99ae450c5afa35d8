"""Analytics over a release: SQL queries (DuckDB), corpus statistics and an HTML report."""

from newsfacts.analytics.query import QueryResult, query
from newsfacts.analytics.stats import ReleaseStats, release_stats

__all__ = ["QueryResult", "ReleaseStats", "query", "release_stats"]
