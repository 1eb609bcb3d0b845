"""Parses an error body (JSON on stdin) with the generated types."""

import json
import sys

from openpixels_envelope import error_envelope_from_dict

envelope = error_envelope_from_dict(json.load(sys.stdin))
kind, code = envelope.type.value, envelope.code.value
print(f"{kind} {code}: {envelope.message}")
params = envelope.params
if params.required is not None:
    print(f"needs {params.required} credits, has {params.available}")
