// The child side of load.cjs: runs one autocannon pass and reports its figures over IPC.
const autocannon = require('autocannon');

const { url, connections, seconds, headers, signer } = JSON.parse(process.argv[2]);
const requests = signer ? [{ setupRequest: require(signer.module)[signer.export](...signer.args) }] : undefined;

autocannon({ url, connections, duration: seconds, headers, requests }, (error, result) => {
  if (error) {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  }
  process.send({ rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx }, () =>
    process.exit(0),
  );
});
