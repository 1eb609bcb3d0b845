# Generated from the errorCatalog and decodeErrorEnvelope of @openpixels/errors by `pnpm --filter @openpixels/errors-python generate`.
# Do not edit: change @openpixels/errors and generate again (a test fails while this file is stale).

"""Decodes any error body into the typed envelope of its code, without raising."""

import json
from dataclasses import dataclass
from typing import Any, Dict, Optional, Type

from .catalog import CODE_DESCRIPTIONS, CODE_TYPES, DOC_URLS
from .envelope import HeadersTooLargeEnvelope, InternalServerErrorEnvelope, InvalidAPIKeyEnvelope, InvalidArgumentsEnvelope, JobNotFoundEnvelope, MethodNotAllowedEnvelope, MissingAPIKeyEnvelope, ModelUnavailableEnvelope, NoCreditsEnvelope, NoProvidersWorkingEnvelope, PayloadTooLargeEnvelope, ProviderErrorEnvelope, ProviderHTTPErrorEnvelope, ProviderJobErrorEnvelope, ProviderNotFoundEnvelope, ProviderTimeoutEnvelope, RateLimitedEnvelope, RouteNotFoundEnvelope, ServiceUnavailableEnvelope, UnknownErrorEnvelope, UnknownModelEnvelope, UnsupportedMediaTypeEnvelope
from .guards import is_consistent_pair, is_known_code

ENVELOPE_CLASSES: Dict[str, Type[Any]] = {
    "INVALID_API_KEY": InvalidAPIKeyEnvelope,
    "MISSING_API_KEY": MissingAPIKeyEnvelope,
    "PROVIDER_ERROR": ProviderErrorEnvelope,
    "PROVIDER_HTTP_ERROR": ProviderHTTPErrorEnvelope,
    "PROVIDER_JOB_ERROR": ProviderJobErrorEnvelope,
    "PROVIDER_TIMEOUT": ProviderTimeoutEnvelope,
    "PROVIDER_NOT_FOUND": ProviderNotFoundEnvelope,
    "NO_PROVIDERS_WORKING": NoProvidersWorkingEnvelope,
    "NO_CREDITS": NoCreditsEnvelope,
    "INVALID_ARGUMENTS": InvalidArgumentsEnvelope,
    "UNKNOWN_MODEL": UnknownModelEnvelope,
    "JOB_NOT_FOUND": JobNotFoundEnvelope,
    "ROUTE_NOT_FOUND": RouteNotFoundEnvelope,
    "METHOD_NOT_ALLOWED": MethodNotAllowedEnvelope,
    "PAYLOAD_TOO_LARGE": PayloadTooLargeEnvelope,
    "UNSUPPORTED_MEDIA_TYPE": UnsupportedMediaTypeEnvelope,
    "HEADERS_TOO_LARGE": HeadersTooLargeEnvelope,
    "UNKNOWN_ERROR": UnknownErrorEnvelope,
    "INTERNAL_SERVER_ERROR": InternalServerErrorEnvelope,
    "MODEL_UNAVAILABLE": ModelUnavailableEnvelope,
    "SERVICE_UNAVAILABLE": ServiceUnavailableEnvelope,
    "RATE_LIMITED": RateLimitedEnvelope,
}
"""The generated envelope class of each code."""

MAX_RAW_TEXT = 2000
UNDECODABLE_CODE = "UNKNOWN_ERROR"
UNDECODABLE_MESSAGE = "The error body could not be decoded as an OpenPixels error envelope."


@dataclass
class UnrecognizedErrorEnvelope:
    """An envelope this version cannot type: a newer server's code under a known type, or a
    known code whose params do not fit this version's class. Guards still work on it."""

    type: str
    code: str
    message: str
    params: Dict[str, Any]
    request_id: Optional[str] = None
    doc_url: Optional[str] = None

    def to_dict(self) -> Dict[str, Any]:
        """The envelope as a JSON-ready dict."""
        result: Dict[str, Any] = {"type": self.type, "code": self.code, "message": self.message, "params": dict(self.params)}
        if self.request_id is not None:
            result["request_id"] = self.request_id
        if self.doc_url is not None:
            result["doc_url"] = self.doc_url
        return result


def decode_error_envelope(value: Any) -> Any:
    """Turns a JSON string, a parsed body, or a job result `{"error": envelope}` into the
    generated envelope of its code; garbage becomes UNKNOWN_ERROR with the raw value in
    `params.raw`. Never raises."""
    try:
        body = json.loads(value) if isinstance(value, str) else value
        if isinstance(body, dict) and "code" not in body and isinstance(body.get("error"), dict):
            body = body["error"]
        envelope = _read_wire_envelope(body) if isinstance(body, dict) else None
        if envelope is not None:
            return envelope
    except Exception:  # unparseable text or a hostile object: fall through to UNKNOWN_ERROR
        pass
    return _undecodable(value)


def _read_wire_envelope(body: Dict[str, Any]) -> Any:
    type_, code, message, params = (body.get(name) for name in ("type", "code", "message", "params"))
    if not isinstance(type_, str) or not isinstance(code, str) or code == "":
        return None
    if not is_consistent_pair(type_, code):
        return None
    if params is not None and not isinstance(params, dict):
        return None
    # A missing message is not worth losing the code over; fall back to the catalog's words.
    fields: Dict[str, Any] = {
        "type": type_,
        "code": code,
        "message": message if isinstance(message, str) else CODE_DESCRIPTIONS.get(code, code),
        "params": dict(params or {}),
    }
    for name in ("request_id", "doc_url"):
        if isinstance(body.get(name), str):
            fields[name] = body[name]
    if is_known_code(code):
        try:
            return ENVELOPE_CLASSES[code].from_dict(fields)
        except Exception:  # params of another shape than this version knows
            pass
    return UnrecognizedErrorEnvelope(**fields)


def _undecodable(raw: Any) -> Any:
    return ENVELOPE_CLASSES[UNDECODABLE_CODE].from_dict(
        {
            "type": CODE_TYPES[UNDECODABLE_CODE],
            "code": UNDECODABLE_CODE,
            "message": UNDECODABLE_MESSAGE,
            "params": {"raw": _loggable(raw)},
            "doc_url": DOC_URLS[UNDECODABLE_CODE],
        }
    )


def _loggable(raw: Any) -> Any:
    """Keeps the raw value safe to log: long text is cut, other values become JSON text."""
    if raw is None or isinstance(raw, (bool, int, float)):
        return raw
    if isinstance(raw, str):
        text = raw
    else:
        try:
            text = json.dumps(raw, separators=(",", ":"), ensure_ascii=False)
        except Exception:
            text = f"[unserialisable {type(raw).__name__}]"
    return text[:MAX_RAW_TEXT] + "\u2026" if len(text) > MAX_RAW_TEXT else text
