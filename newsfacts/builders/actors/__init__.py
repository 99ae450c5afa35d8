"""The actors table: people, organizations and states of an article, and the index of their
mentions (`mentions.ActorIndex`) that the meetings, statements and figures builders read."""
