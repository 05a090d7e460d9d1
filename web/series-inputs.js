// The readouts of a series, in order: opened or dropped files (several at once), pasted texts,
// reordering by drag and by buttons, removal, who issued each readout (a field the analyst may
// edit), and a readout's error shown under it. Files whose name holds a date (YYYY-MM-DD) are
// placed by that date when they are added.
import { groupDigits, h, langOf } from './dom.js';
import { readFileAsText } from './file-text.js';

// Twice the engine's limit per readout (16 MiB, kMaxInputBytes): a far larger file (likely not a
// readout at all) is not read; one in between is sent and the engine reports it as too_large.
const MAX_FILE_BYTES = 32 * 1024 * 1024;

// The file name's YYYY-MM-DD date (the corpus names start with one), or null.
function dateInName(name) {
  const match = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(name);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? match.slice(1).join('-') : null;
}

// The sides of the corpus's names, by code; another two-letter code is shown as it is, in capitals.
const ISSUER_NAMES = { in: 'India', cn: 'China', us: 'United States' };

// Who issued the readout, from the corpus naming convention DATE_PLACE_xx-yy_…, where xx is the
// issuing side ("in-cn": India's readout of a meeting with China); '' when the name has no such code.
function issuerInName(name) {
  const match = /^\d{4}-\d{2}-\d{2}_[^_]+_([a-z]{2})-[a-z]{2}_/i.exec(name);
  if (!match) return '';
  const code = match[1].toLowerCase();
  return ISSUER_NAMES[code] ?? code.toUpperCase();
}

// Dated readouts in date order (stable: the same date keeps the order given), in the places the
// dated readouts held; a readout without a date stays where it was given.
function orderByDate(items) {
  const dated = items.filter((item) => dateInName(item.name) !== null);
  const sorted = [...dated].sort((x, y) => dateInName(x.name).localeCompare(dateInName(y.name)));
  let next = 0;
  return items.map((item) => (dateInName(item.name) === null ? item : sorted[next++]));
}

export class SeriesInputs {
  #list; #problems; #onChange; #onIssuerChange;
  #items = [];
  #nextKey = 1;
  #pastedCount = 0;
  #dragged = null;

  // onChange() runs after every change of the readouts or their order; onIssuerChange() after an
  // edit of who issued a readout (that changes no readout: nothing needs tracking again).
  constructor({ list, problems, onChange, onIssuerChange }) {
    this.#list = list;
    this.#problems = problems;
    this.#onChange = onChange;
    this.#onIssuerChange = onIssuerChange;
  }

  // [{key, name, text}] in series order; key names the readout while it is in the list.
  get readouts() {
    return this.#items.map(({ key, name, text }) => ({ key, name, text }));
  }

  // Who issued the readout of that key, as the field now says (trimmed), or '' (none given, or
  // the readout has been removed).
  issuerOf(key) {
    return this.#items.find((item) => item.key === key)?.issuer.trim() ?? '';
  }

  replaceAll(readouts) {
    this.#items = [];
    this.#add(readouts);
  }

  addPasted(text, name) {
    this.#pastedCount += 1;
    this.#add([{ name: name.trim() || `Pasted readout ${this.#pastedCount}`, text }]);
  }

  // Files that cannot be read are listed as problems; the others are added.
  async addFiles(files) {
    const read = [];
    const problems = [];
    for (const file of files) {
      if (file.size > MAX_FILE_BYTES) {
        problems.push(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MiB; the limit is 16.0 MiB.`);
        continue;
      }
      try {
        read.push({ name: file.name, text: (await readFileAsText(file)).text });
      } catch (error) {
        problems.push(error.message);
      }
    }
    this.#showProblems(problems);
    if (read.length) this.#add(read);
  }

  clear() {
    this.#items = [];
    this.#showProblems([]);
    this.#changed();
  }

  // error: {readout, message} from the engine (readout from 0), shown under that readout; or null.
  showReadoutError(error) {
    for (const [index, element] of [...this.#list.children].entries()) {
      const message = element.querySelector('.series-item-error');
      const mine = error && error.readout === index;
      message.hidden = !mine;
      message.textContent = mine ? error.message : '';
    }
  }

  #add(readouts) {
    this.#items = orderByDate([...this.#items, ...readouts.map((readout) => ({
      ...readout, key: this.#nextKey++, issuer: issuerInName(readout.name),
    }))]);
    this.#changed();
  }

  #move(from, to, focusAction) {
    if (to < 0 || to >= this.#items.length || to === from) return;
    const [item] = this.#items.splice(from, 1);
    this.#items.splice(to, 0, item);
    this.#changed();
    // Keyboard users keep their place: focus stays on the same button of the readout they moved,
    // or on the other one when it has become disabled at an end of the list.
    if (focusAction) {
      const element = this.#list.children[to];
      const button = element.querySelector(`[data-action="${focusAction}"]`);
      (button.disabled ? element.querySelector('[data-action]:not(:disabled)') : button).focus();
    }
  }

  #remove(index) {
    this.#items.splice(index, 1);
    this.#changed();
    const next = this.#list.children[Math.min(index, this.#items.length - 1)];
    next?.querySelector('[data-action="remove"]').focus();
  }

  #changed() {
    this.#render();
    this.#onChange();
  }

  #showProblems(problems) {
    this.#problems.replaceChildren(...problems.map((problem) => h('li', {}, problem)));
    this.#problems.hidden = !problems.length;
  }

  #render() {
    const count = this.#items.length;
    this.#list.replaceChildren(...this.#items.map((item, index) => {
      const label = `readout ${index + 1}, ${item.name}`;
      const element = h('li', { class: 'series-item', draggable: 'true', dataset: { index: String(index) } },
        h('span', { class: 'series-item-number' }, `${index + 1}.`),
        h('span', { class: 'series-item-name', lang: langOf(item.name) }, item.name),
        h('span', { class: 'series-item-size' }, `${groupDigits(item.text.length)} characters`),
        h('label', { class: 'series-item-issuer' }, 'Issued by ',
          h('input', { type: 'text', value: item.issuer, maxlength: '40', autocomplete: 'off', spellcheck: 'false',
            'aria-label': `Issued by: ${label}`, dataset: { issuer: '' },
            oninput: (event) => { item.issuer = event.target.value; this.#onIssuerChange(); } })),
        h('span', { class: 'series-item-actions' },
          h('button', { type: 'button', class: 'button small', dataset: { action: 'up' }, disabled: index === 0,
            'aria-label': `Move ${label} up`, onclick: () => this.#move(index, index - 1, 'up') }, '↑ Up'),
          h('button', { type: 'button', class: 'button small', dataset: { action: 'down' }, disabled: index === count - 1,
            'aria-label': `Move ${label} down`, onclick: () => this.#move(index, index + 1, 'down') }, '↓ Down'),
          h('button', { type: 'button', class: 'button small', dataset: { action: 'remove' },
            'aria-label': `Remove ${label}`, onclick: () => this.#remove(index) }, 'Remove')),
        h('p', { class: 'series-item-error', hidden: true }));
      element.addEventListener('dragstart', (event) => {
        this.#dragged = index;
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/x-readout-diff-series-item', String(index));
      });
      element.addEventListener('dragover', (event) => {
        if (this.#dragged === null) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
      });
      element.addEventListener('drop', (event) => {
        if (this.#dragged === null) return;
        event.preventDefault();
        event.stopPropagation();
        const from = this.#dragged;
        this.#dragged = null;
        this.#move(from, index, null);
      });
      element.addEventListener('dragend', () => { this.#dragged = null; });
      return element;
    }));
  }
}
