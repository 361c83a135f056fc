/**
 * Envelopes carrying the desktop contract over a message channel (the browser host's WebSocket, and
 * Electron IPC results). Errors travel as data with a stable code, never as thrown stack traces.
 */
export const MAX_MESSAGE_BYTES = 1_000_000;

export interface RequestEnvelope {
  id: number;
  method: string;
  params: unknown;
}

export type ContractErrorCode = 'unknown_method' | 'invalid_request' | 'invalid_message' | 'forbidden' | 'internal';

export interface ContractError {
  code: ContractErrorCode;
  message: string;
}

export type Outcome<T> = { ok: true; result: T } | { ok: false; error: ContractError };

export type ResponseEnvelope = { id: number } & Outcome<unknown>;
export interface EventEnvelope {
  event: string;
  payload: unknown;
}

export class ContractCallError extends Error {
  constructor(readonly code: ContractErrorCode, message: string) {
    super(message);
    this.name = 'ContractCallError';
  }
}
