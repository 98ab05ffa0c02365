import { authToken, sendJson } from '../../kernel/http';
import { generateImages } from './openai-images';
import { transcribe } from './openai-audio';
import { modelNotFound, openaiError } from './openai-errors';
import { openaiModelFinder } from './openai-snapshot';
import { modelObject } from './openai-models';
import type { ProviderDef } from '../../kernel/provider';
import type { ProviderHost } from '../../kernel/provider';

/** Keys starting with this stand for a wrong or revoked key, so a test can drive OpenAI's invalid-key answer with the real SDK. */
export const WRONG_KEY_PREFIX = 'sk-invalid';

/** True for a missing key, a key with characters no key has (space, control, non-ASCII), or one of the WRONG_KEY_PREFIX stand-ins. */
function isWrongKey(key: string | undefined): boolean {
  return key === undefined || !/^[\x21-\x7e]+$/.test(key) || key.startsWith(WRONG_KEY_PREFIX);
}

/** The OpenAI API under `/openai/v1`: image generations, audio transcriptions, models. */
export function createOpenAIProvider(state: ProviderHost): ProviderDef {
  const find = openaiModelFinder(state);
  return {
    id: 'openai',
    prefix: ['openai', 'v1'],
    // The emulator cannot know which keys OpenAI issued, and the test rig hands any token: a key is
    // refused only when no issued key could look like it (see isWrongKey).
    authorize: (ctx) => !isWrongKey(authToken(ctx, 'Bearer')),
    unauthorized: (ctx) => {
      const headers = { 'www-authenticate': 'Bearer realm="OpenAI API"' };
      if (authToken(ctx, 'Bearer') === undefined) {
        const message =
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
        return openaiError(ctx, 401, message, {}, headers);
      }
      // OpenAI echoes a masked key here; the emulator names none of it (no key in an answer or a log).
      const message = 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.';
      openaiError(ctx, 401, message, { code: 'invalid_api_key' }, headers);
    },
    error: (ctx, status, message, headers) => openaiError(ctx, status, message, {}, headers),
    routes: [
      { operation: 'images', method: 'POST', path: 'images/generations', handle: (ctx) => generateImages(ctx, state, find) },
      { operation: 'transcription', method: 'POST', path: 'audio/transcriptions', handle: (ctx) => transcribe(ctx, state, find) },
      {
        operation: 'models',
        method: 'GET',
        path: 'models',
        handle: (ctx) =>
          sendJson(ctx, 200, {
            object: 'list',
            data: state.snapshotsOf('openai').flatMap((s) => {
              const found = find(s.model);
              return found ? [modelObject(found.model)] : [];
            }),
          }),
      },
      {
        operation: 'model',
        method: 'GET',
        path: 'models/:id',
        handle(ctx, { id }) {
          const found = find(id);
          return found ? sendJson(ctx, 200, modelObject(found.model)) : modelNotFound(ctx, id);
        },
      },
    ],
  };
}
