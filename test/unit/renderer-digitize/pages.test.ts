import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DigitizeBatch, DigitizePage } from '../../../src-shared/contract/digitize';
import { canRetry, componentReady, hasWork, imageKey, movedOrder, pagesOf, percent } from '../../../src-renderer/digitize/pages';

function page(id: string, patch: Partial<DigitizePage> = {}): DigitizePage {
  return {
    id,
    source: { name: `${id}.jpg`, page: 0, via: 'file' },
    componentId: 'TP1',
    state: 'done',
    progress: 1,
    error: null,
    width: 2480,
    height: 3508,
    rotation: 0,
    skewDegrees: 0,
    blank: false,
    confidence: 91,
    lowConfidenceWords: 2,
    bytes: 400_000,
    ...patch,
  };
}

const batch = (pages: DigitizePage[]): DigitizeBatch => ({ id: 'b', createdAt: 0, pages });

describe('movedOrder', () => {
  it('swaps a page with its neighbour and refuses to move past either end', () => {
    expect(movedOrder(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(movedOrder(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(movedOrder(['a', 'b', 'c'], 'a', -1)).toBeNull();
    expect(movedOrder(['a', 'b', 'c'], 'c', 1)).toBeNull();
    expect(movedOrder(['a', 'b'], 'z', 1)).toBeNull();
  });

  it('keeps every page exactly once, and up then down is the identity', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 30 }), fc.nat(), (ids, at) => {
        const id = ids[at % ids.length] as string;
        const down = movedOrder(ids, id, 1);
        if (down === null) return;
        expect([...down].sort()).toEqual([...ids].sort());
        expect(movedOrder(down, id, -1)).toEqual(ids);
      }),
    );
  });
});

describe('component readiness', () => {
  it('is ready only with pages, all of them done', () => {
    const b = batch([page('a'), page('b', { state: 'ocr', progress: 0.4 }), page('c', { componentId: 'TP2' })]);
    expect(pagesOf(b, 'TP1').map((p) => p.id)).toEqual(['a', 'b']);
    expect(componentReady(b, 'TP1')).toBe(false);
    expect(componentReady(b, 'TP2')).toBe(true);
    expect(componentReady(b, 'TP3')).toBe(false);
    expect(hasWork(b)).toBe(true);
    expect(hasWork(batch([page('a'), page('e', { state: 'error' })]))).toBe(false);
  });

  it('offers retry for failed and cancelled pages only', () => {
    expect(['queued', 'preparing', 'ocr', 'done', 'error', 'cancelled'].filter((state) => canRetry(page('a', { state: state as DigitizePage['state'] })))).toEqual([
      'error',
      'cancelled',
    ]);
  });
});

describe('percent and imageKey', () => {
  it('clamps progress to whole percents', () => {
    expect([percent(-0.2), percent(0.456), percent(1.3)]).toEqual([0, 46, 100]);
  });

  it('has no image before preparation, and a new key when the page is turned or moved', () => {
    expect(imageKey('b', page('a', { width: null, height: null }))).toBeNull();
    const key = imageKey('b', page('a'));
    expect(imageKey('b', page('a', { state: 'ocr', progress: 0.5 }))).toBe(key);
    expect(imageKey('b', page('a', { rotation: 90, width: 3508, height: 2480 }))).not.toBe(key);
    expect(imageKey('other', page('a'))).not.toBe(key);
  });
});
