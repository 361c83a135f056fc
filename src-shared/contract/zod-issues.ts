/** One readable line from a zod failure: field paths and messages, never the offending values. */
import type { z } from 'zod';

export function describeZodError(error: z.ZodError, options: { root?: string; max?: number } = {}): string {
  return error.issues
    .slice(0, options.max ?? 5)
    .map((i) => {
      const where = i.path.length ? i.path.join('.') : options.root;
      return where ? `${where}: ${i.message}` : i.message;
    })
    .join('; ');
}
