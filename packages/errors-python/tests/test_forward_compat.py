"""Bodies a client of this version may meet: newer codes, job results and garbage."""

import jsonschema

from openpixels_errors import (
    ENVELOPE_CLASSES,
    UnrecognizedErrorEnvelope,
    decode_error_envelope,
    is_openpixels_error,
)


def test_schema_accepts_the_case_only_when_expected(compat_fixture, schema):
    assert jsonschema.Draft7Validator(schema).is_valid(compat_fixture["body"]) is compat_fixture["schema_valid"]


def test_decoder_agrees_with_the_typescript_decoder(compat_fixture):
    decoded = decode_error_envelope(compat_fixture["body"])
    expected = compat_fixture["decoded"]
    as_dict = decoded.to_dict()
    for field in ("type", "code", "message", "request_id", "doc_url"):
        assert as_dict.get(field) == expected.get(field), field
    if isinstance(decoded, UnrecognizedErrorEnvelope) or expected["code"] not in ENVELOPE_CLASSES:
        assert as_dict["params"] == expected["params"]
    else:
        # A typed class keeps the params it knows; a newer server's extra param is dropped.
        assert isinstance(decoded, ENVELOPE_CLASSES[expected["code"]])
        assert as_dict["params"].items() <= expected["params"].items()


def test_decoded_value_is_always_an_openpixels_error(compat_fixture):
    assert is_openpixels_error(decode_error_envelope(compat_fixture["body"]))


def test_decoder_never_raises_on_hostile_values():
    class Hostile(dict):
        def get(self, *_args):
            raise RuntimeError("no")

    for value in (None, "", "{", b"bytes", [], [1, 2], {"error": None}, {"code": 5}, Hostile(), object(), float("nan")):
        decoded = decode_error_envelope(value)
        assert decoded.to_dict()["code"] == "UNKNOWN_ERROR"


def test_decoder_cuts_long_raw_text():
    decoded = decode_error_envelope("x" * 5000)
    assert len(decoded.params.raw) == 2001
    assert decoded.params.raw.endswith("\u2026")
