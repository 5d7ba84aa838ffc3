// The page's small log: server errors and connection trouble, newest first, bounded so a long outage cannot
// grow the page. The element is a role="log" region, so assistive technology announces entries politely;
// only rare events are written here, never individual quotes.

const MAX_ENTRIES = 50;
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export class EventLog {
  #list;

  constructor(list) {
    this.#list = list;
  }

  /** Adds an entry: `source` says which part of the page it concerns, `code` is the machine-readable reason. */
  add(source, code, message) {
    const entry = document.createElement('li');
    entry.dataset.code = code;
    const when = document.createElement('time');
    const now = new Date();
    when.dateTime = now.toISOString();
    when.textContent = time.format(now);
    entry.append(when, ` ${source}: ${message}`, code ? ` (${code})` : '');
    this.#list.prepend(entry);
    while (this.#list.children.length > MAX_ENTRIES) {
      this.#list.lastElementChild.remove();
    }
  }
}
