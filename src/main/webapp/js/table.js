// The quote table every transport panel shares, so that panels differ only in how quotes reach them. Rows follow
// the selection; a quote updates its row in place (no re-render of the table, no layout shift) and flashes it.

import { formatChange, formatCount, formatPercent, formatPrice } from './format.js';

const MOVES = {
  up: { arrow: '▲', words: 'up' },
  down: { arrow: '▼', words: 'down' },
};

const COLUMNS = ['price', 'move', 'change', 'changePercent', 'high', 'low', 'volume'];

export class QuoteTable {
  #body;
  #rows = new Map();

  /** @param body the table's tbody; the thead and caption are markup, so they stay readable without script */
  constructor(body) {
    this.#body = body;
  }

  /** Shows one row per instrument ({symbol, name}), in this order; rows of other symbols go at once. */
  setSymbols(instruments) {
    const rows = new Map();
    for (const { symbol, name } of instruments) {
      rows.set(symbol, this.#rows.get(symbol) ?? createRow(symbol, name));
    }
    this.#rows = rows;
    this.#body.replaceChildren(...[...rows.values()].map((row) => row.element));
  }

  /**
   * Shows `quote` if it is newer than what its row shows (seq order: a snapshot can arrive after a quote).
   * Returns whether the row changed.
   */
  update(quote) {
    const row = this.#rows.get(quote.symbol);
    if (!row || quote.seq <= row.seq) {
      return false;
    }
    const previous = row.price;
    row.seq = quote.seq;
    row.price = quote.price;
    row.element.dataset.seq = quote.seq;
    render(row, quote);
    if (previous !== null && quote.price !== previous) {
      flash(row, quote.price > previous ? 'up' : 'down');
    }
    return true;
  }

  /** Accepts the next quote of every row whatever its seq: after a server restart, seq starts again from 1. */
  forgetSeqs() {
    for (const row of this.#rows.values()) {
      row.seq = 0;
    }
  }
}

function createRow(symbol, name) {
  const element = document.createElement('tr');
  element.dataset.symbol = symbol;
  const header = document.createElement('th');
  header.scope = 'row';
  header.textContent = symbol;
  // The name column is hidden on narrow screens; the title keeps the name one tap or hover away.
  header.title = name;
  const nameCell = document.createElement('td');
  nameCell.className = 'name';
  nameCell.textContent = name;
  const cells = {};
  for (const column of COLUMNS) {
    cells[column] = document.createElement('td');
    cells[column].className = column === 'move' ? 'move' : `num ${column}`;
    cells[column].textContent = column === 'move' ? '' : '–';
  }
  element.append(header, nameCell, ...COLUMNS.map((column) => cells[column]));
  return { element, cells, seq: 0, price: null, flashes: 0 };
}

function render({ element, cells }, quote) {
  cells.price.textContent = formatPrice(quote.price);
  cells.change.textContent = formatChange(quote.change);
  cells.changePercent.textContent = formatPercent(quote.changePercent);
  cells.high.textContent = formatPrice(quote.high);
  cells.low.textContent = formatPrice(quote.low);
  cells.volume.textContent = formatCount(quote.volume);
  element.dataset.trend = Math.sign(quote.change) > 0 ? 'up' : Math.sign(quote.change) < 0 ? 'down' : 'flat';
}

function flash(row, direction) {
  const { arrow, words } = MOVES[direction];
  const arrowSpan = document.createElement('span');
  arrowSpan.setAttribute('aria-hidden', 'true');
  arrowSpan.textContent = arrow;
  const wordsSpan = document.createElement('span');
  wordsSpan.className = 'visually-hidden';
  wordsSpan.textContent = words;
  row.cells.move.replaceChildren(arrowSpan, wordsSpan);
  row.element.dataset.move = direction;
  // Two identical animations, alternated: changing animation-name restarts the flash without forcing a
  // synchronous layout (the usual remove-class, read offsetWidth, add-class trick), several times a second.
  row.flashes++;
  row.element.dataset.flash = row.flashes % 2 === 0 ? 'a' : 'b';
}
