/**
 * Ink that belongs to the page's content: specks (dust, scanner noise) and dark regions touching
 * the image edge (the scanner lid, shadows past the paper's edge) are dropped before anything is
 * measured, so they neither make a blank page look written on nor pull the line search.
 */

/** Components smaller than this (analysis pixels, ~0.25 mm each) are specks. */
export const MIN_COMPONENT = 3;

export interface CleanInk {
  mask: Uint8Array;
  inkPixels: number;
}

/** Keeps 8-connected ink components that are not specks and do not touch the image edge. */
export function cleanInk(mask: Uint8Array, width: number, height: number): CleanInk {
  const out = new Uint8Array(mask.length);
  const seen = new Uint8Array(mask.length);
  const stack = new Int32Array(mask.length);
  const members: number[] = [];
  let inkPixels = 0;
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] !== 1 || seen[start] === 1) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    members.length = 0;
    let touchesEdge = false;
    while (top > 0) {
      const p = stack[--top]!;
      members.push(p);
      const x = p % width;
      const y = (p - x) / width;
      if (x === 0 || y === 0 || x === width - 1 || y === height - 1) touchesEdge = true;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (mask[q] === 1 && seen[q] === 0) {
            seen[q] = 1;
            stack[top++] = q;
          }
        }
      }
    }
    if (touchesEdge || members.length < MIN_COMPONENT) continue;
    for (const p of members) out[p] = 1;
    inkPixels += members.length;
  }
  return { mask: out, inkPixels };
}
