// Iframe mode (index.html?embed=1): only the comparison is shown, and the frame tells its parent
// how tall it is so the parent can size the <iframe>. With ?parent-origin=<origin> the parent may
// also send texts; messages from any other origin or window are ignored.
//   parent → frame: {type: "readout-diff:texts", a: "…", b: "…"}
//   frame → parent: {type: "readout-diff:height", height: 1234}
//                   {type: "readout-diff:summary", summary: {…}}   after each comparison

export function embedSettings(location) {
  const params = new URLSearchParams(location.search);
  if (params.get('embed') !== '1') return null;
  return { parentOrigin: validOrigin(params.get('parent-origin')) };
}

function validOrigin(value) {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.origin !== 'null' && url.origin === value.replace(/\/$/, '') ? url.origin : null;
  } catch {
    return null;
  }
}

// Starts reporting the document height to the parent and accepting texts from it.
export function startEmbedding({ parentOrigin }, onTexts) {
  if (window.parent === window) return { sendSummary() {} };
  // A height is all the frame says unasked, so without a known parent origin it may go to any.
  const target = parentOrigin ?? '*';
  let lastHeight = 0;
  const sendHeight = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    window.parent.postMessage({ type: 'readout-diff:height', height }, target);
  };
  new ResizeObserver(sendHeight).observe(document.documentElement);
  sendHeight();

  if (parentOrigin) {
    window.addEventListener('message', (event) => {
      if (event.origin !== parentOrigin || event.source !== window.parent) return;
      const { type, a, b } = event.data ?? {};
      if (type === 'readout-diff:texts' && typeof a === 'string' && typeof b === 'string') onTexts({ a, b });
    });
  }
  // The summary carries no text, but it is only sent to a parent whose origin was named.
  return {
    sendSummary(summary) {
      if (parentOrigin) window.parent.postMessage({ type: 'readout-diff:summary', summary }, parentOrigin);
    },
  };
}
