import { authToken, sendJson } from '../../kernel/http';
import { generateImages } from './openai-images';
import { transcribe } from './openai-audio';
import { modelNotFound, openaiError } from './openai-errors';
import { findOpenAIModel, isServed, modelObject, OPENAI_MODELS } from './openai-models';
import type { ProviderDef } from '../../kernel/provider';
import type { ProviderHost } from '../../kernel/provider';

/** The OpenAI API under `/openai/v1`: image generations, audio transcriptions, models. */
export function createOpenAIProvider(state: ProviderHost): ProviderDef {
  return {
    id: 'openai',
    prefix: ['openai', 'v1'],
    // Every OpenAI key starts `sk-` (sk-proj-, sk-svcacct-, sk-admin-): another is refused as OpenAI refuses a wrong key.
    authorize: (ctx) => authToken(ctx, 'Bearer')?.startsWith('sk-') === true,
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
      { operation: 'images', method: 'POST', path: 'images/generations', handle: (ctx) => generateImages(ctx, state) },
      { operation: 'transcription', method: 'POST', path: 'audio/transcriptions', handle: (ctx) => transcribe(ctx, state) },
      {
        operation: 'models',
        method: 'GET',
        path: 'models',
        handle: (ctx) => sendJson(ctx, 200, { object: 'list', data: OPENAI_MODELS.filter((m) => isServed(m)).map(modelObject) }),
      },
      {
        operation: 'model',
        method: 'GET',
        path: 'models/:id',
        handle(ctx, { id }) {
          const model = findOpenAIModel(id);
          return model ? sendJson(ctx, 200, modelObject(model)) : modelNotFound(ctx, id);
        },
      },
    ],
  };
}
