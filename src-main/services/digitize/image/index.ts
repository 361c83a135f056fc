/** Reading inputs into pages and preparing pages (image side of the digitisation pipeline). */
export { openInput } from './open-input';
export { preparePage } from './prepare-page';
export { rotatePrepared } from './rotate-prepared';
export { makeThumbnail } from './thumbnail';
