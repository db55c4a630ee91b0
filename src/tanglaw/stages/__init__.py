"""The stages of a run, each a function of the workspace: prepare → resolve → detect → link → score."""
