"""Checks an error body (JSON on stdin) against the envelope's schema.

Usage:
    python3 validate_envelope.py error-envelope.schema.json < body.json
"""

import json
import sys

from jsonschema import Draft7Validator


def schema_for_code(schema: dict, code: object) -> dict:
    """This code's branch of the union, so errors name the bad field."""
    definitions = schema["definitions"]
    for name, definition in definitions.items():
        code_field = definition.get("properties", {}).get("code", {})
        if code_field.get("const") == code:
            ref = f"#/definitions/{name}"
            return {"$ref": ref, "definitions": definitions}
    return schema


def main(schema_path: str) -> int:
    with open(schema_path, encoding="utf-8") as schema_file:
        schema = json.load(schema_file)
    body = json.load(sys.stdin)
    code = body.get("code") if isinstance(body, dict) else None
    validator = Draft7Validator(schema_for_code(schema, code))
    problems = list(validator.iter_errors(body))
    for problem in problems:
        path = problem.absolute_path
        where = "/".join(str(part) for part in path) or "(body)"
        print(f"invalid at {where}: {problem.message}")
    if problems:
        return 1
    print(f"valid {code} envelope")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
