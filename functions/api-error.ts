import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * A refusal the API expects to give: a stable machine `code`, a Chinese `message` for people, and the
 * HTTP status that fits. Routes throw it; `app.onError` turns it into the JSON error shape.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...this.details } };
  }
}
