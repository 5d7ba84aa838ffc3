// The connection panel: the WebSocket's state and reconnects, every resume and gap of any transport, the server
// clock offset, and the handshake inspector, which recomputes the server's Sec-WebSocket-Accept in the page.

import { expectedAccept, WEBSOCKET_GUID } from './handshake.js';
import { formatCount } from './format.js';

const MAX_MARKERS = 20;
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export class ConnectionPanel {
  #section;
  #connects = 0;

  constructor(section, push) {
    this.#section = section;
    this.#field('guid').textContent = WEBSOCKET_GUID;
    push.addEventListener('request', () => {
      this.#connects++;
      this.#field('connects').textContent = formatCount(this.#connects);
      this.#field('reconnects').textContent = formatCount(this.#connects - 1);
    });
    push.addEventListener('status', ({ detail }) => {
      const status = this.#field('status');
      status.dataset.state = detail.state;
      status.textContent = detail.text;
    });
    push.addEventListener('welcome', ({ detail }) => this.#inspect(detail));
    section.querySelector('[data-role=drop]').addEventListener('click', () => push.drop());
  }

  /** Adds a resume or gap marker, newest first. */
  mark(kind, text) {
    const list = this.#field('markers');
    const entry = document.createElement('li');
    entry.dataset.kind = kind;
    const when = document.createElement('time');
    const now = new Date();
    when.dateTime = now.toISOString();
    when.textContent = time.format(now);
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = kind === 'gap' ? 'gap' : 'resumed';
    entry.append(when, ' ', badge, ` ${text}`);
    list.prepend(entry);
    while (list.children.length > MAX_MARKERS) {
      list.lastElementChild.remove();
    }
  }

  /** Shows how far the page's clock runs ahead of the server's. */
  showClock(clock) {
    this.#field('offset').textContent = clock.known ? `${formatCount(clock.offsetMs)} ms` : '–';
  }

  async #inspect({ message, extensions }) {
    const handshake = message.handshake ?? {};
    this.#field('key').textContent = handshake.key ?? 'not reported by this server';
    this.#field('accept').textContent = handshake.accept ?? 'not reported by this server';
    this.#field('extensions').textContent = extensions || 'none';
    const verdict = this.#field('verdict');
    if (!handshake.key) {
      this.#field('computed').textContent = '–';
      verdict.dataset.match = 'unknown';
      verdict.textContent = 'Nothing to check: the server did not report the key';
      return;
    }
    const computed = await expectedAccept(handshake.key);
    this.#field('computed').textContent = computed;
    if (!handshake.accept) {
      verdict.dataset.match = 'unknown';
      verdict.textContent = 'Computed; this server does not show its answer to the application';
    } else if (computed === handshake.accept) {
      verdict.dataset.match = 'true';
      verdict.textContent = '✓ Match: the server answered this key correctly';
    } else {
      verdict.dataset.match = 'false';
      verdict.textContent = '✗ Mismatch';
    }
  }

  #field(role) {
    return this.#section.querySelector(`[data-role=${role}]`);
  }
}
