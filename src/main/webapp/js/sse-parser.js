// An incremental parser of text/event-stream (the HTML standard's "event stream interpretation"), so that the page
// can read Server-Sent Events through fetch() and count every byte, which EventSource does not reveal.

/** Feeds decoded text in pieces of any size; returns the events each piece completes. */
export class EventStreamParser {
  #buffer = '';
  #data = [];
  #event = '';
  #id = null;
  #sawCarriageReturn = false;
  /** The last event ID the stream set: what a reconnect sends as Last-Event-ID. */
  lastEventId = '';

  /** @returns {{type: string, data: string, id: string}[]} the events completed by `text` */
  push(text) {
    const events = [];
    let input = text;
    // A CRLF split across two pieces: the LF belongs to the line the CR already ended.
    if (this.#sawCarriageReturn && input.startsWith('\n')) {
      input = input.slice(1);
    }
    this.#sawCarriageReturn = false;
    this.#buffer += input;
    let start = 0;
    for (let i = 0; i < this.#buffer.length; i++) {
      const char = this.#buffer[i];
      if (char !== '\n' && char !== '\r') {
        continue;
      }
      this.#line(this.#buffer.slice(start, i), events);
      if (char === '\r') {
        if (i + 1 === this.#buffer.length) {
          this.#sawCarriageReturn = true;
        } else if (this.#buffer[i + 1] === '\n') {
          i++;
        }
      }
      start = i + 1;
    }
    this.#buffer = this.#buffer.slice(start);
    return events;
  }

  #line(line, events) {
    if (line === '') {
      this.#dispatch(events);
      return;
    }
    if (line.startsWith(':')) {
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    switch (field) {
      case 'data': this.#data.push(value); break;
      case 'event': this.#event = value; break;
      case 'id': if (!value.includes('\0')) { this.#id = value; } break;
      default: break; // retry and unknown fields: reconnect timing is the page's own backoff
    }
  }

  #dispatch(events) {
    if (this.#id !== null) {
      this.lastEventId = this.#id;
    }
    if (this.#data.length > 0) {
      events.push({ type: this.#event || 'message', data: this.#data.join('\n'), id: this.lastEventId });
    }
    this.#data = [];
    this.#event = '';
    this.#id = null;
  }
}
