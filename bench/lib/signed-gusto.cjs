// Signed Gusto payroll failures for B1: every request a fresh webhook id, timestamp and
// signature. Loaded in the load generator's child process (see load.cjs).
const { createHmac } = require('node:crypto');

/** A realistic failure: a Gusto payroll rejection with an employee record (PII included). */
function eventBody(n) {
  return JSON.stringify({
    type: 'payroll.submit',
    occurredAt: new Date().toISOString(),
    data: {
      employeeId: `emp-${n}`,
      ssn: '123-45-6789',
      payrollDeadline: new Date(Date.now() + 86_400_000).toISOString(),
    },
    error: {
      message: `Employee ${n} is terminated in Gusto but still has hours in the submitted timecards`,
      httpStatus: 409,
    },
  });
}

/** An autocannon setupRequest signing with the base64 key of a `whsec_` secret. */
function gustoSigner(keyBase64) {
  const key = Buffer.from(keyBase64, 'base64');
  let sequence = 0;
  return (request) => {
    sequence += 1;
    const id = `msg_bench_${process.pid}_${sequence}`;
    const timestamp = Math.floor(Date.now() / 1000);
    const body = eventBody(sequence);
    const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
    return {
      ...request,
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': `v1,${signature}`,
      },
    };
  };
}

module.exports = { gustoSigner };
