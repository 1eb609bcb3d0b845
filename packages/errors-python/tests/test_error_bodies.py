"""Every code's body, as the TypeScript package builds it, against the schema and the Python types."""

import json

import jsonschema
import pytest

from conftest import FIXTURES
from openpixels_errors import (
    CODE_STATUSES,
    CODE_TYPES,
    DOC_URLS,
    ENVELOPE_CLASSES,
    ERROR_CODES,
    UnrecognizedErrorEnvelope,
    decode_error_envelope,
)


def test_there_is_one_body_per_code():
    assert [fixture["code"] for fixture in FIXTURES["bodies"]] == list(ERROR_CODES)


def test_body_is_valid_against_the_schema(body_fixture, schema):
    jsonschema.Draft7Validator(schema).validate(body_fixture["body"])


def test_body_matches_only_its_own_code_in_the_schema(body_fixture, schema):
    validator = jsonschema.Draft7Validator(schema)
    matching = [
        name
        for name in schema["definitions"]
        if name.endswith("Envelope") and name != "OpenPixelsErrorEnvelope"
        and validator.evolve(schema={**schema, "$ref": f"#/definitions/{name}"}).is_valid(body_fixture["body"])
    ]
    assert len(matching) == 1
    code_property = schema["definitions"][matching[0]]["properties"]["code"]
    assert code_property["const"] == body_fixture["code"]


def test_body_parses_into_its_generated_class_and_back(body_fixture):
    cls = ENVELOPE_CLASSES[body_fixture["code"]]
    envelope = cls.from_dict(body_fixture["body"])
    assert envelope.code.value == body_fixture["code"]
    assert envelope.to_dict() == body_fixture["body"]


def test_body_does_not_parse_as_another_code(body_fixture):
    other = next(code for code in ERROR_CODES if code != body_fixture["code"])
    with pytest.raises(Exception):
        ENVELOPE_CLASSES[other].from_dict(body_fixture["body"])


def test_decoder_gives_the_typed_envelope_from_dict_or_json_text(body_fixture):
    cls = ENVELOPE_CLASSES[body_fixture["code"]]
    for value in (body_fixture["body"], json.dumps(body_fixture["body"])):
        decoded = decode_error_envelope(value)
        assert isinstance(decoded, cls)
        assert not isinstance(decoded, UnrecognizedErrorEnvelope)
        assert decoded.to_dict() == body_fixture["body"]


def test_decoded_code_and_type_compare_equal_to_their_wire_strings(body_fixture):
    decoded = decode_error_envelope(body_fixture["body"])
    # What users write: `decode_error_envelope(body).code == "NO_CREDITS"`.
    assert decoded.code == body_fixture["code"]
    assert decoded.type == body_fixture["body"]["type"]
    assert isinstance(decoded.code, str) and isinstance(decoded.type, str)
    assert {decoded.code: 1}.get(body_fixture["code"]) == 1
    assert f"{decoded.code}" == str(decoded.code) == body_fixture["code"]
    assert json.dumps({"code": decoded.code}) == json.dumps({"code": body_fixture["code"]})


def test_tables_agree_with_the_typescript_runtime(body_fixture):
    code = body_fixture["code"]
    assert CODE_STATUSES[code] == body_fixture["status"]
    assert CODE_TYPES[code] == body_fixture["body"]["type"]
    assert DOC_URLS[code] == body_fixture["body"]["doc_url"]


def test_a_body_with_a_wrong_param_type_fails_the_schema(schema):
    body = next(f["body"] for f in FIXTURES["bodies"] if f["body"]["params"].get("required") is not None)
    broken = {**body, "params": {**body["params"], "required": "25"}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(schema).validate(broken)
