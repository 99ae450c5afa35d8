"""The statements table: quotations and reported speech, each attributed to its speaker."""
