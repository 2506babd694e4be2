// Load test of the read path the shop calls on every product page, and of the scanners' writes.
// Run against staging: k6 run -e BASE_URL=https://inventory.staging.example.com -e API_TOKEN=...
import http from 'k6/http';
import { check, sleep } from 'k6';

export const options = {
  scenarios: {
    shop: { executor: 'constant-arrival-rate', rate: 200, timeUnit: '1s', duration: '5m',
            preAllocatedVUs: 50, exec: 'readStock' },
    scanners: { executor: 'constant-arrival-rate', rate: 10, timeUnit: '1s', duration: '5m',
                preAllocatedVUs: 10, exec: 'writeStock' },
  },
  // The SLO from docs/performance-baseline.md: the run fails when it is missed.
  thresholds: {
    http_req_duration: ['p(95)<300', 'p(99)<800'],
    http_req_failed: ['rate<0.01'],
  },
};

const base = __ENV.BASE_URL;
const skus = ['SKU-1001', 'SKU-1002', 'SKU-2001', 'SKU-3005'];

export function readStock() {
  const sku = skus[Math.floor(Math.random() * skus.length)];
  const res = http.get(`${base}/stock/${sku}`);
  check(res, { 'read answered': (r) => r.status === 200 || r.status === 404 });
}

export function writeStock() {
  const sku = skus[Math.floor(Math.random() * skus.length)];
  const res = http.put(`${base}/stock/${sku}`, JSON.stringify({ quantity: 42 }), {
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${__ENV.API_TOKEN}` },
  });
  check(res, { 'write accepted': (r) => r.status === 200 });
  sleep(0.1);
}
