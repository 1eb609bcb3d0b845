"""Parses an error body (JSON on stdin) with the generated types, one class per code."""

import json
import sys

import openpixels_envelope as generated

body = json.load(sys.stdin)
# Each class's from_dict refuses a body of another code, so exactly one accepts it.
for name in dir(generated):
    cls = getattr(generated, name)
    if name.endswith("Envelope") and isinstance(cls, type):
        try:
            envelope = cls.from_dict(body)
            break
        except Exception:
            continue
else:
    sys.exit(f"no generated type for {body.get('code')!r} (a newer code? branch on its type)")

print(f"{envelope.type.value} {envelope.code.value}: {envelope.message}")
if isinstance(envelope, generated.NoCreditsEnvelope):
    print(f"needs {envelope.params.required} credits, has {envelope.params.available}")
