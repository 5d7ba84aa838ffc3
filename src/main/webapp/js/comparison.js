// The comparison table: the few numbers that tell the transports apart, one row each, side by side.

import { formatCount } from './format.js';

const COLUMNS = ['bytesPerUpdate', 'requestsPerMinute', 'bytesPerSecond', 'stalenessP50', 'stalenessP99', 'missed'];

export class Comparison {
  #rows;

  /** @param body the tbody to fill, one row per panel ({name}) */
  constructor(body, panels) {
    this.#rows = panels.map(({ name }) => {
      const row = document.createElement('tr');
      const header = document.createElement('th');
      header.scope = 'row';
      header.textContent = name;
      const cells = COLUMNS.map((column) => {
        const cell = document.createElement('td');
        cell.className = 'num';
        cell.dataset.stat = column;
        return cell;
      });
      row.append(header, ...cells);
      body.append(row);
      return cells;
    });
  }

  /** @param numbers one TransportMeter reading per panel, in the constructor's order */
  draw(numbers) {
    numbers.forEach((reading, i) => {
      // The last ten whole seconds: the current one is still filling.
      const recent = reading.bytesPerSecond.slice(-11, -1);
      const values = { ...reading, bytesPerSecond: recent.reduce((sum, v) => sum + v, 0) / recent.length };
      this.#rows[i].forEach((cell) => {
        const value = values[cell.dataset.stat];
        cell.textContent = Number.isFinite(value) ? formatCount(value) : '–';
        cell.dataset.value = Number.isFinite(value) ? String(value) : '';
      });
    });
  }
}
