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
  /** The part of the input not yet dropped: from the earliest point still needed to what has arrived. */
  private text: string;
  private pos = 0;
  private line = 1;
  private mode: 'lines' | 'document' | null = null;
  /** Whether more input may come (`push`), and how much has come and been dropped. */
  private ended: boolean;
  private received: number;
  private dropped = 0;
  private content = false;
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

  /**
   * The whole input at once, or (with `more`) its first part, the rest to come with `push` and `end`: what has
   * been read is dropped as it goes, so a file is never held twice.
   */
  constructor(text = '', options: { more?: boolean } = {}) {
    this.text = text.replace(/^\uFEFF/, '');
    this.received = this.text.length;
    this.ended = !options.more;
    if (this.received > LIMITS.input) throw new ImportError('the file is larger than 256 MiB');
  }

  /** More of the input. */
  push(chunk: string): void {
    if (this.ended) throw new Error('push after end');
    if (!this.received) chunk = chunk.replace(/^\uFEFF/, '');
    this.received += chunk.length;
    if (this.received > LIMITS.input) throw new ImportError('the file is larger than 256 MiB');
    this.compact();
    this.text += chunk;
  }

  /** No more input: what is left is read to its end. */
  end(): void {
    this.ended = true;
  }

  /** Drops what is read and no longer needed: everything before the element or top-level value being read. */
  private compact(): void {
    if (!this.mode) return;
    let keep = this.pos;
    if (this.element) keep = Math.min(keep, this.element.start);
    if (this.top && !this.top.split) keep = Math.min(keep, this.top.start);
    if (this.inString) keep = Math.min(keep, this.stringStart);
    if (keep <= 0) return;
    this.text = this.text.slice(keep);
    this.pos -= keep;
    this.dropped += keep;
    this.stringStart -= keep;
    if (this.element) this.element.start -= keep;
    if (this.top) this.top.start -= keep;
  }

  /**
   * JSON Lines when the first line is a whole JSON value on its own and more follows; else one JSON document.
   * False while the input so far cannot tell.
   */
  private decide(): boolean {
    if (this.mode) return true;
    const text = this.text;
    const start = text.search(/\S/);
    if (start < 0) {
      if (this.ended) this.mode = 'document';
      return this.ended;
    }
    this.content = true;
    const end = text.indexOf('\n', start);
    const long = (end < 0 ? text.length : end) - start > 1024 * 1024;
    if (long) this.mode = 'document';
    else if (end < 0 || !/\S/.test(text.slice(end))) {
      if (!this.ended) return false;
      this.mode = 'document';
    } else {
      try {
        JSON.parse(text.slice(start, end));
        this.mode = 'lines';
      } catch {
        this.mode = 'document';
      }
    }
    return true;
  }

  /** All the input is in and read. */
  get done(): boolean {
    return this.ended && this.mode !== null && this.pos >= this.text.length;
  }

  /** Everything that has arrived is read: push more (or end). */
  get hungry(): boolean {
    return !this.ended && (this.mode === null || this.pos >= this.text.length);
  }

  /** How much of what has arrived has been read, 0 to 1. */
  get progress(): number {
    return this.received ? (this.dropped + this.pos) / this.received : 1;
  }

  /** Reads about `budget` characters; the candidate reviews completed in them. Throws ImportError at a broken end. */
  next(budget = 256 * 1024): Entry[] {
    const out: Entry[] = [];
    if (!this.decide()) return out;
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
    if (!this.content) throw new ImportError('the file is empty');
    if (!this.found) throw new ImportError('not JSON, JSON-LD or JSON Lines, or no ClaimReview in it');
  }

  private readLines(stop: number, out: Entry[]): void {
    while (this.pos < this.text.length && this.pos < stop) {
      let end = this.text.indexOf('\n', this.pos);
      if (end < 0) {
        // The last line may not have come in whole yet.
        if (!this.ended) break;
        end = this.text.length;
      }
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
        // The token may go on in the input still to come.
        if (end >= text.length && !this.ended) break;
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

interface SliceOptions {
  /** Characters read at most in one slice. */
  budget?: number;
  /** Work in one slice at most, in milliseconds (8: a busy machine makes the slices smaller, not the page slower). */
  sliceMs?: number;
  /** A turn for the page between slices; a task of its own by default. */
  yieldTo?: () => Promise<void>;
}

/** A blob's bytes (`Blob.arrayBuffer()`, or a FileReader where that is missing). */
function bytesOf(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the file'));
    reader.readAsArrayBuffer(blob);
  });
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** One slice of work: reviews read until the time or character budget is spent or the input runs out. */
function slice(stream: ReviewStream, options: SliceOptions): Entry[] {
  const budget = options.budget ?? 256 * 1024;
  const sliceMs = options.sliceMs ?? 8;
  const step = Math.min(budget, 16 * 1024);
  const start = performance.now();
  const entries: Entry[] = [];
  let read = 0;
  do {
    for (const e of stream.next(step)) entries.push(e);
    read += step;
  } while (!stream.done && !stream.hungry && read < budget && performance.now() - start < sliceMs);
  return entries;
}

/** Every candidate review of `text`, read in slices with a turn for the page between them. */
export async function* streamReviews(
  text: string,
  options: SliceOptions = {},
): AsyncGenerator<{ entries: Entry[]; progress: number }> {
  const stream = new ReviewStream(text);
  const turn = options.yieldTo ?? nextTask;
  do {
    const entries = slice(stream, options);
    yield { entries, progress: stream.progress };
    if (!stream.done) await turn();
  } while (!stream.done);
}

/**
 * Every candidate review of a file, read from the file 1 MiB at a time (decoded as UTF-8) and in slices with a
 * turn for the page between them: the file is never decoded or held whole. Progress is the share of its bytes read.
 */
export async function* streamFile(
  file: Blob,
  options: SliceOptions & { chunkBytes?: number } = {},
): AsyncGenerator<{ entries: Entry[]; progress: number }> {
  if (file.size > LIMITS.input) throw new ImportError('the file is larger than 256 MiB');
  const chunk = options.chunkBytes ?? 1024 * 1024;
  const turn = options.yieldTo ?? nextTask;
  const decoder = new TextDecoder('utf-8');
  const stream = new ReviewStream('', { more: true });
  let at = 0;
  while (!stream.done) {
    if (stream.hungry) {
      if (at < file.size) {
        const bytes = await bytesOf(file.slice(at, at + chunk));
        at += chunk;
        stream.push(decoder.decode(bytes, { stream: at < file.size }));
      } else stream.end();
      continue;
    }
    const entries = slice(stream, options);
    yield { entries, progress: stream.done || !file.size ? 1 : Math.min(at, file.size) / file.size };
    if (!stream.done) await turn();
  }
}
