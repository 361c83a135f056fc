/**
 * Page images for the screen, as data: URLs (the CSP allows data: images). Thumbnails are cached by
 * the page's look (imageKey) so a progress event never refetches them; full pages are not cached.
 */
import { useEffect, useState } from 'react';
import type { DigitizePage } from '../../src-shared/contract/digitize';
import { desktop } from '../bridge';
import { imageKey } from './pages';

/** Enough for a few large batches; the oldest thumbnails go first. */
const THUMBS_KEPT = 400;
const thumbs = new Map<string, Promise<string>>();

function fetchImage(batchId: string, pageId: string, size: 'thumb' | 'full'): Promise<string> {
  return desktop()
    .invoke('digitize.pageImage', { batchId, pageId, size })
    .then((r) => `data:image/jpeg;base64,${r.jpegBase64}`);
}

function thumb(key: string, batchId: string, pageId: string): Promise<string> {
  let image = thumbs.get(key);
  if (!image) {
    image = fetchImage(batchId, pageId, 'thumb');
    image.catch(() => thumbs.delete(key)); // a failed read is tried again next time
    thumbs.set(key, image);
    if (thumbs.size > THUMBS_KEPT) thumbs.delete(thumbs.keys().next().value as string);
  }
  return image;
}

/** The page's image once it is prepared; null before (or when it cannot be read). */
export function usePageImage(batchId: string, page: DigitizePage, size: 'thumb' | 'full'): string | null {
  const key = imageKey(batchId, page);
  const [shown, setShown] = useState<{ key: string; url: string } | null>(null);
  useEffect(() => {
    if (!key) return;
    let live = true;
    const image = size === 'thumb' ? thumb(key, batchId, page.id) : fetchImage(batchId, page.id, 'full');
    image.then((url) => live && setShown({ key, url })).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [key, size, batchId, page.id]);
  return shown && shown.key === key ? shown.url : null;
}
