// Natively signed Stripe Issuing declines for B1: a fresh event id and `Stripe-Signature`
// (t=…,v1=hex HMAC-SHA256 of "t.body" keyed with the whole endpoint secret) per request.
// Loaded in the load generator's child process (see load.cjs).
const { createHmac } = require('node:crypto');

function eventBody(id, n) {
  return JSON.stringify({
    id,
    object: 'event',
    api_version: '2025-10-29.clover',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type: 'issuing_authorization.created',
    data: {
      object: {
        id: `iauth_bench_${n}`,
        object: 'issuing.authorization',
        amount: 48_000,
        currency: 'usd',
        approved: false,
        status: 'closed',
        card: { id: 'ic_bench', last4: '4242', cardholder: { name: 'Dana Ortiz', email: 'dana@example.com' } },
        merchant_data: { category: 'lumber_and_building_materials_stores', name: 'Builders Supply' },
        request_history: [{ approved: false, amount: 48_000, reason: 'spending_controls', reason_message: null }],
      },
    },
  });
}

/** An autocannon setupRequest signing the way Stripe does, with the given endpoint secret. */
function stripeSigner(secret) {
  let sequence = 0;
  return (request) => {
    sequence += 1;
    const id = `evt_bench_${process.pid}_${sequence}`;
    const timestamp = Math.floor(Date.now() / 1000);
    const body = eventBody(id, sequence);
    const v1 = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    return {
      ...request,
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'stripe-signature': `t=${timestamp},v1=${v1}` },
    };
  };
}

module.exports = { stripeSigner };
