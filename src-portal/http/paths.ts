/** Contract paths (src-shared/contract, all under API_PREFIX) as routes of the scope registered at that prefix. */
import { API_PREFIX } from '../../src-shared/contract/sync';

export function scopedPath(path: string): string {
  if (!path.startsWith(`${API_PREFIX}/`)) throw new Error(`${path} is not under ${API_PREFIX}`);
  return path.slice(API_PREFIX.length);
}
