"""The schema version of the row models; bumped by a person, checked by `newsfacts schema check`."""

SCHEMA_VERSION = "1.1.0"
