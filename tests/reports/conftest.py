import pytest

from . import hand_catalogue


@pytest.fixture(scope="module")
def hand():
    from engine.evaluator import Engine

    cat = hand_catalogue.build()
    return cat, Engine(cat)
