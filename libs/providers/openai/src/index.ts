export { descriptor } from './descriptor';
export { createOpenAIClient, openAIOptionsFor, type OpenAIAdapterOptions } from './openai-client';
export { mapOpenAIError } from './openai-error';
export { defineOpenAIGenerator, type OpenAIGeneratorSpec } from './openai-generator';
export { generateOpenAIImages, transcribeWithOpenAI, type OpenAIImageParams, type OpenAITranscriptionParams } from './openai-operations';
