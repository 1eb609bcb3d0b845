"""The generated tables against each other and against the JSON Schema (two separate sources)."""

from openpixels_errors import (
    CODE_STATUSES,
    CODE_TYPES,
    CODES_OF_TYPE,
    ENVELOPE_CLASSES,
    ERROR_CODES,
    ERROR_TYPES,
    REROUTABLE_CODES,
    RETRYABLE_CODES,
    TYPE_STATUSES,
)


def test_codes_and_types_match_the_schema_enums(schema):
    assert list(ERROR_CODES) == schema["definitions"]["ErrorCode"]["enum"]
    assert list(ERROR_TYPES) == schema["definitions"]["ErrorType"]["enum"]


def test_codes_of_type_partition_the_codes():
    flattened = [code for type_ in ERROR_TYPES for code in CODES_OF_TYPE[type_]]
    assert sorted(flattened) == sorted(ERROR_CODES)
    for type_, codes in CODES_OF_TYPE.items():
        assert all(CODE_TYPES[code] == type_ for code in codes)


def test_every_code_has_a_status_a_class_and_a_known_type():
    for code in ERROR_CODES:
        assert 400 <= CODE_STATUSES[code] <= 599
        assert CODE_TYPES[code] in TYPE_STATUSES
        assert ENVELOPE_CLASSES[code].__name__.endswith("Envelope")


def test_policy_sets_name_only_known_codes():
    assert RETRYABLE_CODES <= set(ERROR_CODES)
    assert REROUTABLE_CODES <= set(ERROR_CODES)


def test_the_schema_describes_each_code_with_the_table_status(schema):
    # The schema's envelope descriptions start "CODE (TYPE, HTTP status)": a third source.
    for definition in schema["definitions"].values():
        code = definition.get("properties", {}).get("code", {}).get("const")
        if code is None:
            continue
        assert definition["description"].startswith(f"{code} ({CODE_TYPES[code]}, HTTP {CODE_STATUSES[code]})")
