import json
from pathlib import Path

import pytest

FIXTURES = json.loads((Path(__file__).parent / "fixtures" / "error-bodies.json").read_text(encoding="utf-8"))
SCHEMA = json.loads(
    (Path(__file__).parent.parent / "openpixels_errors" / "error-envelope.schema.json").read_text(encoding="utf-8")
)


@pytest.fixture(scope="session")
def schema():
    return SCHEMA


def pytest_generate_tests(metafunc):
    # Parametrises by fixture so each code and each forward-compat case is its own test.
    if "body_fixture" in metafunc.fixturenames:
        metafunc.parametrize("body_fixture", FIXTURES["bodies"], ids=[f["code"] for f in FIXTURES["bodies"]])
    if "compat_fixture" in metafunc.fixturenames:
        cases = FIXTURES["forward_compat"]
        metafunc.parametrize("compat_fixture", cases, ids=[c["name"].replace(" ", "-") for c in cases])
