/**
 * Kie's dedicated task APIs (not the market's createTask): each has its own generate endpoint,
 * its own task-detail endpoint and its own record shape. A dedicated API is known by the docs
 * page of its generate endpoint (below docs.kie.ai): the model id its snapshot is stored under.
 * Loaded by the module (recordings name the model of a request), so it holds data only.
 */

/** The record shapes Kie's dedicated task-detail endpoints answer. */
export type KieRecordFamily = 'veo' | 'aleph' | 'suno';

export interface KieDedicatedApi {
  /** The docs page of the generate endpoint: the model id of its snapshot. */
  page: string;
  family: KieRecordFamily;
  /** Operation (request log, faults) and path below the prefix of the generate endpoint. */
  generate: { operation: string; path: string };
  /** Operation and path of the task-detail endpoint (Suno's music and sounds share one). */
  recordInfo: { operation: string; path: string };
}

export const KIE_DEDICATED_APIS: readonly KieDedicatedApi[] = [
  {
    page: 'veo3-api/generate-veo-3-video',
    family: 'veo',
    generate: { operation: 'veoGenerate', path: 'api/v1/veo/generate' },
    recordInfo: { operation: 'veoRecordInfo', path: 'api/v1/veo/record-info' },
  },
  {
    page: 'runway-api/generate-aleph-video',
    family: 'aleph',
    generate: { operation: 'alephGenerate', path: 'api/v1/aleph/generate' },
    recordInfo: { operation: 'alephRecordInfo', path: 'api/v1/aleph/record-info' },
  },
  {
    page: 'suno-api/generate-music',
    family: 'suno',
    generate: { operation: 'sunoGenerate', path: 'api/v1/generate' },
    recordInfo: { operation: 'sunoRecordInfo', path: 'api/v1/generate/record-info' },
  },
  {
    page: 'suno-api/generate-sounds',
    family: 'suno',
    generate: { operation: 'sunoSounds', path: 'api/v1/generate/sounds' },
    recordInfo: { operation: 'sunoRecordInfo', path: 'api/v1/generate/record-info' },
  },
];

/** The dedicated API whose generate endpoint is `path` (below the prefix, with or without a leading slash). */
export const dedicatedApiAt = (path: string): KieDedicatedApi | undefined => KIE_DEDICATED_APIS.find((api) => api.generate.path === path.replace(/^\/+/, ''));

/** True for a path (below the prefix) of a dedicated API: its generate or task-detail endpoint. */
export const isDedicatedPath = (path: string): boolean =>
  KIE_DEDICATED_APIS.some((api) => [api.generate.path, api.recordInfo.path].includes(path.replace(/^\/+/, '')));
