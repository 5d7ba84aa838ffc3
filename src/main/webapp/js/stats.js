// Counters of one transport panel, shown as a description list. Counting is cheap and synchronous; drawing is
// coalesced to one update per animation frame, since quotes can arrive faster than anyone can read numbers.

import { formatCount } from './format.js';

export class Stats {
  #fields;
  #values = new Map();
  #cells = new Map();
  #drawPending = false;

  /**
   * @param list   the <dl> to fill
   * @param fields [{key, label, derive?}]: a field with `derive(get)` is computed from the others, never counted
   */
  constructor(list, fields) {
    this.#fields = fields;
    for (const { key, label } of fields) {
      const term = document.createElement('dt');
      term.textContent = label;
      const value = document.createElement('dd');
      value.dataset.stat = key;
      // A div per pair is valid in a <dl> and lets the grid place each term above its value.
      const pair = document.createElement('div');
      pair.append(term, value);
      list.append(pair);
      this.#cells.set(key, value);
      this.#values.set(key, 0);
    }
    this.#draw();
  }

  add(key, amount = 1) {
    if (!this.#values.has(key)) {
      throw new Error(`unknown counter ${key}`);
    }
    this.#values.set(key, this.#values.get(key) + amount);
    this.#requestDraw();
  }

  get(key) {
    return this.#values.get(key);
  }

  #requestDraw() {
    if (!this.#drawPending) {
      this.#drawPending = true;
      requestAnimationFrame(() => this.#draw());
    }
  }

  #draw() {
    this.#drawPending = false;
    const get = (key) => this.#values.get(key);
    for (const { key, derive } of this.#fields) {
      const value = derive ? derive(get) : get(key);
      this.#cells.get(key).textContent = Number.isFinite(value) ? formatCount(value) : '–';
    }
  }
}
