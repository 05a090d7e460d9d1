// Builds DOM nodes for the page, the custom element and the exported HTML report. Every string
// child becomes a Text node and attribute values go through setAttribute, so text from a readout
// (untrusted input) can never be parsed as markup. Nothing in web/ uses innerHTML.

export function createBuilder(doc) {
  return function h(tag, props, ...children) {
    const node = doc.createElement(tag);
    for (const [key, value] of Object.entries(props ?? {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    appendChildren(node, children);
    return node;
  };
}

export const h = createBuilder(document);

export function appendChildren(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'object' ? child : parent.ownerDocument.createTextNode(String(child)));
  }
}

// Text for screen readers only (e.g. "deleted:" before a <del>), hidden visually by the stylesheet.
export function srOnly(text, doc = document) {
  const span = doc.createElement('span');
  span.className = 'rd-sr-only';
  span.textContent = text;
  return span;
}

const DEVANAGARI = /[\u0900-\u097F\uA8E0-\uA8FF]/;

// The lang attribute a piece of text should carry: "hi" as soon as it contains Devanagari, so
// screen readers switch voice and the Devanagari font stack applies.
export function langOf(text) {
  return DEVANAGARI.test(text) ? 'hi' : 'en';
}

// A whole number with commas between thousands, as toLocaleString('en') writes it, without
// Intl: the first toLocaleString call of a page loads its locale data, ~15 ms of the page's start.
export function groupDigits(number) {
  return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
