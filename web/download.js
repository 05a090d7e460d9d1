// Saves generated text as a file through a Blob URL: the browser's own download, no network.
import { h } from './dom.js';

export function downloadText(filename, mimeType, text) {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download time to start before the Blob is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
