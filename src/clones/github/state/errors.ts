/** GitHub's error bodies: `{message, documentation_url, status}` and, for 422, `errors[]`. */

export const DOCS_ROOT = 'https://docs.github.com/rest';

export interface ValidationItem {
  resource: string;
  code: 'missing' | 'missing_field' | 'invalid' | 'already_exists' | 'unprocessable' | 'custom';
  field?: string;
  message?: string;
  value?: unknown;
}

/** An HTTP error with GitHub's body; the server turns it into the response. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: {
      /** Objects (`validation-error`) or, for the operations GitHub describes so, plain strings (`validation-error-simple`). */
      errors?: ValidationItem[] | string[];
      headers?: Record<string, string>;
      documentationUrl?: string;
    } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (message = 'Not Found') => new ApiError(404, message);
export const forbidden = (message: string) => new ApiError(403, message);
export const conflict = (message: string) => new ApiError(409, message);

export function validationFailed(errors: ValidationItem[], message = 'Validation Failed'): ApiError {
  return new ApiError(422, message, { errors });
}

/** `Validation Failed` with one `custom` error, as GitHub reports rule violations. */
export function unprocessable(resource: string, message: string, field?: string): ApiError {
  return validationFailed([{ resource, code: 'custom', ...(field ? { field } : {}), message }]);
}

/**
 * GitHub's 422 of the operations whose description is `validation-error-simple` (reviews):
 * `Unprocessable Entity` with the problems as strings.
 */
export function simpleValidationFailed(...messages: string[]): ApiError {
  return new ApiError(422, 'Unprocessable Entity', { errors: messages });
}

export function errorBody(
  status: number,
  message: string,
  documentationUrl: string,
  errors?: ValidationItem[] | string[],
) {
  return { message, ...(errors ? { errors } : {}), documentation_url: documentationUrl, status: String(status) };
}
