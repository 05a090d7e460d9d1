// <readout-diff>: the comparison view as an embeddable custom element with its own Shadow DOM.
// Texts come from the attributes `a` and `b`, or from child elements with slot="a" / slot="b"
// (a <template> or a <pre>); the element re-compares when they change.
//   <readout-diff a="first text" b="second text"></readout-diff>
//   <readout-diff><pre slot="a">…</pre><template slot="b"><p>…</p></template></readout-diff>
// It fires "readout-diff:rendered" (detail: the report) and "readout-diff:error" (detail: {message, side}).
import { h } from './dom.js';
import { compareWithReview, ReadoutDiffError } from './api.js';
import { nodeToText } from './html-to-text.js';
import { createView } from './view.js';
import { viewStyleNodes } from './assets.js';

let elementCount = 0;

export class ReadoutDiffElement extends HTMLElement {
  static observedAttributes = ['a', 'b'];
  #root = null;
  #status = null;
  #host = null;
  #scheduled = false;
  #generation = 0;
  #view = null;
  #review = null;  // the analyst's decisions (createReview's JSON), kept while the element lives
  #compared = null;  // compareWithReview's last answer: a decision alone does not compare the texts again
  report = null;

  connectedCallback() {
    if (!this.#root) this.#build();
    this.#schedule();
  }

  attributeChangedCallback() {
    if (this.#root) this.#schedule();
  }

  #build() {
    this.#root = this.attachShadow({ mode: 'open' });
    this.#status = h('p', { class: 'rd-element-status', role: 'status' });
    this.#host = h('div', { class: 'rd-element-view' });
    this.#root.append(...viewStyleNodes(), this.#status, this.#host);
    // Light-DOM children are not slotted anywhere: they only carry texts, so they stay hidden.
    new MutationObserver(() => this.#schedule())
      .observe(this, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['slot'] });
    this.addEventListener('keydown', (event) => this.#view?.handleKey(event));
  }

  textOf(side) {
    if (this.hasAttribute(side)) return this.getAttribute(side);
    const source = this.querySelector(`:scope > [slot="${side}"]`);
    if (!source) return '';
    return source instanceof HTMLTemplateElement ? nodeToText(source.content) : source.textContent;
  }

  // Several changes in one task (e.g. setting both attributes) lead to one comparison.
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#compare();
    });
  }

  async #compare() {
    const generation = ++this.#generation;
    const a = this.textOf('a');
    const b = this.textOf('b');
    if (!a.trim() || !b.trim()) {
      this.#show('Waiting for two texts to compare.');
      this.#clearView();
      return;
    }
    this.#show('Comparing…');
    this.setAttribute('aria-busy', 'true');
    try {
      const compared = await compareWithReview(a, b, this.#review, this.#compared);
      if (generation !== this.#generation) return;
      this.#compared = compared;
      const { report, engineReport } = compared;
      const previous = this.#view;
      this.#view = createView(report, {
        idPrefix: `rd-element-${++elementCount}`, layout: previous?.layout, textSize: previous?.textSize, filters: previous?.filters, review: this.#review,
        engineReport,
      });
      // Each decision is the engine's to apply: the texts are compared again with it.
      this.#view.onReviewChange((review) => {
        this.#review = review;
        this.#schedule();
      });
      previous?.retire();
      this.#host.prepend(this.#view.element);
      this.#show('');
      this.report = report;
      this.#emit('readout-diff:rendered', report);
    } catch (error) {
      if (generation !== this.#generation) return;
      const side = error instanceof ReadoutDiffError && error.side ? error.side : null;
      this.#show(`${side ? `Readout ${side.toUpperCase()}: ` : ''}${error.message}`);
      this.#clearView();
      this.#emit('readout-diff:error', { message: error.message, side });
    } finally {
      if (generation === this.#generation) this.removeAttribute('aria-busy');
    }
  }

  #clearView() {
    this.#view?.retire();
    this.#view = null;
  }

  #show(message) {
    this.#status.textContent = message;
    this.#status.hidden = !message;
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

if (!customElements.get('readout-diff')) customElements.define('readout-diff', ReadoutDiffElement);
