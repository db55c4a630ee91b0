"""The analyst workbench: a web application over a run's cases (queue, case pages, decisions, roles
and a hash-chained audit trail). Needs the `workbench` extra: `pip install 'tanglaw[workbench]'`."""
