// A minimal static file server for the built page, bound to 127.0.0.1 only.
// Usage: node tools/serve.mjs FOLDER [PORT]   (PORT 0 picks a free port; the URL is printed)
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const folder = resolve(process.argv[2] ?? '.');
const port = Number(process.argv[3] ?? 8765);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

// The page's own policy (its meta tag), sent as a header with every response: a worker started
// from worker.js gets its policy from the HTTP response only (docs/page.md).
const pageMeta = readFileSync(join(folder, 'index.html'), 'utf8')
  .match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
if (!pageMeta) throw new Error(`${join(folder, 'index.html')} has no Content-Security-Policy meta tag to serve`);
const headers = { 'Content-Security-Policy': `${pageMeta[1]}; frame-ancestors 'self'` };

// Who may frame the page (frame-ancestors, which a meta tag cannot set): the page's own origin, and
// in the iframe mode the one origin the embed names (?parent-origin=…, docs/page.md), so no other
// site can frame the viewer and show itself what it holds.
function headersFor(url) {
  let parent = null;
  try {
    const named = new URL(url, 'http://localhost').searchParams.get('parent-origin');
    const parsed = named === null ? null : new URL(named);
    if (parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.origin === named) parent = named;
  } catch {
    parent = null;  // not an origin: only the page's own
  }
  if (parent === null) return headers;
  return { 'Content-Security-Policy': `${pageMeta[1]}; frame-ancestors 'self' ${parent}` };
}

function decodedPath(url) {
  try {
    return decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return null;  // not valid percent-encoding ("/%"): the request's fault, not the server's
  }
}

createServer(async (request, response) => {
  const path = decodedPath(request.url);
  if (path === null) {
    response.writeHead(400, headers).end('bad request');
    return;
  }
  const file = normalize(join(folder, path.endsWith('/') ? `${path}index.html` : path));
  if (file !== folder && !file.startsWith(folder + sep)) {  // no escaping the folder with ../
    response.writeHead(403, headers).end();
    return;
  }
  try {
    const body = await readFile(file);
    response.writeHead(200, { ...headersFor(request.url), 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404, headers).end('not found');
  }
}).listen(port, '127.0.0.1', function announce() {
  console.log(`http://127.0.0.1:${this.address().port}/`);
});
