/** Intake (tiếp nhận tệp quét): the watched folder network scanners drop into, and SANE scanners. */
export { createWatchedFolder, type WatchedFile, type WatchedFolder, type WatchedFolderOptions, type WatchStep } from './watch-folder';
export { bilingual, listScanners, type ScannerList } from './scanners';
export { scanPages, type ScanExtras } from './scan-pages';
export { ScanError, SCAN_ERROR_CODES, scanErrorMessage, type ScanErrorCode } from './scan-errors';
