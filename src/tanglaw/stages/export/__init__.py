"""Export: the contract's output files (`outputs`) and the HTML report a person reads (`report`).

Exports of one case for an authority or a partner (CyberTipline, goAML, SAR, STIX, the case
package) are `tanglaw.reporting`, run on demand from a finished run's workspace.
"""
