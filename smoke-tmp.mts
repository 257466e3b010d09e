import { startTestServer } from './tests/support/test-server.ts';
const t0 = performance.now();
const server = await startTestServer();
console.log('start', Math.round(performance.now() - t0));
const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sekretariat', password: 'demo' }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
for (const url of ['/api/spend/kpis', '/api/spend/breakdown?by=hf&limit=3', '/api/spend/breakdown?by=category&limit=3', '/api/spend/leakage', '/api/spend/a-suppliers', '/api/spend/breakdown?by=month&limit=3', '/api/agreements/expiring', '/api/spend/export?by=rhf']) {
  const s = performance.now();
  const r = await fetch(server.url + url, { headers: { cookie } });
  console.log(url, r.status, Math.round(performance.now() - s), (await r.text()).slice(0, 400));
}
await server.close();
