"""The generated guards, on wire dicts, generated envelopes and arbitrary objects."""

import pytest

from openpixels_errors import (
    CODES_OF_TYPE,
    ENVELOPE_CLASSES,
    ERROR_CODES,
    ERROR_TYPES,
    has_error_code,
    is_authentication_error,
    is_availability_error,
    is_bad_request_error,
    is_billing_error,
    is_internal_server_error,
    is_openpixels_error,
    is_provider_error,
)

TYPE_GUARDS = {
    "PROVIDER_ERROR": is_provider_error,
    "INTERNAL_SERVER_ERROR": is_internal_server_error,
    "BAD_REQUEST_ERROR": is_bad_request_error,
    "AUTHENTICATION_ERROR": is_authentication_error,
    "BILLING_ERROR": is_billing_error,
    "AVAILABILITY_ERROR": is_availability_error,
}


class ClientError(Exception):
    """How a Python client might raise an envelope: attributes, not a dict."""

    def __init__(self, body):
        super().__init__(body["message"])
        self.type = body["type"]
        self.code = body["code"]
        self.message = body["message"]


def shapes(body):
    return [body, ENVELOPE_CLASSES[body["code"]].from_dict(body), ClientError(body)]


def test_there_is_one_guard_per_type():
    assert sorted(TYPE_GUARDS) == sorted(ERROR_TYPES)


def test_exactly_the_guard_of_its_type_accepts_a_body(body_fixture):
    body = body_fixture["body"]
    for value in shapes(body):
        accepted = [type_ for type_, guard in TYPE_GUARDS.items() if guard(value)]
        assert accepted == [body["type"]]
        assert is_openpixels_error(value)


def test_has_error_code_accepts_only_its_own_code(body_fixture):
    body = body_fixture["body"]
    for value in shapes(body):
        assert [code for code in ERROR_CODES if has_error_code(value, code)] == [body["code"]]


def test_a_newer_code_passes_the_type_guard_but_not_has_error_code():
    newer = {"type": "PROVIDER_ERROR", "code": "PROVIDER_QUOTA", "message": "Quota.", "params": {}}
    assert is_provider_error(newer)
    assert is_openpixels_error(newer)
    assert not any(has_error_code(newer, code) for code in CODES_OF_TYPE["PROVIDER_ERROR"])


def test_a_known_code_under_another_type_is_not_that_code():
    body = {"type": "PROVIDER_ERROR", "code": "NO_CREDITS", "message": "Mismatched.", "params": {}}
    assert not has_error_code(body, "NO_CREDITS")
    assert not is_openpixels_error(body)


class Exploding:
    def __getattr__(self, name):
        raise RuntimeError(name)


@pytest.mark.parametrize(
    "value",
    [None, 0, "PROVIDER_ERROR", [], {}, {"type": "PROVIDER_ERROR", "code": "", "message": "m"},
     {"type": "PROVIDER_ERROR", "code": "PROVIDER_ERROR"}, {"type": 1, "code": "PROVIDER_ERROR", "message": "m"},
     {"type": "NOT_A_TYPE", "code": "X", "message": "m"}, Exploding()],
    ids=lambda value: type(value).__name__,
)
def test_guards_reject_non_envelopes_without_raising(value):
    assert not is_openpixels_error(value)
    assert not any(guard(value) for guard in TYPE_GUARDS.values())
    assert not any(has_error_code(value, code) for code in ERROR_CODES)
