import { describeRef } from './describe-ref';

describe('describeRef', () => {
  it('keeps short paths and URLs as they are', () => {
    expect(describeRef('/tmp/a.png')).toBe('/tmp/a.png');
    expect(describeRef('https://example.com/a.png')).toBe('https://example.com/a.png');
  });

  it('drops the payload of a data: URL', () => {
    const ref = `data:image/png;base64,${'A'.repeat(5000)}`;
    expect(describeRef(ref)).toBe(`data:image/png;base64,… (${ref.length} chars)`);
  });

  it('drops query and fragment of http(s) URLs, where presigned credentials live', () => {
    expect(describeRef('https://bucket.s3.amazonaws.com/a.png?X-Amz-Signature=deadbeef#x')).toBe('https://bucket.s3.amazonaws.com/a.png?…');
  });

  it('truncates long refs', () => {
    const shown = describeRef(`/tmp/${'x'.repeat(500)}.png`);
    expect(shown).toHaveLength(120);
    expect(shown.endsWith('…')).toBe(true);
  });
});
