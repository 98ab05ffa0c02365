import {
  BudgetExceededError,
  CanceledError,
  CancelUnconfirmedError,
  GenerationFailedError,
  InputValidationError,
  InvalidConfigError,
  MissingKeyError,
  ModelRetiredError,
  ProviderError,
  TimeoutError,
  UnknownGeneratorError,
} from '@boards/core';
import { CliError, usageError } from './errors';
import { exitCodeFor } from './exit-codes';

describe('exitCodeFor', () => {
  it.each([
    [new InputValidationError('g', [{ field: 'x', message: 'bad' }]), 2],
    [new UnknownGeneratorError('g', []), 2],
    [usageError('unknown option --x'), 2],
    [new ModelRetiredError({ generatorId: 'dalle3', model: 'dall-e-3', retiredOn: '2026-05-12', successor: 'gpt-image-2' }), 2],
    [new MissingKeyError('FAL_KEY'), 3],
    [new InvalidConfigError('BOARDS_GENERATOR_API_KEYS', 'not JSON'), 3],
    [new ProviderError('boom', { provider: 'fal', status: 500 }), 4],
    [new GenerationFailedError('replicate', 'NSFW'), 4],
    [new TimeoutError('fal request', 1000), 4],
    [new CliError('PROVIDER_CANCELED', 'canceled by the provider', { exitCode: 4 }), 4],
    [new CliError('CONFIRMATION_REQUIRED', 'no terminal'), 5],
    [new BudgetExceededError({ generatorId: 'g', spentUsd: '1', requestedUsd: '1', limitUsd: '1' }), 5],
    [new CanceledError(), 130],
    [new CancelUnconfirmedError('fal', 'req-1', 'status 500'), 6],
    [new Error('bug'), 1],
  ])('%s -> %i', (error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });
});
