"""Parses an error body (JSON on stdin) with the types quicktype generated from the schema."""

import json
import sys

from openpixels_envelope import error_envelope_from_dict

envelope = error_envelope_from_dict(json.load(sys.stdin))
print(f"{envelope.type.value} {envelope.code.value}: {envelope.message}")
if envelope.params.required is not None:
    print(f"needs {envelope.params.required} credits, has {envelope.params.available}")
