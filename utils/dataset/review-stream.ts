/**
 * A ClaimReview file read a slice at a time, so that a page importing 100,000 reviews never stops for long:
 * JSON Lines line by line; a JSON document (a DataFeed, a JSON-LD @graph, an array, one review) element by
 * element of its lists of reviews, each element parsed on its own, never the whole file at once. Each call to
 * `next` reads about `budget` characters and returns the candidate reviews completed in them (as `collect` gives
 * them), so the caller can yield to the page, show progress and hand the reviews on in batches.
 */
import { collect, ImportError, LIMITS } from './claimreview';

export interface Entry {
  value: unknown;
  at: string;
}

/** Lists whose elements are reviews (or feed items, or documents that hold them). */
const LISTS = new Set(['dataFeedElement', '@graph']);

interface Frame {
  kind: 'object' | 'array';
  /** An array whose elements are read one by one. */
  split: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

export class ReviewStream {
  private readonly text: string;
  private pos = 0;
  private line = 1;
  private mode: 'lines' | 'document';
  // Document mode.
  private readonly stack: Frame[] = [];
  private inString = false;
  private escaped = false;
  private stringStart = 0;
  private lastKey = '';
  /** The element being read (start offset, its line, the stack depth it closes at), or none. */
  private element: { start: number; line: number; depth: number; primitive: boolean } | null = null;
  /** A top-level value: where it started, and whether its reviews came out of a list inside it. */
  private top: { start: number; line: number; split: boolean } | null = null;
  private found = 0;

  constructor(text: string) {
    if (text.length > LIMITS.input) throw new ImportError('the file is larger than 256 MiB');
    this.text = text.replace(/^\uFEFF/, '');
    this.mode = ReviewStream.isJsonLines(this.text) ? 'lines' : 'document';
  }

  /** JSON Lines: the first line is a whole JSON value on its own, and more follows. */
  private static isJsonLines(text: string): boolean {
    const start = text.search(/\S/);
    if (start < 0) return false;
    const end = text.indexOf('\n', start);
    if (end < 0 || end - start > 1024 * 1024 || !/\S/.test(text.slice(end))) return false;
    try {
      JSON.parse(text.slice(start, end));
      return true;
    } catch {
      return false;
    }
  }

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /** How much of the file has been read, 0 to 1. */
  get progress(): number {
    return this.text.length ? this.pos / this.text.length : 1;
  }

  /** Reads about `budget` characters; the candidate reviews completed in them. Throws ImportError at a broken end. */
  next(budget = 256 * 1024): Entry[] {
    const out: Entry[] = [];
    const stop = Math.min(this.text.length, this.pos + budget);
    if (this.mode === 'lines') this.readLines(stop, out);
    else this.readDocument(stop, out);
    this.found += out.length;
    if (this.done) this.finish();
    return out;
  }

  private finish(): void {
    if (this.mode === 'document' && (this.stack.length || this.inString))
      throw new ImportError('the file ends in the middle of a JSON value (is it cut short?)');
    if (!/\S/.test(this.text)) throw new ImportError('the file is empty');
    if (!this.found) throw new ImportError('not JSON, JSON-LD or JSON Lines, or no ClaimReview in it');
  }

  private readLines(stop: number, out: Entry[]): void {
    while (this.pos < this.text.length && this.pos < stop) {
      let end = this.text.indexOf('\n', this.pos);
      if (end < 0) end = this.text.length;
      const line = this.text.slice(this.pos, end);
      const at = `line ${this.line}`;
      this.pos = end + 1;
      this.line++;
      if (!line.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        out.push({ value: undefined, at });
        continue;
      }
      collect(value, out, at);
    }
    if (this.pos > this.text.length) this.pos = this.text.length;
  }

  private emit(start: number, end: number, line: number, out: Entry[]): void {
    const at = `line ${line}`;
    let value: unknown;
    try {
      value = JSON.parse(this.text.slice(start, end));
    } catch {
      out.push({ value: undefined, at });
      return;
    }
    collect(value, out, at);
  }

  private readDocument(stop: number, out: Entry[]): void {
    const text = this.text;
    let pos = this.pos;
    // Read on to the end of a string or token rather than stop inside one.
    while (pos < text.length && (pos < stop || this.inString)) {
      const c = text.charCodeAt(pos);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          const frame = this.stack[this.stack.length - 1];
          if (frame?.kind === 'object' && pos - this.stringStart < 64)
            this.lastKey = text.slice(this.stringStart + 1, pos);
          // A string that is an element of a list of reviews on its own.
          if (this.element?.primitive && this.stack.length === this.element.depth) {
            this.emit(this.element.start, pos + 1, this.element.line, out);
            this.element = null;
          } else if (!this.stack.length && this.top) {
            this.emit(this.top.start, pos + 1, this.top.line, out);
            this.top = null;
          }
        } else if (c === NEWLINE) this.line++;
        pos++;
        continue;
      }
      if (c === NEWLINE) {
        this.line++;
        pos++;
        continue;
      }
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        pos++;
        continue;
      }
      const frame = this.stack[this.stack.length - 1];
      // A value starts where a list of reviews expects an element.
      if (!this.element && frame?.split && c !== 0x2c /* , */ && c !== 0x5d /* ] */) {
        this.element = {
          start: pos,
          line: this.line,
          depth: this.stack.length,
          primitive: c !== 0x7b /* { */ && c !== 0x5b /* [ */,
        };
      }
      if (!this.stack.length && !this.top && c !== 0x5b) this.top = { start: pos, line: this.line, split: false };
      if (c === QUOTE) {
        this.inString = true;
        this.stringStart = pos;
      } else if (c === 0x7b /* { */) {
        this.stack.push({ kind: 'object', split: false });
      } else if (c === 0x5b /* [ */) {
        const parent = this.stack[this.stack.length - 1];
        const split = !this.element && (!parent || (parent.kind === 'object' && LISTS.has(this.lastKey)));
        if (split && this.top) this.top.split = true;
        this.stack.push({ kind: 'array', split });
      } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
        // A number or literal that is the last element of a list of reviews ends here.
        if (this.element?.primitive && this.stack.length === this.element.depth) {
          this.emit(this.element.start, pos, this.element.line, out);
          this.element = null;
        }
        const closed = this.stack.pop();
        if (!closed || (closed.kind === 'object') !== (c === 0x7d))
          throw new ImportError(`the JSON is broken at line ${this.line}: a bracket that does not match`);
        if (this.element && this.stack.length === this.element.depth) {
          this.emit(this.element.start, pos + 1, this.element.line, out);
          this.element = null;
        }
        if (!this.stack.length && this.top) {
          if (!this.top.split) this.emit(this.top.start, pos + 1, this.top.line, out);
          this.top = null;
        }
      } else if (c === 0x2c /* , */) {
        if (this.element?.primitive && this.stack.length === this.element.depth) {
          this.emit(this.element.start, pos, this.element.line, out);
          this.element = null;
        }
      } else if (!this.stack.length) {
        // A bare number or literal at the top: read to its end.
        let end = pos;
        while (end < text.length && !/[\s,\]}]/.test(text[end]!)) end++;
        // Words at the top are not JSON at all: the file is refused, not read entry by entry.
        if (!/^(-?\d[\d.eE+-]*|true|false|null)$/.test(text.slice(pos, end)))
          throw new ImportError('not JSON, JSON-LD or JSON Lines');
        this.emit(pos, end, this.line, out);
        this.top = null;
        pos = end;
        continue;
      }
      pos++;
    }
    this.pos = pos;
  }
}

/** Every candidate review of `text`, read in slices with a turn for the page between them. */
export async function* streamReviews(
  text: string,
  options: { budget?: number; yieldTo?: () => Promise<void> } = {},
): AsyncGenerator<{ entries: Entry[]; progress: number }> {
  const stream = new ReviewStream(text);
  const turn = options.yieldTo ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  do {
    const entries = stream.next(options.budget);
    yield { entries, progress: stream.progress };
    if (!stream.done) await turn();
  } while (!stream.done);
}
