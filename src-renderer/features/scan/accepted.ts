/** What the file pickers offer (the Node side checks the bytes; names and MIME types may lie). */
export const SCAN_ACCEPT = ['image/jpeg', 'image/png', 'image/tiff', 'image/webp', 'image/bmp', 'application/pdf', '.jpg', '.jpeg', '.png', '.tif', '.tiff', '.webp', '.bmp', '.pdf'].join(',');
export const IMAGE_ACCEPT = ['image/jpeg', 'image/png', 'image/webp', 'image/bmp', 'image/tiff', '.jpg', '.jpeg', '.png', '.webp', '.bmp', '.tif', '.tiff'].join(',');
