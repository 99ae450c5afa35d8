"""Geography shared by the builders: states, demonyms, capitals and territories (the gazetteer),
GeoNames cities (a generated table) and place phrases in text."""
