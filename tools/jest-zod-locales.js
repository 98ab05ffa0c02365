// jest: zod's locale index (zod/v4/locales/index.cjs), with each locale loaded when it is first
// read. zod's entry requires all 60-odd locales at once although it configures only English
// (which it loads itself); through jest's module registry that is about 40 ms of every test
// process. The names and files are read from zod's own index, so the exports stay the same.
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const dir = join(dirname(require.resolve('zod')), 'v4', 'locales');
const index = readFileSync(join(dir, 'index.cjs'), 'utf8');
const files = Object.fromEntries([...index.matchAll(/var (\w+) = require\("\.\/([\w-]+\.cjs)"\);/g)].map(([, local, file]) => [local, file]));
const names = [
  ...index.matchAll(/Object\.defineProperty\(exports, "(\w+)", \{ enumerable: true, get: function \(\) \{ return __importDefault\((\w+)\)\.default; \} \}\);/g),
];
if (names.length === 0 || names.some(([, , local]) => !files[local]))
  throw new Error(`tools/jest-zod-locales.js: ${join(dir, 'index.cjs')} no longer has the shape this reads`);

Object.defineProperty(exports, '__esModule', { value: true });
for (const [, name, local] of names) {
  Object.defineProperty(exports, name, {
    enumerable: true,
    get: () => {
      const locale = require(join(dir, files[local]));
      return locale && locale.__esModule ? locale.default : locale;
    },
  });
}
