/** Reads a live-stream (server-sent events) response with fetch: EventSource cannot send an Authorization header. */
import type { StreamEvent } from '../../../src-shared/contract/sync';

const DATA_EVENT = /^data: (.*)\n\n/m;

export class SseReader {
  private buffer = '';
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();

  constructor(readonly response: Response) {
    this.reader = response.body!.getReader();
  }

  /** Reads until `found()` holds for the buffer; fails after `timeoutMs` or when the stream ends. */
  private async fill(found: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!found()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} on the stream; got: ${this.buffer}`);
      const chunk = await Promise.race([
        this.reader.read(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), left)),
      ]);
      if (chunk.done) throw new Error(`stream ended before ${what}`);
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  /** Reads until the buffer contains `marker`; returns everything read so far and clears it. */
  async until(marker: string | RegExp, timeoutMs = 5000): Promise<string> {
    const found = () => (typeof marker === 'string' ? this.buffer.includes(marker) : marker.test(this.buffer));
    await this.fill(found, timeoutMs, `"${marker}"`);
    const out = this.buffer;
    this.buffer = '';
    return out;
  }

  /** Reads until at least one complete `data:` event arrived (heartbeats may come in between); returns all read. */
  async nextEvents(): Promise<StreamEvent[]> {
    return SseReader.events(await this.until(DATA_EVENT));
  }

  /** The next `data:` event alone; events read past it stay buffered for the next call. */
  async next(timeoutMs = 5000): Promise<StreamEvent> {
    await this.fill(() => DATA_EVENT.test(this.buffer), timeoutMs, 'event');
    const match = DATA_EVENT.exec(this.buffer)!;
    this.buffer = this.buffer.slice(match.index + match[0].length);
    return JSON.parse(match[1]!) as StreamEvent;
  }

  /** The StreamEvents in `data:` lines of a chunk of text. */
  static events(text: string): StreamEvent[] {
    return text
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)) as StreamEvent);
  }
}
