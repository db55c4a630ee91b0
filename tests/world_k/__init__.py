"""World K: a blind synthetic evaluation world for Tanglaw (see README.md in this folder)."""
