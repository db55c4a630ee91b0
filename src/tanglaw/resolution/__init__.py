"""Entity resolution: which party records are one person (or one organisation).

`normalise` turns party records into comparable keys (names read through the pack's nickname
and particle lists, phones in one international form, hubs blanked), `model` holds the Splink
comparisons and the shipped default parameters, `link` scores candidate pairs with Splink and
`explain` says in words why two records were merged.
"""
