# Generated from @openpixels/errors/schema.json (quicktype) by `pnpm --filter @openpixels/errors-python generate`.
# Do not edit: change @openpixels/errors and generate again (a test fails while this file is stale).
from enum import Enum
from dataclasses import dataclass
from typing import Any, Optional, Dict, List, TypeVar, Type, cast, Callable


T = TypeVar("T")
EnumT = TypeVar("EnumT", bound=Enum)


def from_int(x: Any) -> int:
    assert isinstance(x, int) and not isinstance(x, bool)
    return x


def from_str(x: Any) -> str:
    assert isinstance(x, str)
    return x


def from_none(x: Any) -> Any:
    assert x is None
    return x


def from_union(fs, x):
    for f in fs:
        try:
            return f(x)
        except:
            pass
    assert False


def to_enum(c: Type[EnumT], x: Any) -> EnumT:
    assert isinstance(x, c)
    return x.value


def to_class(c: Type[T], x: Any) -> dict:
    assert isinstance(x, c)
    return cast(Any, x).to_dict()


def from_dict(f: Callable[[Any], T], x: Any) -> Dict[str, T]:
    assert isinstance(x, dict)
    return { k: f(v) for (k, v) in x.items() }


def from_list(f: Callable[[Any], T], x: Any) -> List[T]:
    assert isinstance(x, list)
    return [f(y) for y in x]


class HeadersTooLargeEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    HEADERS_TOO_LARGE = "HEADERS_TOO_LARGE"


@dataclass
class HeadersTooLargeParams:
    """Context that depends on the code.
    
    The request's headers are larger than the server reads.
    """
    limit_bytes: int
    """The largest header section the server reads, in bytes."""

    @staticmethod
    def from_dict(obj: Any) -> 'HeadersTooLargeParams':
        assert isinstance(obj, dict)
        limit_bytes = from_int(obj.get("limit_bytes"))
        return HeadersTooLargeParams(limit_bytes)

    def to_dict(self) -> dict:
        result: dict = {}
        result["limit_bytes"] = from_int(self.limit_bytes)
        return result


class HeadersTooLargeEnvelopeType(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    BAD_REQUEST_ERROR = "BAD_REQUEST_ERROR"


@dataclass
class HeadersTooLargeEnvelope:
    """HEADERS_TOO_LARGE (BAD_REQUEST_ERROR, HTTP 431): The request headers are larger than the
    server reads.
    """
    code: HeadersTooLargeEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: HeadersTooLargeParams
    """Context that depends on the code."""

    type: HeadersTooLargeEnvelopeType
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'HeadersTooLargeEnvelope':
        assert isinstance(obj, dict)
        code = HeadersTooLargeEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = HeadersTooLargeParams.from_dict(obj.get("params"))
        type = HeadersTooLargeEnvelopeType(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return HeadersTooLargeEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(HeadersTooLargeEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(HeadersTooLargeParams, self.params)
        result["type"] = to_enum(HeadersTooLargeEnvelopeType, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class TypeEnum(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"


@dataclass
class InternalServerErrorEnvelope:
    """INTERNAL_SERVER_ERROR (INTERNAL_SERVER_ERROR, HTTP 500): Internal server error."""

    code: TypeEnum
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: Dict[str, Any]
    """Context that depends on the code."""

    type: TypeEnum
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'InternalServerErrorEnvelope':
        assert isinstance(obj, dict)
        code = TypeEnum(obj.get("code"))
        message = from_str(obj.get("message"))
        params = from_dict(lambda x: x, obj.get("params"))
        type = TypeEnum(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return InternalServerErrorEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(TypeEnum, self.code)
        result["message"] = from_str(self.message)
        result["params"] = from_dict(lambda x: x, self.params)
        result["type"] = to_enum(TypeEnum, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class InvalidAPIKeyEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    INVALID_API_KEY = "INVALID_API_KEY"


class InvalidAPIKeyEnvelopeType(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    AUTHENTICATION_ERROR = "AUTHENTICATION_ERROR"


@dataclass
class InvalidAPIKeyEnvelope:
    """INVALID_API_KEY (AUTHENTICATION_ERROR, HTTP 401): The API key provided is not valid."""

    code: InvalidAPIKeyEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: Dict[str, Any]
    """Context that depends on the code."""

    type: InvalidAPIKeyEnvelopeType
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'InvalidAPIKeyEnvelope':
        assert isinstance(obj, dict)
        code = InvalidAPIKeyEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = from_dict(lambda x: x, obj.get("params"))
        type = InvalidAPIKeyEnvelopeType(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return InvalidAPIKeyEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(InvalidAPIKeyEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = from_dict(lambda x: x, self.params)
        result["type"] = to_enum(InvalidAPIKeyEnvelopeType, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class InvalidArgumentsEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    INVALID_ARGUMENTS = "INVALID_ARGUMENTS"


@dataclass
class ArgumentIssue:
    """One problem with one field of the request."""

    message: str
    """What is wrong with it."""

    path: str
    """Dotted path of the field, e.g. `width` or `config.routing.strategy`; empty for the body
    itself.
    """

    @staticmethod
    def from_dict(obj: Any) -> 'ArgumentIssue':
        assert isinstance(obj, dict)
        message = from_str(obj.get("message"))
        path = from_str(obj.get("path"))
        return ArgumentIssue(message, path)

    def to_dict(self) -> dict:
        result: dict = {}
        result["message"] = from_str(self.message)
        result["path"] = from_str(self.path)
        return result


@dataclass
class InvalidArgumentsParams:
    """Context that depends on the code.
    
    The request's arguments failed validation; one issue per bad field.
    """
    issues: List[ArgumentIssue]
    """Every problem found, not only the first."""

    @staticmethod
    def from_dict(obj: Any) -> 'InvalidArgumentsParams':
        assert isinstance(obj, dict)
        issues = from_list(ArgumentIssue.from_dict, obj.get("issues"))
        return InvalidArgumentsParams(issues)

    def to_dict(self) -> dict:
        result: dict = {}
        result["issues"] = from_list(lambda x: to_class(ArgumentIssue, x), self.issues)
        return result


@dataclass
class InvalidArgumentsEnvelope:
    """INVALID_ARGUMENTS (BAD_REQUEST_ERROR, HTTP 400): The request contains invalid arguments."""

    code: InvalidArgumentsEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: InvalidArgumentsParams
    """Context that depends on the code."""

    type: HeadersTooLargeEnvelopeType
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'InvalidArgumentsEnvelope':
        assert isinstance(obj, dict)
        code = InvalidArgumentsEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = InvalidArgumentsParams.from_dict(obj.get("params"))
        type = HeadersTooLargeEnvelopeType(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return InvalidArgumentsEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(InvalidArgumentsEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(InvalidArgumentsParams, self.params)
        result["type"] = to_enum(HeadersTooLargeEnvelopeType, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class JobAlreadyFinishedEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    JOB_ALREADY_FINISHED = "JOB_ALREADY_FINISHED"


class Status(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    """How the job had finished."""

    CANCELLED = "cancelled"
    COMPLETED = "completed"
    FAILED = "failed"


@dataclass
class JobAlreadyFinishedParams:
    """Context that depends on the code.
    
    A cancel for a job that had already finished; the job was left as it was.
    """
    id: str
    """The job that was asked to be cancelled."""

    status: Status
    """How the job had finished."""

    @staticmethod
    def from_dict(obj: Any) -> 'JobAlreadyFinishedParams':
        assert isinstance(obj, dict)
        id = from_str(obj.get("id"))
        status = Status(obj.get("status"))
        return JobAlreadyFinishedParams(id, status)

    def to_dict(self) -> dict:
        result: dict = {}
        result["id"] = from_str(self.id)
        result["status"] = to_enum(Status, self.status)
        return result


@dataclass
class JobAlreadyFinishedEnvelope:
    """JOB_ALREADY_FINISHED (BAD_REQUEST_ERROR, HTTP 409): The job had already finished, so it
    could not be cancelled.
    """
    code: JobAlreadyFinishedEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: JobAlreadyFinishedParams
    """Context that depends on the code."""

    type: HeadersTooLargeEnvelopeType
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'JobAlreadyFinishedEnvelope':
        assert isinstance(obj, dict)
        code = JobAlreadyFinishedEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = JobAlreadyFinishedParams.from_dict(obj.get("params"))
        type = HeadersTooLargeEnvelopeType(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return JobAlreadyFinishedEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(JobAlreadyFinishedEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(JobAlreadyFinishedParams, self.params)
        result["type"] = to_enum(HeadersTooLargeEnvelopeType, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class JobCancelledEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    JOB_CANCELLED = "JOB_CANCELLED"


@dataclass
class JobCancelledParams:
    """Context that depends on the code.
    
    A job stopped by its owner before it finished.
    """
    id: str
    """The job that was cancelled."""

    refunded: int
    """The credits given back to the key."""

    @staticmethod
    def from_dict(obj: Any) -> 'JobCancelledParams':
        assert isinstance(obj, dict)
        id = from_str(obj.get("id"))
        refunded = from_int(obj.get("refunded"))
        return JobCancelledParams(id, refunded)

    def to_dict(self) -> dict:
        result: dict = {}
        result["id"] = from_str(self.id)
        result["refunded"] = from_int(self.refunded)
        return result


@dataclass
class JobCancelledEnvelope:
    """JOB_CANCELLED (BAD_REQUEST_ERROR, HTTP 409): The job was cancelled by its owner before it
    finished.
    """
    code: JobCancelledEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: JobCancelledParams
    """Context that depends on the code."""

    type: HeadersTooLargeEnvelopeType
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'JobCancelledEnvelope':
        assert isinstance(obj, dict)
        code = JobCancelledEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = JobCancelledParams.from_dict(obj.get("params"))
        type = HeadersTooLargeEnvelopeType(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return JobCancelledEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(JobCancelledEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(JobCancelledParams, self.params)
        result["type"] = to_enum(HeadersTooLargeEnvelopeType, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class JobNotFoundEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    JOB_NOT_FOUND = "JOB_NOT_FOUND"


@dataclass
class JobNotFoundParams:
    """Context that depends on the code.
    
    No job with this id exists for this API key.
    """
    id: str
    """The job id that was asked for."""

    @staticmethod
    def from_dict(obj: Any) -> 'JobNotFoundParams':
        assert isinstance(obj, dict)
        id = from_str(obj.get("id"))
        return JobNotFoundParams(id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["id"] = from_str(self.id)
        return result


@dataclass
class JobNotFoundEnvelope:
    """JOB_NOT_FOUND (BAD_REQUEST_ERROR, HTTP 404): No job with this id exists for this API key."""

    code: JobNotFoundEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: JobNotFoundParams
    """Context that depends on the code."""

    type: HeadersTooLargeEnvelopeType
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'JobNotFoundEnvelope':
        assert isinstance(obj, dict)
        code = JobNotFoundEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = JobNotFoundParams.from_dict(obj.get("params"))
        type = HeadersTooLargeEnvelopeType(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return JobNotFoundEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(JobNotFoundEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(JobNotFoundParams, self.params)
        result["type"] = to_enum(HeadersTooLargeEnvelopeType, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class MethodNotAllowedEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"


@dataclass
class MethodNotAllowedParams:
    """Context that depends on the code.
    
    The path is a route of the API, but not for this HTTP method.
    """
    allowed: List[str]
    """The methods this path accepts (also sent in the `Allow` header)."""

    method: str
    """The HTTP method of the request."""

    path: str
    """The path that was asked for, without its query string."""

    @staticmethod
    def from_dict(obj: Any) -> 'MethodNotAllowedParams':
        assert isinstance(obj, dict)
        allowed = from_list(from_str, obj.get("allowed"))
        method = from_str(obj.get("method"))
        path = from_str(obj.get("path"))
        return MethodNotAllowedParams(allowed, method, path)

    def to_dict(self) -> dict:
        result: dict = {}
        result["allowed"] = from_list(from_str, self.allowed)
        result["method"] = from_str(self.method)
        result["path"] = from_str(self.path)
        return result


@dataclass
class MethodNotAllowedEnvelope:
    """METHOD_NOT_ALLOWED (BAD_REQUEST_ERROR, HTTP 405): The route exists but does not accept
    this HTTP method.
    """
    code: MethodNotAllowedEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: MethodNotAllowedParams
    """Context that depends on the code."""

    type: HeadersTooLargeEnvelopeType
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'MethodNotAllowedEnvelope':
        assert isinstance(obj, dict)
        code = MethodNotAllowedEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = MethodNotAllowedParams.from_dict(obj.get("params"))
        type = HeadersTooLargeEnvelopeType(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return MethodNotAllowedEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(MethodNotAllowedEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(MethodNotAllowedParams, self.params)
        result["type"] = to_enum(HeadersTooLargeEnvelopeType, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class MissingAPIKeyEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    MISSING_API_KEY = "MISSING_API_KEY"


@dataclass
class MissingAPIKeyEnvelope:
    """MISSING_API_KEY (AUTHENTICATION_ERROR, HTTP 401): No API key was provided with the
    request.
    """
    code: MissingAPIKeyEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: Dict[str, Any]
    """Context that depends on the code."""

    type: InvalidAPIKeyEnvelopeType
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'MissingAPIKeyEnvelope':
        assert isinstance(obj, dict)
        code = MissingAPIKeyEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = from_dict(lambda x: x, obj.get("params"))
        type = InvalidAPIKeyEnvelopeType(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return MissingAPIKeyEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(MissingAPIKeyEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = from_dict(lambda x: x, self.params)
        result["type"] = to_enum(InvalidAPIKeyEnvelopeType, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class ModelUnavailableEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    MODEL_UNAVAILABLE = "MODEL_UNAVAILABLE"


@dataclass
class ModelUnavailableParams:
    """Context that depends on the code.
    
    A model is known but cannot be served right now.
    """
    model: str
    """The model id."""

    retry_after_ms: int
    """How long to wait before submitting again, in milliseconds: until the first of its
    providers may be tried again.
    """

    @staticmethod
    def from_dict(obj: Any) -> 'ModelUnavailableParams':
        assert isinstance(obj, dict)
        model = from_str(obj.get("model"))
        retry_after_ms = from_int(obj.get("retry_after_ms"))
        return ModelUnavailableParams(model, retry_after_ms)

    def to_dict(self) -> dict:
        result: dict = {}
        result["model"] = from_str(self.model)
        result["retry_after_ms"] = from_int(self.retry_after_ms)
        return result


class ModelUnavailableEnvelopeType(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    AVAILABILITY_ERROR = "AVAILABILITY_ERROR"


@dataclass
class ModelUnavailableEnvelope:
    """MODEL_UNAVAILABLE (AVAILABILITY_ERROR, HTTP 503): The model exists but no provider can
    serve it right now.
    """
    code: ModelUnavailableEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: ModelUnavailableParams
    """Context that depends on the code."""

    type: ModelUnavailableEnvelopeType
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'ModelUnavailableEnvelope':
        assert isinstance(obj, dict)
        code = ModelUnavailableEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = ModelUnavailableParams.from_dict(obj.get("params"))
        type = ModelUnavailableEnvelopeType(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return ModelUnavailableEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(ModelUnavailableEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(ModelUnavailableParams, self.params)
        result["type"] = to_enum(ModelUnavailableEnvelopeType, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class NoCreditsEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    NO_CREDITS = "NO_CREDITS"


@dataclass
class NoCreditsParams:
    """Context that depends on the code.
    
    The balance is short of the job's price.
    """
    available: int
    """Credits the account has."""

    required: int
    """Credits the job costs."""

    @staticmethod
    def from_dict(obj: Any) -> 'NoCreditsParams':
        assert isinstance(obj, dict)
        available = from_int(obj.get("available"))
        required = from_int(obj.get("required"))
        return NoCreditsParams(available, required)

    def to_dict(self) -> dict:
        result: dict = {}
        result["available"] = from_int(self.available)
        result["required"] = from_int(self.required)
        return result


class NoCreditsEnvelopeType(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    BILLING_ERROR = "BILLING_ERROR"


@dataclass
class NoCreditsEnvelope:
    """NO_CREDITS (BILLING_ERROR, HTTP 402): User has insufficient credits for the requested
    operation.
    """
    code: NoCreditsEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: NoCreditsParams
    """Context that depends on the code."""

    type: NoCreditsEnvelopeType
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'NoCreditsEnvelope':
        assert isinstance(obj, dict)
        code = NoCreditsEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = NoCreditsParams.from_dict(obj.get("params"))
        type = NoCreditsEnvelopeType(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return NoCreditsEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(NoCreditsEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(NoCreditsParams, self.params)
        result["type"] = to_enum(NoCreditsEnvelopeType, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class NoProvidersWorkingEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    NO_PROVIDERS_WORKING = "NO_PROVIDERS_WORKING"


@dataclass
class ProviderAttempt:
    """One provider tried for a job, and how it failed."""

    code: str
    """The error code of that attempt (a provider code, or another code of this catalog)."""

    message: str
    """The attempt's error message."""

    provider: str
    """Provider id."""

    @staticmethod
    def from_dict(obj: Any) -> 'ProviderAttempt':
        assert isinstance(obj, dict)
        code = from_str(obj.get("code"))
        message = from_str(obj.get("message"))
        provider = from_str(obj.get("provider"))
        return ProviderAttempt(code, message, provider)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = from_str(self.code)
        result["message"] = from_str(self.message)
        result["provider"] = from_str(self.provider)
        return result


@dataclass
class NoProvidersWorkingParams:
    """Context that depends on the code.
    
    Every candidate provider failed; `attempts` lists them in the order they were tried.
    """
    attempts: List[ProviderAttempt]
    """Each attempt, in order. Empty when no provider was healthy enough to try."""

    model: str
    """The model the job asked for."""

    @staticmethod
    def from_dict(obj: Any) -> 'NoProvidersWorkingParams':
        assert isinstance(obj, dict)
        attempts = from_list(ProviderAttempt.from_dict, obj.get("attempts"))
        model = from_str(obj.get("model"))
        return NoProvidersWorkingParams(attempts, model)

    def to_dict(self) -> dict:
        result: dict = {}
        result["attempts"] = from_list(lambda x: to_class(ProviderAttempt, x), self.attempts)
        result["model"] = from_str(self.model)
        return result


class CodeEnum(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    PROVIDER_ERROR = "PROVIDER_ERROR"


@dataclass
class NoProvidersWorkingEnvelope:
    """NO_PROVIDERS_WORKING (PROVIDER_ERROR, HTTP 502): No providers are available to handle the
    request.
    """
    code: NoProvidersWorkingEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: NoProvidersWorkingParams
    """Context that depends on the code."""

    type: CodeEnum
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'NoProvidersWorkingEnvelope':
        assert isinstance(obj, dict)
        code = NoProvidersWorkingEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = NoProvidersWorkingParams.from_dict(obj.get("params"))
        type = CodeEnum(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return NoProvidersWorkingEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(NoProvidersWorkingEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(NoProvidersWorkingParams, self.params)
        result["type"] = to_enum(CodeEnum, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class PayloadTooLargeEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE"


@dataclass
class PayloadTooLargeParams:
    """Context that depends on the code.
    
    The request body is larger than the server reads.
    """
    limit_bytes: int
    """The largest body the server reads, in bytes."""

    @staticmethod
    def from_dict(obj: Any) -> 'PayloadTooLargeParams':
        assert isinstance(obj, dict)
        limit_bytes = from_int(obj.get("limit_bytes"))
        return PayloadTooLargeParams(limit_bytes)

    def to_dict(self) -> dict:
        result: dict = {}
        result["limit_bytes"] = from_int(self.limit_bytes)
        return result


@dataclass
class PayloadTooLargeEnvelope:
    """PAYLOAD_TOO_LARGE (BAD_REQUEST_ERROR, HTTP 413): The request body is larger than the
    server accepts.
    """
    code: PayloadTooLargeEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: PayloadTooLargeParams
    """Context that depends on the code."""

    type: HeadersTooLargeEnvelopeType
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'PayloadTooLargeEnvelope':
        assert isinstance(obj, dict)
        code = PayloadTooLargeEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = PayloadTooLargeParams.from_dict(obj.get("params"))
        type = HeadersTooLargeEnvelopeType(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return PayloadTooLargeEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(PayloadTooLargeEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(PayloadTooLargeParams, self.params)
        result["type"] = to_enum(HeadersTooLargeEnvelopeType, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


@dataclass
class ProviderParams:
    """Context that depends on the code.
    
    Names the provider an error came from.
    """
    provider: str
    """Provider id, e.g. `fal` or `replicate`."""

    @staticmethod
    def from_dict(obj: Any) -> 'ProviderParams':
        assert isinstance(obj, dict)
        provider = from_str(obj.get("provider"))
        return ProviderParams(provider)

    def to_dict(self) -> dict:
        result: dict = {}
        result["provider"] = from_str(self.provider)
        return result


@dataclass
class ProviderErrorEnvelope:
    """PROVIDER_ERROR (PROVIDER_ERROR, HTTP 502): Generic error when interacting with a provider."""

    code: CodeEnum
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: ProviderParams
    """Context that depends on the code."""

    type: CodeEnum
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'ProviderErrorEnvelope':
        assert isinstance(obj, dict)
        code = CodeEnum(obj.get("code"))
        message = from_str(obj.get("message"))
        params = ProviderParams.from_dict(obj.get("params"))
        type = CodeEnum(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return ProviderErrorEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(CodeEnum, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(ProviderParams, self.params)
        result["type"] = to_enum(CodeEnum, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class ProviderHTTPErrorEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    PROVIDER_HTTP_ERROR = "PROVIDER_HTTP_ERROR"


@dataclass
class ProviderHTTPErrorParams:
    """Context that depends on the code.
    
    A provider answered with a non-2xx HTTP status.
    """
    provider: str
    """Provider id, e.g. `fal` or `replicate`."""

    status: int
    """The HTTP status the provider answered with."""

    @staticmethod
    def from_dict(obj: Any) -> 'ProviderHTTPErrorParams':
        assert isinstance(obj, dict)
        provider = from_str(obj.get("provider"))
        status = from_int(obj.get("status"))
        return ProviderHTTPErrorParams(provider, status)

    def to_dict(self) -> dict:
        result: dict = {}
        result["provider"] = from_str(self.provider)
        result["status"] = from_int(self.status)
        return result


@dataclass
class ProviderHTTPErrorEnvelope:
    """PROVIDER_HTTP_ERROR (PROVIDER_ERROR, HTTP 502): HTTP error when communicating with a
    provider.
    """
    code: ProviderHTTPErrorEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: ProviderHTTPErrorParams
    """Context that depends on the code."""

    type: CodeEnum
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'ProviderHTTPErrorEnvelope':
        assert isinstance(obj, dict)
        code = ProviderHTTPErrorEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = ProviderHTTPErrorParams.from_dict(obj.get("params"))
        type = CodeEnum(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return ProviderHTTPErrorEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(ProviderHTTPErrorEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(ProviderHTTPErrorParams, self.params)
        result["type"] = to_enum(CodeEnum, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class ProviderJobErrorEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    PROVIDER_JOB_ERROR = "PROVIDER_JOB_ERROR"


@dataclass
class ProviderJobErrorParams:
    """Context that depends on the code.
    
    A provider accepted the job but reported that it failed.
    """
    provider: str
    """Provider id, e.g. `fal` or `replicate`."""

    provider_job_id: Optional[str] = None
    """The provider's own id for the job, when it gave one."""

    @staticmethod
    def from_dict(obj: Any) -> 'ProviderJobErrorParams':
        assert isinstance(obj, dict)
        provider = from_str(obj.get("provider"))
        provider_job_id = from_union([from_str, from_none], obj.get("provider_job_id"))
        return ProviderJobErrorParams(provider, provider_job_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["provider"] = from_str(self.provider)
        if self.provider_job_id is not None:
            result["provider_job_id"] = from_union([from_str, from_none], self.provider_job_id)
        return result


@dataclass
class ProviderJobErrorEnvelope:
    """PROVIDER_JOB_ERROR (PROVIDER_ERROR, HTTP 502): Error during job execution by a provider."""

    code: ProviderJobErrorEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: ProviderJobErrorParams
    """Context that depends on the code."""

    type: CodeEnum
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'ProviderJobErrorEnvelope':
        assert isinstance(obj, dict)
        code = ProviderJobErrorEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = ProviderJobErrorParams.from_dict(obj.get("params"))
        type = CodeEnum(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return ProviderJobErrorEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(ProviderJobErrorEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(ProviderJobErrorParams, self.params)
        result["type"] = to_enum(CodeEnum, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class ProviderNotFoundEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    PROVIDER_NOT_FOUND = "PROVIDER_NOT_FOUND"


@dataclass
class ProviderNotFoundParams:
    """Context that depends on the code.
    
    A request named a provider this gateway does not know.
    """
    available: List[str]
    """Provider ids this gateway knows."""

    provider: str
    """Provider id, e.g. `fal` or `replicate`."""

    @staticmethod
    def from_dict(obj: Any) -> 'ProviderNotFoundParams':
        assert isinstance(obj, dict)
        available = from_list(from_str, obj.get("available"))
        provider = from_str(obj.get("provider"))
        return ProviderNotFoundParams(available, provider)

    def to_dict(self) -> dict:
        result: dict = {}
        result["available"] = from_list(from_str, self.available)
        result["provider"] = from_str(self.provider)
        return result


@dataclass
class ProviderNotFoundEnvelope:
    """PROVIDER_NOT_FOUND (PROVIDER_ERROR, HTTP 404): The requested provider was not found."""

    code: ProviderNotFoundEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: ProviderNotFoundParams
    """Context that depends on the code."""

    type: CodeEnum
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'ProviderNotFoundEnvelope':
        assert isinstance(obj, dict)
        code = ProviderNotFoundEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = ProviderNotFoundParams.from_dict(obj.get("params"))
        type = CodeEnum(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return ProviderNotFoundEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(ProviderNotFoundEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(ProviderNotFoundParams, self.params)
        result["type"] = to_enum(CodeEnum, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class ProviderTimeoutEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    PROVIDER_TIMEOUT = "PROVIDER_TIMEOUT"


@dataclass
class ProviderTimeoutParams:
    """Context that depends on the code.
    
    A provider did not answer within the attempt's time budget.
    """
    provider: str
    """Provider id, e.g. `fal` or `replicate`."""

    timeout_ms: int
    """The budget that ran out, in milliseconds."""

    @staticmethod
    def from_dict(obj: Any) -> 'ProviderTimeoutParams':
        assert isinstance(obj, dict)
        provider = from_str(obj.get("provider"))
        timeout_ms = from_int(obj.get("timeout_ms"))
        return ProviderTimeoutParams(provider, timeout_ms)

    def to_dict(self) -> dict:
        result: dict = {}
        result["provider"] = from_str(self.provider)
        result["timeout_ms"] = from_int(self.timeout_ms)
        return result


@dataclass
class ProviderTimeoutEnvelope:
    """PROVIDER_TIMEOUT (PROVIDER_ERROR, HTTP 504): Provider took too long to respond."""

    code: ProviderTimeoutEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: ProviderTimeoutParams
    """Context that depends on the code."""

    type: CodeEnum
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'ProviderTimeoutEnvelope':
        assert isinstance(obj, dict)
        code = ProviderTimeoutEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = ProviderTimeoutParams.from_dict(obj.get("params"))
        type = CodeEnum(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return ProviderTimeoutEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(ProviderTimeoutEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(ProviderTimeoutParams, self.params)
        result["type"] = to_enum(CodeEnum, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class RateLimitedEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    RATE_LIMITED = "RATE_LIMITED"


@dataclass
class RateLimitedParams:
    """Context that depends on the code.
    
    Too many requests; wait before the next one.
    """
    retry_after_ms: int
    """How long to wait before retrying, in milliseconds."""

    @staticmethod
    def from_dict(obj: Any) -> 'RateLimitedParams':
        assert isinstance(obj, dict)
        retry_after_ms = from_int(obj.get("retry_after_ms"))
        return RateLimitedParams(retry_after_ms)

    def to_dict(self) -> dict:
        result: dict = {}
        result["retry_after_ms"] = from_int(self.retry_after_ms)
        return result


@dataclass
class RateLimitedEnvelope:
    """RATE_LIMITED (AVAILABILITY_ERROR, HTTP 429): This key is at one of its limits: unfinished
    jobs at once, requests a minute or images a minute.
    """
    code: RateLimitedEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: RateLimitedParams
    """Context that depends on the code."""

    type: ModelUnavailableEnvelopeType
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'RateLimitedEnvelope':
        assert isinstance(obj, dict)
        code = RateLimitedEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = RateLimitedParams.from_dict(obj.get("params"))
        type = ModelUnavailableEnvelopeType(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return RateLimitedEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(RateLimitedEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(RateLimitedParams, self.params)
        result["type"] = to_enum(ModelUnavailableEnvelopeType, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class RouteNotFoundEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    ROUTE_NOT_FOUND = "ROUTE_NOT_FOUND"


@dataclass
class RouteNotFoundParams:
    """Context that depends on the code.
    
    No route of the API matches the request's path.
    """
    method: str
    """The HTTP method of the request."""

    path: str
    """The path that was asked for, without its query string."""

    @staticmethod
    def from_dict(obj: Any) -> 'RouteNotFoundParams':
        assert isinstance(obj, dict)
        method = from_str(obj.get("method"))
        path = from_str(obj.get("path"))
        return RouteNotFoundParams(method, path)

    def to_dict(self) -> dict:
        result: dict = {}
        result["method"] = from_str(self.method)
        result["path"] = from_str(self.path)
        return result


@dataclass
class RouteNotFoundEnvelope:
    """ROUTE_NOT_FOUND (BAD_REQUEST_ERROR, HTTP 404): No API route matches the request path."""

    code: RouteNotFoundEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: RouteNotFoundParams
    """Context that depends on the code."""

    type: HeadersTooLargeEnvelopeType
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'RouteNotFoundEnvelope':
        assert isinstance(obj, dict)
        code = RouteNotFoundEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = RouteNotFoundParams.from_dict(obj.get("params"))
        type = HeadersTooLargeEnvelopeType(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return RouteNotFoundEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(RouteNotFoundEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(RouteNotFoundParams, self.params)
        result["type"] = to_enum(HeadersTooLargeEnvelopeType, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class ServiceUnavailableEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"


@dataclass
class ServiceUnavailableParams:
    """Context that depends on the code.
    
    The service is down or draining; try again later.
    """
    retry_after_ms: Optional[int] = None
    """When to try again, in milliseconds, if the server knows."""

    @staticmethod
    def from_dict(obj: Any) -> 'ServiceUnavailableParams':
        assert isinstance(obj, dict)
        retry_after_ms = from_union([from_int, from_none], obj.get("retry_after_ms"))
        return ServiceUnavailableParams(retry_after_ms)

    def to_dict(self) -> dict:
        result: dict = {}
        if self.retry_after_ms is not None:
            result["retry_after_ms"] = from_union([from_int, from_none], self.retry_after_ms)
        return result


@dataclass
class ServiceUnavailableEnvelope:
    """SERVICE_UNAVAILABLE (AVAILABILITY_ERROR, HTTP 503): The service is starting, shutting
    down or overloaded.
    """
    code: ServiceUnavailableEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: ServiceUnavailableParams
    """Context that depends on the code."""

    type: ModelUnavailableEnvelopeType
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'ServiceUnavailableEnvelope':
        assert isinstance(obj, dict)
        code = ServiceUnavailableEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = ServiceUnavailableParams.from_dict(obj.get("params"))
        type = ModelUnavailableEnvelopeType(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return ServiceUnavailableEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(ServiceUnavailableEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(ServiceUnavailableParams, self.params)
        result["type"] = to_enum(ModelUnavailableEnvelopeType, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class PurpleCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    UNKNOWN_ERROR = "UNKNOWN_ERROR"


@dataclass
class UnknownErrorParams:
    """Context that depends on the code.
    
    The cause is unknown; a decoder may keep the undecodable value for logs.
    """
    raw: Any = None
    """The value that could not be understood, kept for logging only."""

    @staticmethod
    def from_dict(obj: Any) -> 'UnknownErrorParams':
        assert isinstance(obj, dict)
        raw = obj.get("raw")
        return UnknownErrorParams(raw)

    def to_dict(self) -> dict:
        result: dict = {}
        if self.raw is not None:
            result["raw"] = self.raw
        return result


@dataclass
class UnknownErrorEnvelope:
    """UNKNOWN_ERROR (INTERNAL_SERVER_ERROR, HTTP 500): Generic error when the cause is not
    known.
    """
    code: PurpleCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: UnknownErrorParams
    """Context that depends on the code."""

    type: TypeEnum
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'UnknownErrorEnvelope':
        assert isinstance(obj, dict)
        code = PurpleCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = UnknownErrorParams.from_dict(obj.get("params"))
        type = TypeEnum(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return UnknownErrorEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(PurpleCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(UnknownErrorParams, self.params)
        result["type"] = to_enum(TypeEnum, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class UnknownModelEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    UNKNOWN_MODEL = "UNKNOWN_MODEL"


@dataclass
class UnknownModelParams:
    """Context that depends on the code.
    
    The requested model is not served here.
    """
    available: List[str]
    """Model ids that are served."""

    model: str
    """The model id the request named."""

    @staticmethod
    def from_dict(obj: Any) -> 'UnknownModelParams':
        assert isinstance(obj, dict)
        available = from_list(from_str, obj.get("available"))
        model = from_str(obj.get("model"))
        return UnknownModelParams(available, model)

    def to_dict(self) -> dict:
        result: dict = {}
        result["available"] = from_list(from_str, self.available)
        result["model"] = from_str(self.model)
        return result


@dataclass
class UnknownModelEnvelope:
    """UNKNOWN_MODEL (BAD_REQUEST_ERROR, HTTP 404): The requested model does not exist or is not
    supported.
    """
    code: UnknownModelEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: UnknownModelParams
    """Context that depends on the code."""

    type: HeadersTooLargeEnvelopeType
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'UnknownModelEnvelope':
        assert isinstance(obj, dict)
        code = UnknownModelEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = UnknownModelParams.from_dict(obj.get("params"))
        type = HeadersTooLargeEnvelopeType(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return UnknownModelEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(UnknownModelEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(UnknownModelParams, self.params)
        result["type"] = to_enum(HeadersTooLargeEnvelopeType, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


class UnsupportedMediaTypeEnvelopeCode(str, Enum):
    __str__ = str.__str__
    __format__ = str.__format__

    UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE"


@dataclass
class UnsupportedMediaTypeParams:
    """Context that depends on the code.
    
    The request body is in a media type the API does not read.
    """
    supported: List[str]
    """The media types the API reads."""

    content_type: Optional[str] = None
    """The `Content-Type` the request sent; absent when it sent none."""

    @staticmethod
    def from_dict(obj: Any) -> 'UnsupportedMediaTypeParams':
        assert isinstance(obj, dict)
        supported = from_list(from_str, obj.get("supported"))
        content_type = from_union([from_str, from_none], obj.get("content_type"))
        return UnsupportedMediaTypeParams(supported, content_type)

    def to_dict(self) -> dict:
        result: dict = {}
        result["supported"] = from_list(from_str, self.supported)
        if self.content_type is not None:
            result["content_type"] = from_union([from_str, from_none], self.content_type)
        return result


@dataclass
class UnsupportedMediaTypeEnvelope:
    """UNSUPPORTED_MEDIA_TYPE (BAD_REQUEST_ERROR, HTTP 415): The request body is not in a media
    type the API reads.
    """
    code: UnsupportedMediaTypeEnvelopeCode
    """The exact error."""

    message: str
    """A human-readable description of what went wrong."""

    params: UnsupportedMediaTypeParams
    """Context that depends on the code."""

    type: HeadersTooLargeEnvelopeType
    """The broad category."""

    doc_url: Optional[str] = None
    """A link to this code's entry in the error reference."""

    request_id: Optional[str] = None
    """The id of the request that failed, to quote to support."""

    @staticmethod
    def from_dict(obj: Any) -> 'UnsupportedMediaTypeEnvelope':
        assert isinstance(obj, dict)
        code = UnsupportedMediaTypeEnvelopeCode(obj.get("code"))
        message = from_str(obj.get("message"))
        params = UnsupportedMediaTypeParams.from_dict(obj.get("params"))
        type = HeadersTooLargeEnvelopeType(obj.get("type"))
        doc_url = from_union([from_str, from_none], obj.get("doc_url"))
        request_id = from_union([from_str, from_none], obj.get("request_id"))
        return UnsupportedMediaTypeEnvelope(code, message, params, type, doc_url, request_id)

    def to_dict(self) -> dict:
        result: dict = {}
        result["code"] = to_enum(UnsupportedMediaTypeEnvelopeCode, self.code)
        result["message"] = from_str(self.message)
        result["params"] = to_class(UnsupportedMediaTypeParams, self.params)
        result["type"] = to_enum(HeadersTooLargeEnvelopeType, self.type)
        if self.doc_url is not None:
            result["doc_url"] = from_union([from_str, from_none], self.doc_url)
        if self.request_id is not None:
            result["request_id"] = from_union([from_str, from_none], self.request_id)
        return result


def headers_too_large_envelope_from_dict(s: Any) -> HeadersTooLargeEnvelope:
    return HeadersTooLargeEnvelope.from_dict(s)


def headers_too_large_envelope_to_dict(x: HeadersTooLargeEnvelope) -> Any:
    return to_class(HeadersTooLargeEnvelope, x)


def internal_server_error_envelope_from_dict(s: Any) -> InternalServerErrorEnvelope:
    return InternalServerErrorEnvelope.from_dict(s)


def internal_server_error_envelope_to_dict(x: InternalServerErrorEnvelope) -> Any:
    return to_class(InternalServerErrorEnvelope, x)


def invalid_api_key_envelope_from_dict(s: Any) -> InvalidAPIKeyEnvelope:
    return InvalidAPIKeyEnvelope.from_dict(s)


def invalid_api_key_envelope_to_dict(x: InvalidAPIKeyEnvelope) -> Any:
    return to_class(InvalidAPIKeyEnvelope, x)


def invalid_arguments_envelope_from_dict(s: Any) -> InvalidArgumentsEnvelope:
    return InvalidArgumentsEnvelope.from_dict(s)


def invalid_arguments_envelope_to_dict(x: InvalidArgumentsEnvelope) -> Any:
    return to_class(InvalidArgumentsEnvelope, x)


def job_already_finished_envelope_from_dict(s: Any) -> JobAlreadyFinishedEnvelope:
    return JobAlreadyFinishedEnvelope.from_dict(s)


def job_already_finished_envelope_to_dict(x: JobAlreadyFinishedEnvelope) -> Any:
    return to_class(JobAlreadyFinishedEnvelope, x)


def job_cancelled_envelope_from_dict(s: Any) -> JobCancelledEnvelope:
    return JobCancelledEnvelope.from_dict(s)


def job_cancelled_envelope_to_dict(x: JobCancelledEnvelope) -> Any:
    return to_class(JobCancelledEnvelope, x)


def job_not_found_envelope_from_dict(s: Any) -> JobNotFoundEnvelope:
    return JobNotFoundEnvelope.from_dict(s)


def job_not_found_envelope_to_dict(x: JobNotFoundEnvelope) -> Any:
    return to_class(JobNotFoundEnvelope, x)


def method_not_allowed_envelope_from_dict(s: Any) -> MethodNotAllowedEnvelope:
    return MethodNotAllowedEnvelope.from_dict(s)


def method_not_allowed_envelope_to_dict(x: MethodNotAllowedEnvelope) -> Any:
    return to_class(MethodNotAllowedEnvelope, x)


def missing_api_key_envelope_from_dict(s: Any) -> MissingAPIKeyEnvelope:
    return MissingAPIKeyEnvelope.from_dict(s)


def missing_api_key_envelope_to_dict(x: MissingAPIKeyEnvelope) -> Any:
    return to_class(MissingAPIKeyEnvelope, x)


def model_unavailable_envelope_from_dict(s: Any) -> ModelUnavailableEnvelope:
    return ModelUnavailableEnvelope.from_dict(s)


def model_unavailable_envelope_to_dict(x: ModelUnavailableEnvelope) -> Any:
    return to_class(ModelUnavailableEnvelope, x)


def no_credits_envelope_from_dict(s: Any) -> NoCreditsEnvelope:
    return NoCreditsEnvelope.from_dict(s)


def no_credits_envelope_to_dict(x: NoCreditsEnvelope) -> Any:
    return to_class(NoCreditsEnvelope, x)


def no_providers_working_envelope_from_dict(s: Any) -> NoProvidersWorkingEnvelope:
    return NoProvidersWorkingEnvelope.from_dict(s)


def no_providers_working_envelope_to_dict(x: NoProvidersWorkingEnvelope) -> Any:
    return to_class(NoProvidersWorkingEnvelope, x)


def payload_too_large_envelope_from_dict(s: Any) -> PayloadTooLargeEnvelope:
    return PayloadTooLargeEnvelope.from_dict(s)


def payload_too_large_envelope_to_dict(x: PayloadTooLargeEnvelope) -> Any:
    return to_class(PayloadTooLargeEnvelope, x)


def provider_error_envelope_from_dict(s: Any) -> ProviderErrorEnvelope:
    return ProviderErrorEnvelope.from_dict(s)


def provider_error_envelope_to_dict(x: ProviderErrorEnvelope) -> Any:
    return to_class(ProviderErrorEnvelope, x)


def provider_http_error_envelope_from_dict(s: Any) -> ProviderHTTPErrorEnvelope:
    return ProviderHTTPErrorEnvelope.from_dict(s)


def provider_http_error_envelope_to_dict(x: ProviderHTTPErrorEnvelope) -> Any:
    return to_class(ProviderHTTPErrorEnvelope, x)


def provider_job_error_envelope_from_dict(s: Any) -> ProviderJobErrorEnvelope:
    return ProviderJobErrorEnvelope.from_dict(s)


def provider_job_error_envelope_to_dict(x: ProviderJobErrorEnvelope) -> Any:
    return to_class(ProviderJobErrorEnvelope, x)


def provider_not_found_envelope_from_dict(s: Any) -> ProviderNotFoundEnvelope:
    return ProviderNotFoundEnvelope.from_dict(s)


def provider_not_found_envelope_to_dict(x: ProviderNotFoundEnvelope) -> Any:
    return to_class(ProviderNotFoundEnvelope, x)


def provider_timeout_envelope_from_dict(s: Any) -> ProviderTimeoutEnvelope:
    return ProviderTimeoutEnvelope.from_dict(s)


def provider_timeout_envelope_to_dict(x: ProviderTimeoutEnvelope) -> Any:
    return to_class(ProviderTimeoutEnvelope, x)


def rate_limited_envelope_from_dict(s: Any) -> RateLimitedEnvelope:
    return RateLimitedEnvelope.from_dict(s)


def rate_limited_envelope_to_dict(x: RateLimitedEnvelope) -> Any:
    return to_class(RateLimitedEnvelope, x)


def route_not_found_envelope_from_dict(s: Any) -> RouteNotFoundEnvelope:
    return RouteNotFoundEnvelope.from_dict(s)


def route_not_found_envelope_to_dict(x: RouteNotFoundEnvelope) -> Any:
    return to_class(RouteNotFoundEnvelope, x)


def service_unavailable_envelope_from_dict(s: Any) -> ServiceUnavailableEnvelope:
    return ServiceUnavailableEnvelope.from_dict(s)


def service_unavailable_envelope_to_dict(x: ServiceUnavailableEnvelope) -> Any:
    return to_class(ServiceUnavailableEnvelope, x)


def unknown_error_envelope_from_dict(s: Any) -> UnknownErrorEnvelope:
    return UnknownErrorEnvelope.from_dict(s)


def unknown_error_envelope_to_dict(x: UnknownErrorEnvelope) -> Any:
    return to_class(UnknownErrorEnvelope, x)


def unknown_model_envelope_from_dict(s: Any) -> UnknownModelEnvelope:
    return UnknownModelEnvelope.from_dict(s)


def unknown_model_envelope_to_dict(x: UnknownModelEnvelope) -> Any:
    return to_class(UnknownModelEnvelope, x)


def unsupported_media_type_envelope_from_dict(s: Any) -> UnsupportedMediaTypeEnvelope:
    return UnsupportedMediaTypeEnvelope.from_dict(s)


def unsupported_media_type_envelope_to_dict(x: UnsupportedMediaTypeEnvelope) -> Any:
    return to_class(UnsupportedMediaTypeEnvelope, x)

