"""Request and response models of the API (Base / Create / Public families).

Decision-shaped answers reuse the engine's own models (:mod:`engine.models`):
the HTTP contract is the DESIGN.md contract, not a copy that could drift.
"""
