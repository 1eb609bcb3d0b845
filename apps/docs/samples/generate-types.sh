#!/bin/sh
# Generates Python, Go and Rust types for the OpenPixels error
# envelope, one type per code: each `...Envelope` definition of the
# schema is its own top level (fed the root union, quicktype would
# merge every code into one type whose params are all optional).
# Usage: sh generate-types.sh error-envelope.schema.json out-dir
set -eu
schema="$1"
out="$2"
mkdir -p "$out"
sources=$(node -e '
const file = process.argv[1];
const text = require("fs").readFileSync(file, "utf8");
const { definitions } = JSON.parse(text);
for (const name of Object.keys(definitions).sort())
  if (name.endsWith("Envelope") && name !== "OpenPixelsErrorEnvelope")
    console.log(`${file}#/definitions/${name}`);
' "$schema")
quicktype() {
  # shellcheck disable=SC2086 # one source per line
  npx quicktype --src-lang schema "$@" $sources
}
quicktype --lang python --python-version 3.7 \
  --out "$out/openpixels_envelope.py"
quicktype --lang go --package openpixels --out "$out/envelope.go"
quicktype --lang rust --out "$out/envelope.rs"
