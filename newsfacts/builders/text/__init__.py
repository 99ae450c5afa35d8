"""The document layer every builder reads: sentences, tokens, quotations, numbers, dates and the
lexicon loader. Computed once per article; it knows nothing of the tables."""
