#!/bin/sh
# Generates Python, Go and Rust types for the OpenPixels error envelope.
# Usage: sh generate-types.sh error-envelope.schema.json out-dir
set -eu
schema="$1"
out="$2"
mkdir -p "$out"
quicktype() {
  npx quicktype --src-lang schema --top-level ErrorEnvelope \
    "$@" "$schema"
}
quicktype --lang python --python-version 3.7 \
  --out "$out/openpixels_envelope.py"
quicktype --lang go --package openpixels --out "$out/envelope.go"
quicktype --lang rust --out "$out/envelope.rs"
