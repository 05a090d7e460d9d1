// One input box (readout A or B): typing and pasting, opening and dropping files, HTML reduced to
// text, clearing with undo, its size, and engine errors shown right under the box they concern.
import { groupDigits, h, langOf } from './dom.js';
import { htmlToText } from './html-to-text.js';
import { readFileAsText } from './file-text.js';
import { utf16IndexOfByte } from './utf8.js';
import { LongText, isBlank, textStart, wholeText } from './long-text.js';

// The engine's own limit (kMaxInputBytes in core/include/readout_diff/text_input.hpp); checked here
// too so an oversized text is reported at once instead of being sent to the engine.
const MAX_INPUT_BYTES = 16 * 1024 * 1024;

// A textarea lays out all of its text at once, and again after every change: in Chromium about
// half a millisecond per thousand characters, so 2.5 MB froze the page for over a second when it
// was opened. Texts longer than this are held by the panel and shown in part, read-only, in the box
// (they are compared in full); the reader can still ask to edit the whole text there.
const LONG_TEXT_CHARACTERS = 50_000;
// How much of a long text the box shows: about 10 ms of layout.
const PREVIEW_CHARACTERS = 20_000;

const encoder = new TextEncoder();

export class InputPanel {
  #textarea; #meta; #error; #clearButton; #longNote;
  #name = '';
  // The whole text (a string or a LongText) while it is too long to be in the box (see
  // LONG_TEXT_CHARACTERS), else null.
  #longText = null;
  // Counts the files asked for, so that only the last one opened lands in the box.
  #loads = 0;
  #counted = { text: '', bytes: 0 };
  #clearedText = null;
  // Whether the edit under way replaces the whole text (set before it lands, see #replacing).
  #replacingAll = false;

  // onEdit(panel) runs after every change of text, whatever its origin.
  constructor(panel, onEdit) {
    this.side = panel.dataset.side;
    this.#textarea = panel.querySelector('textarea');
    this.#meta = panel.querySelector('.input-meta');
    this.#error = panel.querySelector('.input-error');
    this.#clearButton = panel.querySelector('[data-action="clear"]');
    this.onEdit = onEdit;
    this.#longNote = h('p', { class: 'hint', id: `long-note-${this.side}`, hidden: true });
    this.#textarea.after(this.#longNote);
    this.#textarea.setAttribute('aria-describedby', `${this.#textarea.getAttribute('aria-describedby') ?? ''} ${this.#longNote.id}`.trim());

    this.#textarea.addEventListener('beforeinput', () => this.#replacing());
    this.#textarea.addEventListener('input', () => this.#edited(true));
    this.#textarea.addEventListener('paste', (event) => this.#paste(event));
    this.#textarea.addEventListener('dragover', (event) => this.#dragOver(event));
    this.#textarea.addEventListener('dragleave', () => this.#textarea.classList.remove('drag-over'));
    this.#textarea.addEventListener('drop', (event) => this.#drop(event));
    panel.querySelector('input[type="file"]').addEventListener('change', (event) => this.#openFile(event));
    this.#clearButton.addEventListener('click', () => this.#clearOrUndo());
  }

  get text() { return this.#longText ?? this.#textarea.value; }
  get name() { return this.#name; }
  get displayName() { return this.#name || `Readout ${this.side.toUpperCase()}`; }

  set(text, name = '') {
    this.#show(text);
    this.#name = name;
    this.#clearedText = null;
    this.#edited(false);
  }

  // Counted once per text (known from the file when it was UTF-8): the box's size line and the
  // size check both ask, and encoding 2.5 MB takes the main thread 10 to 20 ms.
  byteLength() {
    if (this.text instanceof LongText) return this.text.utf8Bytes;
    if (this.#counted.text !== this.text) this.#counted = { text: this.text, bytes: encoder.encode(this.text).length };
    return this.#counted.bytes;
  }

  // Reports an over-limit text under the box; returns whether the text is within the limit.
  checkSize() {
    const bytes = this.byteLength();
    if (bytes <= MAX_INPUT_BYTES) return true;
    this.showError(`This text is ${formatMiB(bytes)}; the limit is ${formatMiB(MAX_INPUT_BYTES)}. Shorten it to compare.`);
    return false;
  }

  // error: the engine's {code, message, offset, line, column} for this side, or a message string.
  showError(error) {
    const message = typeof error === 'string' ? error : error.message;
    const mentionsPlace = /\bline \d+/.test(message);
    const where = typeof error === 'object' && error.line && !mentionsPlace ? ` (line ${error.line}, column ${error.column})` : '';
    const children = [h('strong', {}, 'Problem: '), `${message}${where}`];
    if (typeof error === 'object' && Number.isInteger(error.offset) && this.#isInBox(error.offset)) {
      children.push(' ', h('button', { type: 'button', class: 'button small', onclick: () => this.#select(error.offset) }, 'Show the place'));
    }
    this.#error.replaceChildren(...children);
    this.#error.hidden = false;
    this.#textarea.setAttribute('aria-invalid', 'true');
  }

  clearError() {
    this.#error.hidden = true;
    this.#error.replaceChildren();
    this.#textarea.removeAttribute('aria-invalid');
  }

  // Puts the text in the box, or, if it is long, the start of it, read-only, with a note saying so.
  #show(text) {
    const long = text.length > LONG_TEXT_CHARACTERS;
    this.#longText = long ? text : null;
    this.#textarea.readOnly = long;
    this.#textarea.value = long ? previewOf(text) : text;
    this.#longNote.hidden = !long;
    if (!long) {
      this.#longNote.replaceChildren();
      return;
    }
    const shown = this.#textarea.value.length;
    this.#longNote.replaceChildren(
      `Showing the first ${groupDigits(shown)} of ${groupDigits(text.length)} characters, read-only: ` +
        'the whole text is compared. Editing a text this long here makes the page pause. ',
      h('button', { type: 'button', class: 'button small', onclick: () => this.#editWholeText() }, 'Edit the whole text'),
    );
  }

  // The reader's choice: the whole long text goes into the box, as any other text.
  #editWholeText() {
    const text = this.#longText;
    if (text === null) return;
    this.#longText = null;
    this.#textarea.readOnly = false;
    this.#textarea.value = wholeText(text);
    this.#longNote.hidden = true;
    this.#longNote.replaceChildren();
    this.#textarea.focus();
  }

  // Typing or pasting over all of a file's text (or emptying the box) makes it no longer that file:
  // its name goes, so exports never cite a file that is not compared.
  #replacing() {
    const { selectionStart, selectionEnd, value } = this.#textarea;
    this.#replacingAll = value.length > 0 && selectionStart === 0 && selectionEnd === value.length;
  }

  #edited(byUser) {
    if (byUser && (this.#replacingAll || isBlank(this.text))) this.#name = '';
    this.#replacingAll = false;
    if (byUser && this.#clearedText !== null) {
      this.#clearedText = null;
      this.#clearButton.textContent = `Clear ${this.side.toUpperCase()}`;
    }
    this.#textarea.lang = langOf(textStart(this.text, 2000));
    const bytes = this.byteLength();
    const size = `${groupDigits(bytes)} bytes`;
    this.#meta.textContent = this.#name ? `${this.#name} · ${size}` : size;
    this.onEdit(this);
  }

  // Whether the character at this byte offset of the text is in the box (all of it is, unless long;
  // a long text's start is in it, so the place is found there).
  #isInBox(byteOffset) {
    const { value } = this.#textarea;
    return this.#longText === null || utf16IndexOfByte(value, byteOffset) < value.length;
  }

  #select(byteOffset) {
    const { value } = this.#textarea;
    const index = utf16IndexOfByte(value, byteOffset);
    this.#textarea.focus();
    this.#textarea.setSelectionRange(index, Math.min(index + 1, value.length));
  }

  #insert(text) {
    if (this.#longText !== null) return;  // the box shows a long text read-only
    this.#replacing();
    const { selectionStart, selectionEnd, value } = this.#textarea;
    if (value.length - (selectionEnd - selectionStart) + text.length > LONG_TEXT_CHARACTERS) {
      // Too long for the box: held by the panel, like a long file.
      this.#show(value.slice(0, selectionStart) + text + value.slice(selectionEnd));
    } else {
      this.#textarea.setRangeText(text, selectionStart, selectionEnd, 'end');
    }
    this.#edited(true);
  }

  // Pasted HTML (from a web page or a word processor) is reduced to its text and paragraphs; a
  // long plain text goes to #insert, so that the box never has to lay it out.
  #paste(event) {
    const html = event.clipboardData?.getData('text/html');
    const plain = html ? '' : event.clipboardData?.getData('text/plain') ?? '';
    if (!html && plain.length <= LONG_TEXT_CHARACTERS) return;
    event.preventDefault();
    this.#insert(html ? htmlToText(html) : plain);
  }

  #dragOver(event) {
    const types = [...(event.dataTransfer?.types ?? [])];
    if (!types.some((t) => t === 'Files' || t === 'text/html' || t === 'text/plain')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.#textarea.classList.add('drag-over');
  }

  async #drop(event) {
    this.#textarea.classList.remove('drag-over');
    const transfer = event.dataTransfer;
    if (!transfer) return;
    event.preventDefault();
    if (transfer.files.length) {
      await this.#load(transfer.files[0]);
      return;
    }
    const html = transfer.getData('text/html');
    this.#insert(html ? htmlToText(html) : transfer.getData('text/plain'));
  }

  async #openFile(event) {
    const [file] = event.target.files;
    event.target.value = '';
    if (file) await this.#load(file);
  }

  // A file that cannot be read leaves the current text as it is.
  async #load(file) {
    const load = ++this.#loads;
    // Reading a far larger file (likely not a readout at all) would only stall the page.
    if (file.size > MAX_INPUT_BYTES * 2) {
      this.showError(`${file.name} is ${formatMiB(file.size)}; the limit is ${formatMiB(MAX_INPUT_BYTES)}.`);
      return;
    }
    try {
      const { text, utf8Bytes } = await readFileAsText(file);
      if (load !== this.#loads) return;  // another file was opened meanwhile: it wins
      this.clearError();
      if (utf8Bytes !== null) this.#counted = { text, bytes: utf8Bytes };
      this.set(text, file.name);
    } catch (error) {
      if (load === this.#loads) this.showError(error.message);
    }
  }

  #clearOrUndo() {
    if (this.#clearedText !== null) {
      const { text, name } = this.#clearedText;
      this.set(text, name);
      this.#clearButton.textContent = `Clear ${this.side.toUpperCase()}`;
      return;
    }
    const saved = { text: this.text, name: this.#name };
    this.set('', '');
    this.#clearedText = saved;
    this.#clearButton.textContent = `Undo clear ${this.side.toUpperCase()}`;
    this.#textarea.focus();
  }
}

// The start of a long text, cut at a line end when there is one in its second half.
function previewOf(text) {
  const start = textStart(text, PREVIEW_CHARACTERS);
  const lineEnd = start.lastIndexOf('\n');
  return lineEnd > PREVIEW_CHARACTERS / 2 ? start.slice(0, lineEnd) : start;
}

function formatMiB(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
