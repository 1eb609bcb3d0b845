"""Reads an error body on stdin and branches on its code."""

import sys

from openpixels_errors import decode_error_envelope, is_provider_error

error = decode_error_envelope(sys.stdin.read())  # never raises
if error.code == "NO_CREDITS":
    need, have = error.params.required, error.params.available
    print(f"Out of credits: need {need}, have {have}.")
elif is_provider_error(error):
    # Also true for a provider code newer than this package.
    print(f"{error.code}: the provider failed ({error.message})")
else:
    print(f"{error.code} ({error.type}): {error.message}")
