/**
 * An immutable set of strings, each with a dense id (its insertion index), held in three typed
 * arrays: the keys' UTF-16 code units back to back, where each key starts, and an open-addressing
 * hash table (linear probing) of [hash, id + 1] pairs.
 *
 * It replaces `Map<string, number>` for the models' feature tables (about 140,000 keys): the garbage
 * collector never has to scan it, it takes a third of the memory, and a lookup touches two or three
 * cache lines instead of a scattered hash bucket, entry and key string. Lookups compare the whole key,
 * so the answers are exactly those of a Map. `getPrefixed` looks up a one-character prefix followed by
 * a string without building the concatenation (the POS tagger prefixes every value with its template).
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Share of the hash slots in use at most; linear probing stays short below it. */
const MAX_LOAD = 0.6;
/** getMany's mark for "not in the home slot": absent, or further along the probe sequence. */
const ABSENT_OR_ELSEWHERE = -2;

/** Murmur3's finaliser: spreads FNV's weak low bits over the whole word (the table indexes by low bits). */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

function hashRange(chars: Uint16Array, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) h = Math.imul(h ^ (chars[i] as number), FNV_PRIME);
  return finish(h);
}

/** Collects keys (in id order) for a StringTable. */
export class StringTableBuilder {
  private chars = new Uint16Array(1024);
  private length = 0;
  private readonly starts: number[] = [0];

  get size(): number {
    return this.starts.length - 1;
  }

  /** Adds `String.fromCharCode(prefix) + rest` (prefix < 0: just `rest`) and returns its id. */
  add(rest: string, prefix = -1): number {
    const need = this.length + rest.length + 1;
    if (need > this.chars.length) {
      const grown = new Uint16Array(Math.max(need, this.chars.length * 2));
      grown.set(this.chars.subarray(0, this.length));
      this.chars = grown;
    }
    if (prefix >= 0) this.chars[this.length++] = prefix;
    for (let i = 0; i < rest.length; i++) this.chars[this.length++] = rest.charCodeAt(i);
    this.starts.push(this.length);
    return this.starts.length - 2;
  }

  /** The table; throws if a key was added twice. */
  build(): StringTable {
    return new StringTable(this.chars.slice(0, this.length), Int32Array.from(this.starts));
  }
}

export class StringTable implements ReadonlyMap<string, number> {
  private readonly chars: Uint16Array;
  private readonly starts: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Scratch space of getMany. */
  private hashes = new Int32Array(64);
  private from = new Int32Array(64);

  /** Key `i` is `chars[starts[i], starts[i + 1])`; keys must be distinct. */
  constructor(chars: Uint16Array, starts: Int32Array) {
    this.chars = chars;
    this.starts = starts;
    const n = starts.length - 1;
    let capacity = 16;
    while (capacity * MAX_LOAD < n) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity * 2);
    for (let id = 0; id < n; id++) this.insert(id);
  }

  static from(keys: Iterable<string>): StringTable {
    const builder = new StringTableBuilder();
    for (const key of keys) builder.add(key);
    return builder.build();
  }

  get size(): number {
    return this.starts.length - 1;
  }

  /** The keys as stored: key `i` is `chars[starts[i], starts[i + 1])`. A StringTable of the same arrays is the same table. */
  get arrays(): { chars: Uint16Array; starts: Int32Array } {
    return { chars: this.chars, starts: this.starts };
  }

  /** Bytes held in typed arrays. */
  get byteLength(): number {
    return this.chars.byteLength + this.starts.byteLength + this.slots.byteLength;
  }

  private insert(id: number): void {
    const from = this.starts[id] as number;
    const to = this.starts[id + 1] as number;
    const h = hashRange(this.chars, from, to);
    const slots = this.slots;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const other = (slots[2 * s + 1] as number) - 1;
      if (other < 0) {
        slots[2 * s] = h;
        slots[2 * s + 1] = id + 1;
        return;
      }
      if (slots[2 * s] === h && this.sameKeys(id, other)) throw new Error(`duplicate key ${JSON.stringify(this.keyAt(id))}`);
    }
  }

  private sameKeys(a: number, b: number): boolean {
    const { chars, starts } = this;
    const fa = starts[a] as number;
    const fb = starts[b] as number;
    const len = (starts[a + 1] as number) - fa;
    if ((starts[b + 1] as number) - fb !== len) return false;
    for (let i = 0; i < len; i++) if (chars[fa + i] !== chars[fb + i]) return false;
    return true;
  }

  /** Id of `String.fromCharCode(prefix) + rest`, or -1; prefix < 0 looks up `rest` alone. */
  getPrefixed(rest: string, prefix: number): number {
    let h = FNV_OFFSET;
    if (prefix >= 0) h = Math.imul(h ^ prefix, FNV_PRIME);
    for (let i = 0; i < rest.length; i++) h = Math.imul(h ^ rest.charCodeAt(i), FNV_PRIME);
    return this.find(rest, prefix, finish(h));
  }

  /**
   * Ids of many keys at once (`out[i]` for `keys[i]`, -1 when absent or null); with `prefixed`, key i
   * is looked up with prefix character i. The work is done in passes over all the keys (hash and read
   * the home slot; read where the key is stored; compare it), so that the processor waits for the
   * cache misses of all keys at once instead of one after the other: on the tagger's ~40 features per
   * word this is several times faster than looking the keys up one by one.
   */
  getMany(keys: ReadonlyArray<string | null>, prefixed: boolean, out: Int32Array): void {
    const n = keys.length;
    if (this.hashes.length < n) {
      this.hashes = new Int32Array(n * 2);
      this.from = new Int32Array(n * 2);
    }
    const { hashes, from, slots, starts, mask } = this;
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      if (key === null || key === undefined) {
        out[i] = -1;
        continue;
      }
      let h = FNV_OFFSET;
      if (prefixed) h = Math.imul(h ^ i, FNV_PRIME);
      for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), FNV_PRIME);
      h = finish(h);
      hashes[i] = h;
      const s = 2 * (h & mask);
      // A home slot holding another hash (or nothing) is settled by `find` in the last pass.
      out[i] = slots[s] === h ? (slots[s + 1] as number) - 1 : ABSENT_OR_ELSEWHERE;
    }
    for (let i = 0; i < n; i++) {
      const id = out[i] as number;
      if (id >= 0) from[i] = starts[id] as number;
    }
    for (let i = 0; i < n; i++) {
      const id = out[i] as number;
      if (id === -1) continue;
      const key = keys[i] as string;
      const prefix = prefixed ? i : -1;
      if (id < 0 || !this.keyIs(id, from[i] as number, key, prefix)) out[i] = this.find(key, prefix, hashes[i] as number);
    }
  }

  private keyIs(id: number, from: number, rest: string, prefix: number): boolean {
    const { chars } = this;
    const skip = prefix >= 0 ? 1 : 0;
    const n = rest.length;
    if ((this.starts[id + 1] as number) - from !== n + skip || (skip === 1 && chars[from] !== prefix)) return false;
    const at = from + skip;
    for (let k = 0; k < n; k++) if (chars[at + k] !== rest.charCodeAt(k)) return false;
    return true;
  }

  private find(rest: string, prefix: number, h: number): number {
    const { starts, slots, mask } = this;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const id = (slots[2 * s + 1] as number) - 1;
      if (id < 0) return -1;
      if (slots[2 * s] === h && this.keyIs(id, starts[id] as number, rest, prefix)) return id;
    }
  }

  idOf(key: string): number {
    return this.getPrefixed(key, -1);
  }

  get(key: string): number | undefined {
    const id = this.getPrefixed(key, -1);
    return id < 0 ? undefined : id;
  }

  has(key: string): boolean {
    return this.getPrefixed(key, -1) >= 0;
  }

  /** Key number `id` (with its prefix character, if it was added with one). */
  keyAt(id: number): string {
    const from = this.starts[id] as number;
    const to = this.starts[id + 1] as number;
    let out = '';
    for (let at = from; at < to; at += 4096) out += String.fromCharCode(...this.chars.subarray(at, Math.min(to, at + 4096)));
    return out;
  }

  *keys(): MapIterator<string> {
    for (let id = 0; id < this.size; id++) yield this.keyAt(id);
  }

  *values(): MapIterator<number> {
    for (let id = 0; id < this.size; id++) yield id;
  }

  *entries(): MapIterator<[string, number]> {
    for (let id = 0; id < this.size; id++) yield [this.keyAt(id), id];
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    for (let id = 0; id < this.size; id++) callback(id, this.keyAt(id), this);
  }
}
