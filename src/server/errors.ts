// One error type for domain code; the HTTP layer maps its code to a status (see http/error-handler.ts).

export const ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One problem with one input field: where it is, which rule it broke, and what to tell the user. */
export interface FieldIssue {
  path: string;
  rule: string;
  message: string;
  messageEn: string;
}

export interface AppErrorDetails {
  issues?: FieldIssue[];
  [key: string]: unknown;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Vietnamese message shown to users. */
    message: string,
    readonly messageEn: string,
    readonly details: AppErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  static notFound(what: string, whatEn: string, id: string): AppError {
    return new AppError('NOT_FOUND', `Không tìm thấy ${what} "${id}".`, `${whatEn} "${id}" was not found.`, {
      id,
    });
  }

  static invalidInput(issues: FieldIssue[]): AppError {
    const first = issues[0];
    return new AppError(
      'INVALID_INPUT',
      first ? `Dữ liệu không hợp lệ: ${first.path}: ${first.message}` : 'Dữ liệu không hợp lệ.',
      first ? `Invalid input: ${first.path}: ${first.messageEn}` : 'Invalid input.',
      { issues },
    );
  }
}
