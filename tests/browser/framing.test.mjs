// The served page under tools/serve.mjs (the server `tools/run` starts) cannot be framed by another
// site, which would then show itself the viewer and the drafts it holds; the iframe mode's named
// parent can. What a person sees in the frame is checked: the viewer's heading, or nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, servedDir, serveDirectory } from './harness.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PARENT_PAGE = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Other site</title></head><body><h1>Other site</h1></body></html>';

let browser, server, viewerOrigin, otherSite;
before(async () => {
  browser = await launchBrowser();
  server = spawn(process.execPath, [join(repo, 'tools/serve.mjs'), servedDir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  viewerOrigin = await new Promise((resolveOrigin, reject) => {
    server.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code} before listening`)));
    server.stdout.setEncoding('utf8').once('data', (line) => resolveOrigin(line.trim().replace(/\/$/, '')));
  });
  // Another origin (localhost against the viewer's 127.0.0.1).
  otherSite = await serveDirectory(servedDir, { host: 'localhost', extraPages: { '/other.html': PARENT_PAGE } });
});
after(async () => {
  await browser?.close();
  server?.kill();
  await otherSite?.close();
});

// Frames `src` in a page of the other site; gives the frame's title and the text it shows (null if
// it shows none of the viewer).
async function framedText(src) {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${otherSite.origin}/other.html`);
    await page.evaluate((url) => new Promise((done) => {
      const frame = document.createElement('iframe');
      frame.style.width = '900px';
      frame.style.height = '600px';
      frame.addEventListener('load', () => done(), { once: true });
      frame.src = url;
      document.body.append(frame);
    }), src);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    if (!frame || !frame.url().startsWith(viewerOrigin)) return null;  // Chromium put its error page there
    return await frame.evaluate(() => `${document.title}\n${document.body?.innerText ?? ''}`);
  } finally {
    await page.close();
  }
}

test('another site that frames the served page sees no viewer', async () => {
  assert.equal(await framedText(`${viewerOrigin}/index.html`), null);
});

test('the parent the iframe mode names may frame it', async () => {
  const text = await framedText(`${viewerOrigin}/index.html?embed=1&parent-origin=${encodeURIComponent(otherSite.origin)}`);
  assert.ok(text !== null && text.includes('Readout Diff'), `the viewer shows in its named parent: ${text}`);
});
