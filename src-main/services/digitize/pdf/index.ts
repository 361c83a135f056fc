/** The searchable PDF (PDF có lớp văn bản ẩn) of a digitised dossier component. */
export { buildSearchablePdf } from './build';
