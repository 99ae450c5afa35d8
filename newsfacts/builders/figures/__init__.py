"""The figures table: counts and amounts (death tolls, hostages, money …) with qualifier, unit,
category and source."""
