"""Tanglaw: from scattered records to ranked cases of live-streamed child sexual abuse.

The public API, for use as a library (the command line is `tanglaw`; see `tanglaw --help`):

    import tanglaw

    result = tanglaw.run_bundle(Path("bundle"), Path("out"), pack=tanglaw.load_pack())
    print(result.n_cases, result.files)

- `run_bundle(bundle, out_dir, *, pack=None, on_progress=None, …) -> RunResult`: the whole run,
  published all or nothing; `StepProgress` is what `on_progress` receives;
- `load_pack(path=None) -> Pack`: the built-in typology pack, or a user's pack laid over it;
- `open_workspace(out_dir) -> Engine`: a finished run's workspace, to read its stage tables;
- `simulate_world(out_dir, SimulationConfig(...))`: a synthetic world with its ground truth;
- `TanglawError`, `BundleError`, `PackError`: what Tanglaw raises on purpose.

Names load on first use, so that `import tanglaw` (and the command line's start) stays quick.
Everything else is internal and may change between versions.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: public name -> the module that defines it
_API = {
    "run_bundle": "pipeline",
    "RunResult": "pipeline",
    "StepProgress": "pipeline",
    "load_pack": "pack",
    "Pack": "pack",
    "open_workspace": "engine.workspace",
    "Engine": "engine",
    "simulate_world": "simulate",
    "SimulationConfig": "simulate",
    "TanglawError": "errors",
    "BundleError": "errors",
    "PackError": "errors",
}
__all__ = [
    "__version__",
    "run_bundle",
    "RunResult",
    "StepProgress",
    "load_pack",
    "Pack",
    "open_workspace",
    "Engine",
    "simulate_world",
    "SimulationConfig",
    "TanglawError",
    "BundleError",
    "PackError",
]

if TYPE_CHECKING:
    from .engine.core import Engine
    from .engine.workspace import open_workspace
    from .errors import BundleError, PackError, TanglawError
    from .pack import Pack, load_pack
    from .pipeline import RunResult, StepProgress, run_bundle
    from .simulate import SimulationConfig, simulate_world


def __getattr__(name: str) -> Any:
    if name in _API:
        value = getattr(importlib.import_module(f".{_API[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'tanglaw' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))


# Run as the `tanglaw` command (not imported as a library): Ctrl-C while the modules load is one
# line and exit 130, not a traceback through the imports (`tanglaw.interrupt`).
from . import interrupt as _interrupt  # noqa: E402

_interrupt.guard_startup()
