"""Parses an error body (JSON on stdin) with the generated types."""

import json
import sys

import openpixels_envelope as generated

body = json.load(sys.stdin)
# Each class refuses a body of another code: exactly one accepts it.
for name in dir(generated):
    cls = getattr(generated, name)
    if name.endswith("Envelope") and isinstance(cls, type):
        try:
            envelope = cls.from_dict(body)
            break
        except Exception:
            continue
else:
    # A code newer than the generated types: fall back to its type.
    sys.exit(f"no generated type for {body.get('code')!r}")

print(f"{envelope.type.value} {envelope.code.value}: {envelope.message}")
if isinstance(envelope, generated.NoCreditsEnvelope):
    params = envelope.params
    print(f"needs {params.required} credits, has {params.available}")
