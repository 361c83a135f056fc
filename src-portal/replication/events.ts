/**
 * Live-stream fan-out after commit. In-process only: several portal instances behind a load
 * balancer would need PostgreSQL LISTEN/NOTIFY (or similar) to hear each other's writes.
 */
import { EventEmitter } from 'node:events';
import type { StreamEvent } from '../../src-shared/contract/sync';

export class ReplicationEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0); // one listener per open stream; no arbitrary cap
  }

  private static key(collection: string, agencyId: string): string {
    return `${collection}\u0000${agencyId}`;
  }

  publish(collection: string, agencyId: string, event: StreamEvent): void {
    this.emitter.emit(ReplicationEvents.key(collection, agencyId), event);
  }

  /** Open subscriptions across all collections and agencies (for tests and diagnostics). */
  listenerCount(): number {
    return this.emitter.eventNames().reduce((n, name) => n + this.emitter.listenerCount(name), 0);
  }

  /** Returns the unsubscribe function. */
  subscribe(collection: string, agencyId: string, listener: (event: StreamEvent) => void): () => void {
    const key = ReplicationEvents.key(collection, agencyId);
    this.emitter.on(key, listener);
    return () => this.emitter.off(key, listener);
  }
}
