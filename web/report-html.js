// The static HTML report: one file with the same aligned view and no script at all, for a CMS
// to host or a reader to archive. Its CSP allows nothing but its own stylesheet.
import { createBuilder } from './dom.js';
import { createView } from './view.js';
import { commitmentSummary } from './report-model.js';

// On top of the view's stylesheet: page basics, and every column at full length.
const REPORT_CSS = `
body { margin: 0 auto; max-width: 75rem; padding: 1rem 1.5rem 3rem; color: #1b1f24; background: #fff;
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Devanagari", Mangal, "Nirmala UI", sans-serif; }
h1 { font-size: 1.5rem; margin: 0.5rem 0; }
.report-meta { color: #4a5360; margin: 0 0 1rem; }
.rd-sentence:focus, .rd-sentence:hover { outline: none; }
`;

// viewCss: the text of the view stylesheet (see assets.js viewStyleText); review and
// engineReport: as for createView, so that the analyst's decisions that `report` follows are
// marked as on the page, with the line that says the counts follow them.
export async function staticReportHtml(report, { names, viewCss, review = null, engineReport = null, generatedAt = new Date() }) {
  const css = `${viewCss}\n${REPORT_CSS}`;
  const title = `Readout comparison: ${names.a} → ${names.b}`;
  const { doc, h } = await staticDocument({ title, css, version: report.engine?.version });
  // The aligned rows, then the commitment table: the report is read top to bottom, with no script.
  const rows = createView(report, { idPrefix: 'report', layout: 'rows', interactive: false, review, engineReport });
  const table = createView(report, { idPrefix: 'report-commitments', layout: 'commitments', interactive: false, review, engineReport });
  const view = doc.importNode(rows.element, true);
  view.append(doc.importNode(table.element.querySelector('.rd-body'), true));
  // The exported view is read, not navigated: no roving tab stops without the script behind them.
  for (const item of view.querySelectorAll('[tabindex]')) item.removeAttribute('tabindex');
  doc.body.append(h('main', {},
    h('h1', {}, title),
    h('p', { class: 'report-meta' },
      `${commitmentSummary(report.summary)}. Generated ${generatedAt.toISOString().slice(0, 10)} by Readout Diff, offline.`),
    view));
  return serializeStaticDocument(doc, css);
}

// A document with no script for an export (the pair report, the series timeline): its head says
// what made it and allows only its one stylesheet, `css`. Returns the document and a builder.
export async function staticDocument({ title, css, version = '' }) {
  const doc = document.implementation.createHTMLDocument('');
  const h = createBuilder(doc);
  doc.documentElement.lang = 'en';
  doc.head.append(
    h('meta', { charset: 'utf-8' }),
    h('meta', { 'http-equiv': 'Content-Security-Policy', content: await reportCsp(css) }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { name: 'referrer', content: 'no-referrer' }),
    h('meta', { name: 'generator', content: `Readout Diff ${version ?? ''}`.trim() }));
  doc.title = title;
  return { doc, h };
}

// The stylesheet (the page's own text, no input in it) is added to the serialized markup: a
// <style> element in a document built here would be checked against this page's CSP.
export function serializeStaticDocument(doc, css) {
  const html = doc.documentElement.outerHTML.replace('</head>', `<style>${css}</style></head>`);
  return `<!DOCTYPE html>\n${html}\n`;
}

// A hash of the one stylesheet where the browser can compute it (secure contexts, including
// file://); elsewhere inline styles are allowed, which is harmless in a document without script.
async function reportCsp(css) {
  let styleSource = "'unsafe-inline'";
  if (globalThis.crypto?.subtle) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(css));
    styleSource = `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
  }
  return `default-src 'none'; style-src ${styleSource}; img-src data:; base-uri 'none'; form-action 'none'`;
}
