# Generated from the errorCatalog of @openpixels/errors by `pnpm --filter @openpixels/errors-python generate`.
# Do not edit: change @openpixels/errors and generate again (a test fails while this file is stale).

"""Guards that accept a parsed body (dict), a generated envelope, or any object with
`type`, `code` and `message` attributes, and never raise."""

from enum import Enum
from typing import Any, Optional, Tuple

from .catalog import CODE_TYPES, ERROR_TYPES


def _read_envelope(value: Any) -> Optional[Tuple[str, str]]:
    """Reads (type, code) off an envelope, or None when the value does not have its shape."""
    try:
        if isinstance(value, dict):
            fields = (value.get("type"), value.get("code"), value.get("message"))
        else:
            fields = tuple(getattr(value, name, None) for name in ("type", "code", "message"))
        type_, code, message = (field.value if isinstance(field, Enum) else field for field in fields)
    except Exception:  # a hostile __getattr__ or property counts as "not an envelope"
        return None
    if not isinstance(type_, str) or not isinstance(code, str) or code == "" or not isinstance(message, str):
        return None
    return type_, code


def is_known_code(code: Any) -> bool:
    """True when this version of the catalog knows the code."""
    return isinstance(code, str) and code in CODE_TYPES


def is_known_type(type_: Any) -> bool:
    """True for one of the six error types."""
    return isinstance(type_, str) and type_ in ERROR_TYPES


def is_consistent_pair(type_: str, code: str) -> bool:
    """True for a known code under its own type, or an unknown (newer) code under a known type."""
    if not is_known_type(type_):
        return False
    return CODE_TYPES[code] == type_ if is_known_code(code) else True


def is_openpixels_error(value: Any) -> bool:
    """True for an OpenPixels error envelope, including a newer server's code under a known type."""
    fields = _read_envelope(value)
    return fields is not None and is_consistent_pair(*fields)


def has_error_code(value: Any, code: str) -> bool:
    """True when the value is an OpenPixels error with exactly this (known) code."""
    fields = _read_envelope(value)
    return fields is not None and fields[1] == code and CODE_TYPES.get(code) == fields[0]


def is_provider_error(value: Any) -> bool:
    """True when `value` is an OpenPixels error of type PROVIDER_ERROR (also for codes newer than this package)."""
    fields = _read_envelope(value)
    return fields is not None and fields[0] == "PROVIDER_ERROR"


def is_internal_server_error(value: Any) -> bool:
    """True when `value` is an OpenPixels error of type INTERNAL_SERVER_ERROR (also for codes newer than this package)."""
    fields = _read_envelope(value)
    return fields is not None and fields[0] == "INTERNAL_SERVER_ERROR"


def is_bad_request_error(value: Any) -> bool:
    """True when `value` is an OpenPixels error of type BAD_REQUEST_ERROR (also for codes newer than this package)."""
    fields = _read_envelope(value)
    return fields is not None and fields[0] == "BAD_REQUEST_ERROR"


def is_authentication_error(value: Any) -> bool:
    """True when `value` is an OpenPixels error of type AUTHENTICATION_ERROR (also for codes newer than this package)."""
    fields = _read_envelope(value)
    return fields is not None and fields[0] == "AUTHENTICATION_ERROR"


def is_billing_error(value: Any) -> bool:
    """True when `value` is an OpenPixels error of type BILLING_ERROR (also for codes newer than this package)."""
    fields = _read_envelope(value)
    return fields is not None and fields[0] == "BILLING_ERROR"


def is_availability_error(value: Any) -> bool:
    """True when `value` is an OpenPixels error of type AVAILABILITY_ERROR (also for codes newer than this package)."""
    fields = _read_envelope(value)
    return fields is not None and fields[0] == "AVAILABILITY_ERROR"
