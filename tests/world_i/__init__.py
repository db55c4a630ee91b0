"""World I: a blind synthetic evaluation world (North American payers, Philippine receivers)."""
