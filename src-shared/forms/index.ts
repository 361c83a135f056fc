/**
 * Printed forms (biểu mẫu) of the one-stop-shop counter as PDF bytes. Pure: runs in the renderer and
 * in Node alike; fonts come in as bytes, times are printed in Vietnam time.
 */
export { buildReceipt, receiptLookupText } from './receipt';
export { buildSupplementRequest } from './supplement-request';
export { buildRefusal } from './refusal';
export { buildApology } from './apology';
export { buildStopNotice } from './stop-notice';
export { buildControlSlip, controlSlipSteps, EVENT_VI, STEP_RESULT_VI, type ControlSlipStep } from './control-slip';
export { buildLedger } from './ledger';
export { buildIndicatorReport, indicatorCells, viPercent, INDICATOR_REPORT_TITLE, INDICATOR_REPORT_VERSION, INDICATOR_RULES, type IndicatorChart, type IndicatorReportInput } from './indicator-report';
export { LEDGER_COLUMNS, LEDGER_DATE_GROUP, ledgerOrder, ledgerRow } from './ledger-table';
export { qrMatrix, QR_ERROR_CORRECTION } from './layout/qr';
export { MOTTO, MOTTO_NATION } from './layout/header';
export * from './templates';
export * from './types';
export * from './vi-format';
