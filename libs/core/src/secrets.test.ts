import { redactSecrets, registerSecret } from './secrets';

/** Every run of 8 characters of `secret`: none of them may survive redaction. */
const windowsOf = (secret: string) => Array.from({ length: secret.length - 7 }, (_, i) => secret.slice(i, i + 8));

describe('redactSecrets', () => {
  // A key with a space and shell characters: a CLI that splits or quotes it prints pieces of it.
  const key = 'r8_Zq7 wX$2;pL9&mK4|vB6nH3jT5';
  registerSecret(key);

  it('removes every fragment of 8 or more characters of a registered key, not only the whole key', () => {
    const text = [
      `tail: ${key.slice(-12)}`,
      `after the space: ${key.slice(key.indexOf(' ') + 1)}`,
      `quoted by a shell: '${key.slice(4, 16)}'`,
      `short piece stays: ${key.slice(0, 7)}`,
    ].join('\n');
    const out = redactSecrets(text);
    for (const window of windowsOf(key)) expect({ window, leaked: out.includes(window) }).toEqual({ window, leaked: false });
    expect(out).toBe(
      // The space before the piece goes too: " wX$2;pL" is a run of the key itself.
      ['tail: [REDACTED]', 'after the space:[REDACTED]', "quoted by a shell: '[REDACTED]'", `short piece stays: ${key.slice(0, 7)}`].join('\n'),
    );
  });

  it("redacts the fragments of a JSON document's values but keeps its variable names readable", () => {
    const value = 'fal-Hx81QpZe44:Kd93LmVw0aTy';
    registerSecret(JSON.stringify({ REPLICATE_API_TOKEN: value }));
    const out = redactSecrets(`Missing REPLICATE_API_TOKEN; got ...${value.slice(-10)}`);
    expect(out).toBe('Missing REPLICATE_API_TOKEN; got ...[REDACTED]');
  });

  it('stays fast on long texts', () => {
    for (let i = 0; i < 20; i++) registerSecret(`sk-${i}-Fq2Lw9Rt7Yx3Zc8Vb1Nm6${i}`);
    const long = 'lorem ipsum dolor sit amet 0123456789 '.repeat(100_000) + key.slice(-9);
    const started = performance.now();
    const out = redactSecrets(long);
    expect(out.endsWith('[REDACTED]')).toBe(true);
    // 3.8 MB with 21 keys: a window scan, not a search per window (that takes seconds).
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
