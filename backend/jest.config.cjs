// Unit tests: rules in isolation, no database, no network.
module.exports = require('../jest.preset.cjs').project(__dirname, 'backend');
