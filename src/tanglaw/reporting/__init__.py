"""Reports out and signals in: per-case exports for authorities and partners, XML tips, sharing.

Modules (each does one thing; none imports an optional dependency at import time):

- `casedata`: read one case and everything the exports need from a run's workspace;
- `cybertip`, `goaml`, `sar`, `stix`: the case as a CyberTipline report, a goAML STR, a FinCEN
  SAR narrative, a STIX 2.1 bundle;
- `package`, `network`, `pdf`: the case package a person reads and prints (HTML, PDF);
- `tip_xml`: CyberTipline-style XML tips → rows of the contract's `reports` table, parsed safely;
- `sharing`: identifiers as keyed hashes for partners, and matching a partner's file;
- `tips`: tips linked to cases, and how actionable each tip is;
- `settings`, `validate`, `xmlbuild`, `people`: reporter settings, schema checks, XML and name helpers;
- `cli`: `tanglaw export`, `tanglaw tips`, `tanglaw share …`.

docs/exports.md and docs/tip-xml.md describe the formats and mappings.
"""
