// tools/serve.mjs, the server `tools/run` starts for the served page: a malformed request gets an
// answer and the server lives on, and every response carries the page's Content-Security-Policy
// (a worker started from worker.js takes its policy from the HTTP header, not from the page), with
// frame-ancestors: only the page's origin, and the iframe mode's named parent, may frame it.
// Serves web/ itself, which holds index.html and worker.js: no build needed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const webDir = join(repo, 'web');
const pagePolicy = readFileSync(join(webDir, 'index.html'), 'utf8')
  .match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];

let server, origin;
before(async () => {
  server = spawn(process.execPath, [join(repo, 'tools/serve.mjs'), webDir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  origin = await new Promise((resolveOrigin, reject) => {
    server.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code} before listening`)));
    server.stdout.setEncoding('utf8').once('data', (line) => resolveOrigin(line.trim().replace(/\/$/, '')));
  });
});
after(() => server.kill());

test('a path that is not valid percent-encoding is a 400, and the server keeps answering', async () => {
  for (const path of ['/%', '/%E0%A4', '/worker%2.js']) {
    const response = await fetch(origin + path);
    assert.equal(response.status, 400, path);
  }
  assert.equal(server.exitCode, null, 'the server is still running');
  assert.equal((await fetch(`${origin}/`)).status, 200);
});

test('every response carries the page\'s policy as a header, worker.js included', async () => {
  for (const [path, status] of [['/', 200], ['/index.html', 200], ['/worker.js', 200], ['/missing.js', 404], ['/%', 400]]) {
    const response = await fetch(origin + path);
    assert.equal(response.status, status, path);
    assert.equal(response.headers.get('content-security-policy'), `${pagePolicy}; frame-ancestors 'self'`, path);
  }
  const worker = await fetch(`${origin}/worker.js`);
  assert.equal(worker.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.equal(await worker.text(), readFileSync(join(webDir, 'worker.js'), 'utf8'));
});

test('only the page itself, or the parent the iframe mode names, may frame it', async () => {
  const policyOf = async (path) => (await fetch(origin + path)).headers.get('content-security-policy');
  assert.ok((await policyOf('/index.html')).endsWith("; frame-ancestors 'self'"));
  const named = await policyOf(`/index.html?embed=1&parent-origin=${encodeURIComponent('https://cms.example.org')}`);
  assert.ok(named.endsWith("; frame-ancestors 'self' https://cms.example.org"), named);
  // Anything that is not exactly an origin names no one: a path, another scheme, a second source.
  for (const bad of ['https://cms.example.org/news', 'javascript:alert(1)', "https://a.example 'unsafe-inline'", '*', 'x']) {
    const policy = await policyOf(`/index.html?embed=1&parent-origin=${encodeURIComponent(bad)}`);
    assert.ok(policy.endsWith("; frame-ancestors 'self'"), `${bad}: ${policy}`);
  }
});
