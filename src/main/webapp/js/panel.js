// What every transport panel has: a status line, counters and the quote table, cloned from the page's
// <template id="quote-panel"> into the panel's section. Transport panels add only their wiring.

import { QuoteTable } from './table.js';
import { Stats } from './stats.js';

/**
 * Fills `section` (which holds a heading and a [data-role=status] element) and returns its parts.
 * @param fields the counters, as for Stats
 */
export function mountPanel(section, fields) {
  const body = document.getElementById('quote-panel').content.cloneNode(true);
  const caption = body.querySelector('caption');
  caption.textContent = `${section.querySelector('h2').textContent}: quotes`;
  // On a narrow screen the table scrolls sideways; a focusable, named region lets keyboard users scroll it too.
  const scroller = body.querySelector('.table-scroll');
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', caption.textContent);
  const stats = new Stats(body.querySelector('dl'), fields);
  const table = new QuoteTable(body.querySelector('tbody'));
  section.append(body);
  const status = section.querySelector('[data-role=status]');
  return {
    table,
    stats,
    /** Shows the transport's state as words (the dot beside it is decoration, styled by data-state). */
    setStatus(state, text) {
      status.dataset.state = state;
      status.textContent = text;
    },
  };
}

/** Bytes per update, the number that best shows the cost of a transport; blank until there is an update. */
export const bytesPerUpdate = {
  key: 'bytesPerUpdate',
  label: 'Bytes per update',
  derive: (get) => (get('updates') > 0 ? get('bytes') / get('updates') : NaN),
};
