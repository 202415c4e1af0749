// Test helper, shared by the store and desk tests (not itself a test file).
// A Storage-like area in memory; broken: every write throws, as in a full quota.
export class MemoryStorage {
  constructor(broken = false) {
    this.items = new Map();
    this.broken = broken;
  }
  get length() {
    return this.items.size;
  }
  key(i) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k) {
    return this.items.has(k) ? this.items.get(k) : null;
  }
  setItem(k, v) {
    if (this.broken) throw new Error("QuotaExceededError");
    this.items.set(k, String(v));
  }
  removeItem(k) {
    if (this.broken) throw new Error("QuotaExceededError");
    this.items.delete(k);
  }
}
