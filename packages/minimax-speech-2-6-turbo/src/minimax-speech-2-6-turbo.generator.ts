import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';

/** Inputs of fal-ai/minimax/speech-2.6-turbo on fal (the fields this package supports). */
export const minimaxSpeech26TurboInput = z.strictObject({
  prompt: z
    .string()
    .min(1)
    .describe(
      'Text to convert to speech. Paragraph breaks should be marked with newline characters. **NOTE**: You can customize speech pauses by adding markers in the form <#x#>, where x is the pause duration in...',
    ),
  language_boost: z
    .enum([
      'Chinese',
      'Chinese,Yue',
      'English',
      'Arabic',
      'Russian',
      'Spanish',
      'French',
      'Portuguese',
      'German',
      'Turkish',
      'Dutch',
      'Ukrainian',
      'Vietnamese',
      'Indonesian',
      'Japanese',
      'Italian',
      'Korean',
      'Thai',
      'Polish',
      'Romanian',
      'Greek',
      'Czech',
      'Finnish',
      'Hindi',
      'Bulgarian',
      'Danish',
      'Hebrew',
      'Malay',
      'Slovak',
      'Swedish',
      'Croatian',
      'Hungarian',
      'Norwegian',
      'Slovenian',
      'Catalan',
      'Nynorsk',
      'Afrikaans',
      'auto',
    ])
    .optional()
    .describe('Enhance recognition of specified languages and dialects'),
  output_format: z.enum(['url', 'hex']).default('hex').describe('Format of the output content (non-streaming only)'),
  // Not supported by this package (their shape is not expressed): audio_setting, normalization_setting, pronunciation_dict, voice_setting.
});

const price = unknownPrice({
  reason: "fal's own pages at hand state none for this endpoint, and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/minimax/speech-2.6-turbo',
  unit: '1k-characters',
});

export const minimaxSpeech26Turbo = defineFalGenerator({
  id: 'minimax-speech-2-6-turbo',
  title: 'MiniMax Speech 2.6 Turbo',
  description: 'Text to speech with MiniMax Speech 2.6 Turbo on fal',
  model: 'fal-ai/minimax/speech-2.6-turbo',
  family: 'minimax/speech-2.6-turbo',
  artifactType: 'audio',
  inputSchema: minimaxSpeech26TurboInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background' },
  // Billed per 1,000 characters of the text sent.
  estimateCost: (input) => estimateFromPrice(price, input.prompt.length / 1000),
});
