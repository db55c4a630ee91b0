"""Evaluation, outside a run: a run against ground truth (`evaluate`, `network_recall`), scores
fitted to an analyst's labels (`calibrate`), and case-id stability as data is added (`stability`).
"""
