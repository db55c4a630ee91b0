"""World D: an independent synthetic-world generator (FIU pooled view of many small institutions)."""
