"""Reads an error body on stdin and branches on its code, with the openpixels_errors package."""

import sys

from openpixels_errors import RETRYABLE_CODES, decode_error_envelope, is_provider_error

error = decode_error_envelope(sys.stdin.read())  # never raises
if error.code == "NO_CREDITS":
    print(f"Out of credits: need {error.params.required}, have {error.params.available}.")
elif is_provider_error(error):
    # Also true for a provider code newer than this package.
    print(f"{error.code}: the provider failed; retry later: {error.code in RETRYABLE_CODES}.")
else:
    print(f"{error.code} ({error.type}): {error.message}")
