module.exports = require('../../jest.preset.js')(__dirname, { maxWorkers: require('../jest-workers') });
