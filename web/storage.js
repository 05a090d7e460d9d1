// Keeps the two texts in this browser's localStorage so they survive a reload. Nothing leaves the
// device. Storage can be unavailable (privacy settings) or full (very long texts): then the page
// works as before and says the texts will not be kept.

const TEXTS_KEY = 'readout-diff:texts:v1';
// localStorage writes are synchronous, on the main thread, after every edit: in Chromium a million
// characters took 40 to 90 ms a write, a quarter of that 1 to 15 ms; longer texts than this (far
// longer than any readout of the corpus, at most 5,600 bytes) are not kept.
const MAX_STORED_CHARACTERS = 250_000;
const KEEP_KEY = 'readout-diff:keep-texts:v1';

export const OPENED_FROM_FILE = typeof location !== 'undefined' && location.protocol === 'file:';

// What keeping texts risks here, for the note beside the checkbox ('' when nothing to say).
export const KEEP_RISK = OPENED_FROM_FILE
  ? 'Opened as a local file: texts kept here can be read by any other local file you open in this browser.'
  : '';

// Off until chosen when the page is a local file: every file:// page shares one storage, so any
// other local HTML file opened in this browser could read drafts kept there. A served page's
// storage is its origin's own, so there it starts on.
export function loadKeepPreference() {
  const chosen = read(KEEP_KEY);
  return chosen === null ? !OPENED_FROM_FILE : chosen === 'yes';
}

export function saveKeepPreference(keep) {
  write(KEEP_KEY, keep ? 'yes' : 'no');
  if (!keep) remove(TEXTS_KEY);
}

// Returns {a: {text, name}, b: {text, name}} or null.
export function loadTexts() {
  try {
    const stored = JSON.parse(read(TEXTS_KEY) ?? 'null');
    if (stored && typeof stored.a?.text === 'string' && typeof stored.b?.text === 'string') return stored;
  } catch {
    // A damaged entry is ignored; the next save replaces it.
  }
  return null;
}

// Returns false when the texts could not be stored (too long, storage full or unavailable).
export function saveTexts(texts) {
  if (texts.a.text.length + texts.b.text.length > MAX_STORED_CHARACTERS) {
    remove(TEXTS_KEY);
    return false;
  }
  return write(TEXTS_KEY, JSON.stringify(texts));
}

function read(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key, value) {
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

function remove(key) {
  try {
    localStorage.removeItem(key);
  } catch {
    // Unavailable storage holds nothing to remove.
  }
}
