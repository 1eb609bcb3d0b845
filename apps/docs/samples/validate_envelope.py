"""Checks that an error body (JSON on stdin) matches the OpenPixels envelope schema.

Usage: python3 validate_envelope.py error-envelope.schema.json < body.json
"""

import json
import sys

from jsonschema import Draft7Validator


def schema_for_code(schema: dict, code: object) -> dict:
    """The branch of the envelope union for this code, so errors name the field at fault."""
    for name, definition in schema["definitions"].items():
        if definition.get("properties", {}).get("code", {}).get("const") == code:
            return {"$ref": f"#/definitions/{name}", "definitions": schema["definitions"]}
    return schema


def main(schema_path: str) -> int:
    with open(schema_path, encoding="utf-8") as schema_file:
        schema = json.load(schema_file)
    body = json.load(sys.stdin)
    code = body.get("code") if isinstance(body, dict) else None
    problems = list(Draft7Validator(schema_for_code(schema, code)).iter_errors(body))
    for problem in problems:
        where = "/".join(str(part) for part in problem.absolute_path) or "(body)"
        print(f"invalid at {where}: {problem.message}")
    if problems:
        return 1
    print(f"valid {code} envelope")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
