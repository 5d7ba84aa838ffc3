// The symbol picker: one checkbox per symbol of the universe. It only reports the selection; the page decides
// what subscribing means for each transport.

export class SymbolPicker extends EventTarget {
  #form;
  #instruments;

  /**
   * @param container   an element (a fieldset) to fill with the checkboxes
   * @param instruments the universe, [{symbol, name}], in the server's order
   * @param selected    the symbols ticked at first
   */
  constructor(container, instruments, selected) {
    super();
    this.#form = container;
    this.#instruments = instruments;
    const chosen = new Set(selected);
    const list = document.createElement('ul');
    list.className = 'chips';
    for (const { symbol, name } of instruments) {
      list.append(chip(symbol, name, chosen.has(symbol)));
    }
    container.append(list);
    container.addEventListener('change', () => this.dispatchEvent(new CustomEvent('change')));
  }

  /** The ticked instruments, in universe order, so every panel lists them the same way. */
  get selected() {
    const ticked = new Set([...this.#form.querySelectorAll('input:checked')].map((box) => box.value));
    return this.#instruments.filter(({ symbol }) => ticked.has(symbol));
  }
}

function chip(symbol, name, checked) {
  const item = document.createElement('li');
  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.name = 'symbol';
  box.value = symbol;
  box.checked = checked;
  const fullName = document.createElement('span');
  fullName.className = 'visually-hidden';
  fullName.textContent = ` ${name}`;
  label.title = name;
  label.append(box, ` ${symbol}`, fullName);
  item.append(label);
  return item;
}
