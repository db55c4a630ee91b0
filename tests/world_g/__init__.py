"""World G: a blind consortium-view synthetic world (foreign bank, PH e-wallet, live platform)."""
