// Says which database the medium tests run against, so a CI log shows it plainly.
module.exports = async () => {
  const url = process.env.DATABASE_URL;
  const target = url
    ? `Postgres server at ${url.replace(/\/\/[^@/]*@/, '//')}`
    : 'embedded PGlite (DATABASE_URL not set)';
  process.stdout.write(`\nmedium tests: database = ${target}\n`);
};
