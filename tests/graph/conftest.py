import pytest

from ..reports import hand_catalogue


@pytest.fixture(scope="module")
def hand():
    from engine.evaluator import Engine

    cat = hand_catalogue.build()
    return cat, Engine(cat)


@pytest.fixture(scope="module")
def hand_graph(hand):
    from engine.graph import build_graph

    cat, engine = hand
    return build_graph(cat, engine.evaluate_all(hand_catalogue.DAY, hand_catalogue.VN), hand_catalogue.DAY)
