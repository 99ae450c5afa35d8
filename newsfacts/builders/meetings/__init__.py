"""The meetings table: who met whom, where, when and how, from meeting cues in each sentence."""
