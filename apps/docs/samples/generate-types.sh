#!/bin/sh
# Generates envelope types for Python, Go and Rust from the OpenPixels JSON Schema.
# Usage: sh generate-types.sh error-envelope.schema.json out-dir
set -eu
schema="$1"
out="$2"
mkdir -p "$out"
npx quicktype --src-lang schema --top-level ErrorEnvelope --lang python --python-version 3.7 \
  --out "$out/openpixels_envelope.py" "$schema"
npx quicktype --src-lang schema --top-level ErrorEnvelope --lang go --package openpixels \
  --out "$out/envelope.go" "$schema"
npx quicktype --src-lang schema --top-level ErrorEnvelope --lang rust \
  --out "$out/envelope.rs" "$schema"
