"""The built-in typology pack (`default.toml`): every threshold, list and weight, with sources."""
