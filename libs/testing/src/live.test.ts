import { z } from 'zod';
import { defineGenerator } from '@boards/core';
import { liveSkipReason } from './live';

const make = (lifecycle?: Parameters<typeof defineGenerator>[0]['lifecycle']) =>
  defineGenerator({
    id: 'gate-test',
    title: 't',
    description: 't',
    provider: 'fal',
    model: 'fal-ai/gate-test',
    artifactType: 'image',
    inputSchema: z.strictObject({}),
    price: { usd: '0.01', unit: 'image', checkedOn: '2026-11-22' },
    lifecycle,
    cheapestInput: {},
    estimateCost: () => ({ known: true, micros: 10_000, basis: '1 image' }),
    run: async () => ({ artifacts: [] }),
  });

describe('live-test gate', () => {
  it('refuses to spend outside the test-live target, whatever keys exist', () => {
    expect(liveSkipReason(make(), { FAL_KEY: 'k'.repeat(20) })).toMatch(/run only through their target: npx nx run gate-test:test-live/);
  });

  it('names the missing variable inside the target', () => {
    const saved = { FAL_KEY: process.env.FAL_KEY };
    delete process.env.FAL_KEY;
    try {
      expect(liveSkipReason(make(), { BOARDS_LIVE_RUN: '1' })).toBe('FAL_KEY not set');
    } finally {
      if (saved.FAL_KEY !== undefined) process.env.FAL_KEY = saved.FAL_KEY;
    }
  });

  it('runs against the emulator without keys', () => {
    expect(liveSkipReason(make(), { BOARDS_LIVE_RUN: '1', BOARDS_EMULATOR: '1' })).toBeUndefined();
  });

  it('skips a retired model with the successor, even against the emulator', () => {
    const retired = make({ status: 'retired', retiredOn: '2026-05-12', successor: 'gpt-image-2' });
    expect(liveSkipReason(retired, { BOARDS_LIVE_RUN: '1', BOARDS_EMULATOR: '1' })).toBe('fal-ai/gate-test is retired 2026-05-12; use gpt-image-2');
  });
});
