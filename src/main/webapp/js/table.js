// The quote table every transport panel shares, so that panels differ only in how quotes reach them. Rows follow
// the selection; a quote updates its row in place (no re-render of the table, no layout shift), flashes it and
// extends its sparkline, which shows the prices exactly as this transport delivered them.

import { formatChange, formatPercent, formatPrice } from './format.js';
import { sparklines } from './chart.js';

const MOVES = {
  up: { arrow: '▲', words: 'up' },
  down: { arrow: '▼', words: 'down' },
};
const SPARK_POINTS = 40;
const SPARK_WIDTH = 80;
const SPARK_HEIGHT = 20;
const SVG = 'http://www.w3.org/2000/svg';

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

  /** Shows `quote`, which the caller has checked is newer than what its row shows. */
  update(quote) {
    const row = this.#rows.get(quote.symbol);
    if (!row) {
      return;
    }
    const previous = row.price;
    row.price = quote.price;
    row.element.dataset.seq = quote.seq;
    render(row, quote);
    row.prices.push(quote.price);
    if (row.prices.length > SPARK_POINTS) {
      row.prices.shift();
    }
    drawSparkline(row);
    if (previous !== null && quote.price !== previous) {
      flash(row, quote.price > previous ? 'up' : 'down');
    }
  }

  /** Breaks every sparkline: what follows does not continue what came before (a gap, a new run). */
  markGap() {
    for (const row of this.#rows.values()) {
      if (row.prices.length > 0 && row.prices.at(-1) !== null) {
        row.prices.push(null);
      }
      row.element.dataset.gap = 'true';
    }
  }
}

function createRow(symbol, name) {
  const element = document.createElement('tr');
  element.dataset.symbol = symbol;
  const header = document.createElement('th');
  header.scope = 'row';
  header.textContent = symbol;
  header.title = name;
  const cells = {};
  for (const column of ['price', 'move', 'change', 'changePercent']) {
    cells[column] = document.createElement('td');
    cells[column].className = column === 'move' ? 'move' : `num ${column}`;
    cells[column].textContent = column === 'move' ? '' : '–';
  }
  const trend = document.createElement('td');
  trend.className = 'trend';
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`);
  svg.setAttribute('width', SPARK_WIDTH);
  svg.setAttribute('height', SPARK_HEIGHT);
  // The numbers beside it say the same; the line is a picture of them.
  svg.setAttribute('aria-hidden', 'true');
  trend.append(svg);
  element.append(header, cells.price, cells.move, cells.change, cells.changePercent, trend);
  return { element, cells, svg, price: null, prices: [], flashes: 0 };
}

function render({ element, cells }, quote) {
  cells.price.textContent = formatPrice(quote.price);
  cells.change.textContent = formatChange(quote.change);
  cells.changePercent.textContent = formatPercent(quote.changePercent);
  element.dataset.trend = Math.sign(quote.change) > 0 ? 'up' : Math.sign(quote.change) < 0 ? 'down' : 'flat';
}

function drawSparkline(row) {
  const lines = sparklines(row.prices, SPARK_WIDTH, SPARK_HEIGHT, 2).map((points) => {
    const line = document.createElementNS(SVG, 'polyline');
    line.setAttribute('points', points);
    return line;
  });
  row.svg.replaceChildren(...lines);
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
