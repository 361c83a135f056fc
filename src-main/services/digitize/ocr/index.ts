/** The OCR part of digitisation (nhận dạng chữ): a warm pool of tesseract.js workers, offline. */
export { createOcrPool, DEFAULT_RECYCLE_AFTER_PAGES, DEFAULT_TIMEOUT_MS, type ConcreteOcrPool, type OcrPoolOptions, type OcrPoolStats, type PoolRecognizeOptions } from './pool';
export { defaultOcrPoolSize } from './pool-size';
export { tessdataDir, OCR_LANGUAGE } from './tessdata';
