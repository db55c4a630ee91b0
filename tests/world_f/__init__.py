"""World F: a blind synthetic-world generator (PH cash pickup + crypto P2P desk + small bank)."""
