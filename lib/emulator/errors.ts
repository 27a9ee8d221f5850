/**
 * API Gateway's management errors. Control-plane functions throw these; the HTTP layer turns them
 * into AWS's wire error (status, `x-amzn-ErrorType`, `{"message"}`). Throwing (rather than returning
 * a result union) keeps the many small write functions linear: any validation step can abort.
 * https://docs.aws.amazon.com/apigateway/latest/api/CommonErrors.html
 */
export type ApiErrorType =
  | "BadRequestException"
  | "UnauthorizedException"
  | "AccessDeniedException"
  | "MissingAuthenticationTokenException"
  | "NotFoundException"
  | "ConflictException"
  | "TooManyRequestsException"
  | "InternalFailure";

const STATUS: Record<ApiErrorType, number> = {
  BadRequestException: 400,
  UnauthorizedException: 401,
  AccessDeniedException: 403,
  MissingAuthenticationTokenException: 403,
  NotFoundException: 404,
  ConflictException: 409,
  TooManyRequestsException: 429,
  InternalFailure: 500,
};

export class ApiError extends Error {
  readonly type: ApiErrorType;
  readonly status: number;
  readonly retryAfterSeconds?: number;

  constructor(type: ApiErrorType, message: string, retryAfterSeconds?: number) {
    super(message);
    this.name = type;
    this.type = type;
    this.status = STATUS[type];
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static is(value: unknown): value is ApiError {
    return value instanceof ApiError;
  }
}

export const badRequest = (message: string) => new ApiError("BadRequestException", message);
export const notFound = (message: string) => new ApiError("NotFoundException", message);
export const conflict = (message: string) => new ApiError("ConflictException", message);
