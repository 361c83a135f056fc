/** Display format used across screens, always in Vietnam time (the printed forms' short format). */
import { viShortDateTime } from '../src-shared/forms/vi-format';

/** `HH:mm dd/MM/yyyy`, or '' for 0 (not applicable). */
export const vnDateTimeText = (epochMs: number): string => (epochMs ? viShortDateTime(epochMs) : '');
