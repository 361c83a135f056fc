/** The QR code reader for ID card images (CCCD), see read-qr.ts. */
export { readQrCodes, QR_BUDGET_MS, type QrAttempt, type QrReadOptions } from './read-qr';
export { zxingWasmPath } from './zxing';
