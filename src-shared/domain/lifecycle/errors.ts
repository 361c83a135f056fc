/** Why an action on a dossier was refused, in both UI languages. */
export type LifecycleErrorCode = 'forbidden' | 'once-only' | 'invalid-input' | 'no-appointment';

export class LifecycleError extends Error {
  override name = 'LifecycleError';
  constructor(
    readonly code: LifecycleErrorCode,
    readonly messageVi: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}
