"""World C: an independent synthetic-world generator for evaluating Tanglaw.

A live-streaming / video-chat platform with chat, Philippine e-wallets and an 8-month period in 2024.
Nothing sexual or abusive is generated: only amounts, times, accounts and innocuous text.
See README.md in this folder.
"""
