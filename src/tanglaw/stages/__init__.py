"""The stages of a run, each a function of the workspace: prepare → resolve → detect → link → score
→ tips (`tips`, with `tip_links`: which cases each tip names, and how actionable it is)."""
