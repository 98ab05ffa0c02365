import { InputValidationError } from './errors';
import { uploadDeclaredFiles, type UploadOne } from './uploads';

interface Input {
  prompt: string;
  image_urls: string[];
  mask?: string;
  start_frames?: string[];
}

function recorder() {
  const calls: Array<[string, string]> = [];
  const upload: UploadOne = async (ref, accept) => {
    calls.push([ref, accept]);
    return `https://files.test/${ref}`;
  };
  return { calls, upload };
}

describe('uploadDeclaredFiles', () => {
  it('uploads each reference of a declared array and of a declared single field, with its media type', async () => {
    const { calls, upload } = recorder();
    const input: Input = { prompt: 'p', image_urls: ['a.png', 'b.png'], mask: 'm.png' };
    const sent = await uploadDeclaredFiles('demo', input, { image_urls: 'image', mask: 'image' }, upload);
    expect(sent).toEqual({ prompt: 'p', image_urls: ['https://files.test/a.png', 'https://files.test/b.png'], mask: 'https://files.test/m.png' });
    expect(calls.sort()).toEqual([
      ['a.png', 'image'],
      ['b.png', 'image'],
      ['m.png', 'image'],
    ]);
    expect(input.image_urls).toEqual(['a.png', 'b.png']);
  });

  it('leaves an absent optional field out and undeclared fields as they are', async () => {
    const { calls, upload } = recorder();
    const sent = await uploadDeclaredFiles('demo', { prompt: 'p', image_urls: ['a.png'] } as Input, { start_frames: 'image' }, upload);
    expect(sent).toEqual({ prompt: 'p', image_urls: ['a.png'] });
    expect(sent).not.toHaveProperty('start_frames');
    expect(calls).toEqual([]);
  });

  it('refuses a declared field that holds no reference, naming it', async () => {
    const { upload } = recorder();
    const bad = { prompt: 'p', image_urls: [42] } as unknown as Input;
    const error = await uploadDeclaredFiles('demo', bad, { image_urls: 'image' }, upload).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect((error as InputValidationError).fields).toEqual(['image_urls']);
  });
});
