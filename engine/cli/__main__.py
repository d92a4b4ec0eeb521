"""``python -m engine.cli``: the ``onceonly`` command without the console script."""

from . import main

main()
