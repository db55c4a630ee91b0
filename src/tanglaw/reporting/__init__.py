"""Reports out and signals shared: per-case exports for authorities and partners, and sharing.

Modules (each does one thing; none imports an optional dependency at import time):

- `casedata`: read one case and everything the exports need from a run's workspace;
- `cybertip`, `goaml`, `sar`, `stix`: the case as a CyberTipline report, a goAML STR, a FinCEN
  SAR narrative, a STIX 2.1 bundle;
- `package`, `network`, `pdf`: the case package a person reads and prints (HTML, PDF);
- `sharing`: identifiers as keyed hashes for partners, and matching a partner's file;
- `settings`, `validate`, `xmlbuild`, `people`: reporter settings, schema checks, XML and name helpers;
- `cli`: `tanglaw export`, `tanglaw tips`, `tanglaw share …`.

Tips come in through `ingest.tip_xml` and are linked to cases by the `tips` stage
(`stages.tip_links`). docs/exports.md and docs/tip-xml.md describe the formats and mappings.
"""
