"""World N: blind synthetic evaluation world for Tanglaw (see README.md)."""


def generate(out_dir, seed=81, customers=50000, view="full", chat=True):
    """Build world N into OUT/bundle and OUT/truth; returns row counts and the drawn parameters."""
    from .generator import generate as _generate

    return _generate(out_dir, seed, customers, view, chat)


__all__ = ["generate"]
