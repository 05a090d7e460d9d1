// Reduces HTML (pasted, dropped or opened as a file) to plain text with the browser's DOMParser.
// A parsed document is inert: its scripts never run and its images never load. Block elements
// become line breaks and paragraphs become blank-line separated, as in the readout corpus.

const BLOCK_ELEMENTS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIPPED_ELEMENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'IFRAME', 'OBJECT', 'SVG', 'MATH']);
// Markers while walking: a paragraph break becomes a blank line, a block break one line break,
// and runs of either collapse, so nested blocks do not pile up empty lines.
const PARAGRAPH_BREAK = '\u0000';
const BLOCK_BREAK = '\u0001';

export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return nodeToText(doc.body ?? doc.documentElement);
}

// Text of a DOM subtree (also used for <template> content given to <readout-diff>).
export function nodeToText(root) {
  const parts = [];
  walk(root, parts, false);
  return parts.join('')
    .replace(/[\s\u0001]*\u0000[\s\u0000\u0001]*/g, '\n\n')
    .replace(/[ \t\f\v\u00a0]*\u0001[\s\u0001]*/g, '\n')
    .replace(/[ \t\f\v\u00a0]*\n[ \t\f\v\u00a0]*/g, '\n')
    .replace(/^\s+|\s+$/g, '');
}

function walk(node, parts, preformatted) {
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      parts.push(preformatted ? child.data : child.data.replace(/\s+/g, ' '));
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      const tag = child.tagName.toUpperCase();
      if (SKIPPED_ELEMENTS.has(tag)) continue;
      if (tag === 'BR') { parts.push('\n'); continue; }
      const block = BLOCK_ELEMENTS.has(tag);
      const paragraph = tag === 'P' || /^H[1-6]$/.test(tag) || tag === 'LI' || tag === 'BLOCKQUOTE';
      if (block) parts.push(paragraph ? PARAGRAPH_BREAK : BLOCK_BREAK);
      walk(child, parts, preformatted || tag === 'PRE');
      if (block) parts.push(paragraph ? PARAGRAPH_BREAK : BLOCK_BREAK);
    } else if (child.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
      walk(child, parts, preformatted);
    }
  }
}

// Whether dropped or opened file content should be treated as HTML rather than plain text.
export function looksLikeHtmlFile(name = '', type = '') {
  return /html/i.test(type) || /\.x?html?$/i.test(name);
}
