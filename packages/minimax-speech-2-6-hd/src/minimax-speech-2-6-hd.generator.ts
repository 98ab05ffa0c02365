import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';

/** Inputs of fal-ai/minimax/speech-2.6-hd on fal (the fields this package supports). */
export const minimaxSpeech26HdInput = z.strictObject({
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
  source: 'https://fal.ai/models/fal-ai/minimax/speech-2.6-hd',
  unit: '1k-characters',
});

export const minimaxSpeech26Hd = defineFalGenerator({
  id: 'minimax-speech-2-6-hd',
  title: 'MiniMax Speech 2.6 HD',
  description: 'Text to speech with MiniMax Speech 2.6 HD on fal',
  model: 'fal-ai/minimax/speech-2.6-hd',
  family: 'minimax/speech-2.6-hd',
  artifactType: 'audio',
  inputSchema: minimaxSpeech26HdInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'Hello.' },
  // Billed per 1,000 characters of the text sent.
  estimateCost: (input) => estimateFromPrice(price, input.prompt.length / 1000),
});
