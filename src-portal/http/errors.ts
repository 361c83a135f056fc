/** Every non-2xx answer is `{error, message}` (ApiError); stack traces never leave the server. */
import { describeZodError } from '../../src-shared/contract/zod-issues';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ZodError } from 'zod';
import type { ApiError } from '../../src-shared/contract/portal-api';

export class HttpError extends Error {
  constructor(readonly statusCode: number, readonly code: string, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string) => new HttpError(400, 'invalid_request', message);
export const unauthorized = (message = 'Authentication required') => new HttpError(401, 'unauthorized', message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
export const notFound = (message: string) => new HttpError(404, 'not_found', message);

/** A short, readable summary of a zod failure (field path and message, no values echoed). */
export function zodMessage(error: ZodError): string {
  return describeZodError(error);
}

/** Fastify's own error codes a client can cause, mapped to stable codes. */
const CLIENT_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_request',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
};

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    let status = 500;
    let body: ApiError = { error: 'internal', message: 'Internal server error' };
    if (err instanceof HttpError) {
      status = err.statusCode;
      body = { error: err.code, message: err.message };
    } else if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode;
      body = { error: CLIENT_CODES[err.code] ?? 'invalid_request', message: err.message };
    }
    if (status >= 500) request.log.error({ err }, 'request failed');
    if (status === 401) reply.header('www-authenticate', 'Bearer');
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ApiError = { error: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` };
    return reply.status(404).send(body);
  });
}
