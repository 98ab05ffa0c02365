/**
 * `boards drift` on whole documents: each generator's stored snapshot (packages/<id>/snapshot.json)
 * against what its provider publishes now, and the generator against its snapshot; `--update`
 * stores what is published (and leaves an unchanged snapshot's file alone); `--stored` checks
 * the generator against its snapshot alone, offline. Which documents a provider publishes and
 * how they read is its descriptor's `published.document`: nothing here names a provider.
 */
import { writeFileSync } from 'node:fs';
import { getKey } from '@boards/config';
import {
  findGeneratorPackage,
  PublishedNotFoundError,
  requireProvider,
  type AnyGenerator,
  type PublishedDocumentSource,
  type PublishedModel,
  type PublishedReader,
} from '@boards/core';
import {
  checkGenerator,
  compareModels,
  diffDocuments,
  documentSource,
  lifecycleDrift,
  readSnapshot,
  snapshotPath,
  snapshotText,
  type Snapshot,
} from '@boards/testing/drift';
import { HttpStatusError } from './bounded-fetch';
import { getDocument } from './published';
import { checkSchemaGraph, UnreadableSchemaError } from './schema-graph';

export interface SnapshotDrift {
  generator: string;
  provider: string;
  model: string;
  /**
   * `error`: the source could not be checked (no key, unreachable); `unreadable`: the provider
   * published a schema that refers to itself or expands without end (not drift); `skipped`: a retired model.
   */
  status: 'ok' | 'drift' | 'error' | 'unreadable' | 'skipped';
  /** The snapshot file. */
  snapshot?: string;
  /** The URLs read (with --stored: the URLs the snapshot was read from, its provenance). */
  source?: string;
  /** With --stored: when the snapshot's document was fetched (its provenance). */
  fetchedAt?: string;
  reason?: string;
  /**
   * One change a line: `[published]` stored against published, `[document]` the raw document, `[generator]` the generator
   * against its snapshot, `[lifecycle]`, and with --stored `[snapshot]`: none stored, or one of another model.
   */
  lines: string[];
  /** With --update: whether the snapshot file was rewritten. */
  updated?: boolean;
}

/** A source that cannot be read for want of a key: not checked (exit 4), never "no drift". */
class CannotCheckError extends Error {}

/** Reads published documents for `generator`'s provider: bounded fetches, its key from the settings when a document needs one. */
function readerFor(generator: AnyGenerator, env: NodeJS.ProcessEnv, cwd: string): PublishedReader {
  const provider = requireProvider(generator.provider);
  return {
    url: (variable, defaultUrl) => (env[variable] || defaultUrl).replace(/\/+$/, ''),
    async get(url, options) {
      const headers: Record<string, string> = {};
      if (options?.auth) {
        // From the environment, BOARDS_GENERATOR_API_KEYS or the .env of `cwd`; nothing is written to `env`.
        const key = getKey(provider.name, { env, cwd });
        if (!key)
          throw new CannotCheckError(`could not check: ${provider.key.variable} not set (${provider.displayName} serves ${url} to authenticated calls only)`);
        headers.authorization = `Bearer ${key}`;
      }
      try {
        return await getDocument(url, headers);
      } catch (error) {
        if (error instanceof HttpStatusError && error.status === 404) throw new PublishedNotFoundError(url);
        throw error;
      }
    },
  };
}

const canonical = (x: unknown): string =>
  JSON.stringify(x, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A generator's result before anything is read; a retired model is skipped (its provider no longer serves it). */
function resultOf(generator: AnyGenerator): SnapshotDrift {
  const result: SnapshotDrift = { generator: generator.id, provider: generator.provider, model: generator.model, status: 'ok', lines: [] };
  if (generator.lifecycle?.status === 'retired')
    return { ...result, status: 'skipped', reason: `${generator.model} is retired: the provider no longer serves it` };
  return result;
}

/** Why a document's schemas cannot be walked (one refers to itself or expands without end, naming the $ref), or undefined. */
function unreadableSchema(source: PublishedDocumentSource, model: string, documents: Array<Record<string, unknown> | undefined>): string | undefined {
  try {
    for (const doc of documents)
      for (const { schema, root } of doc ? source.schemas(doc, model) : []) checkSchemaGraph(schema, root as Record<string, unknown>);
  } catch (error) {
    if (error instanceof UnreadableSchemaError) return error.message;
    throw error;
  }
  return undefined;
}

/** The generator's snapshot against what is published now; with `update`, the published document stored when it differs. */
export async function snapshotDrift(generator: AnyGenerator, root: string, env: NodeJS.ProcessEnv, cwd: string, update: boolean): Promise<SnapshotDrift> {
  const result = resultOf(generator);
  if (result.status === 'skipped') return result;
  const dir = findGeneratorPackage(root, generator.id).dir;
  result.snapshot = snapshotPath(dir);
  let stored: Snapshot | undefined;
  let published: { document: Record<string, unknown>; urls: string[] };
  const source = documentSource(generator.provider);
  try {
    stored = readSnapshot(dir);
    published = await source.fetch(generator.model, generator.artifactType, readerFor(generator, env, cwd));
  } catch (error) {
    if (error instanceof PublishedNotFoundError)
      return { ...result, status: 'drift', source: error.url, lines: [`[lifecycle] ${generator.model}: no longer published (GET ${error.url} answered 404)`] };
    return { ...result, status: 'error', reason: message(error) };
  }
  result.source = published.urls.join(' + ');
  // Both documents are walked below: one that refers to itself is refused first, naming the $ref.
  const unreadable = unreadableSchema(source, generator.model, [published.document, stored?.document]);
  if (unreadable) return { ...result, status: 'unreadable', reason: unreadable };
  const facts = (document: Record<string, unknown>) => source.facts(document, generator.model, generator.artifactType);
  const now = facts(published.document);
  result.lines.push(...lifecycleDrift(generator.model, now).map((l) => `[lifecycle] ${l}`));
  if (!stored) result.lines.push(`[published] no snapshot stored at ${result.snapshot}: run boards drift --update ${generator.id}`);
  else {
    result.lines.push(...compareModels(facts(stored.document), now).map((l) => `[published] ${l}`));
    result.lines.push(...diffDocuments(stored.document, published.document, 'document').map((l) => `[document] ${l}`));
  }
  const unchanged = stored !== undefined && stored.model === generator.model && canonical(stored.document) === canonical(published.document);
  if (update && !unchanged) {
    stored = {
      provenance: { urls: published.urls, fetchedAt: new Date().toISOString(), how: 'boards drift --update' },
      provider: generator.provider,
      model: generator.model,
      document: published.document,
    };
    writeFileSync(result.snapshot, snapshotText(stored));
    result.updated = true;
  } else if (update) result.updated = false;
  // After an update the stored document is the published one: what is left is what the generator must change.
  if (update) result.lines = result.lines.filter((l) => l.startsWith('[lifecycle]'));
  if (stored) result.lines.push(...checkGenerator(generator, facts(stored.document), source).map((l) => `[generator] ${l}`));
  result.status = result.lines.length > 0 ? 'drift' : 'ok';
  return result;
}

/**
 * `--stored`: the generator against its stored snapshot, which stands for what is published; nothing is fetched, so it
 * runs offline (CI). The lines are those `snapshotDrift` gives of the generator (`[generator]`) and of the lifecycle the
 * snapshot states (`[lifecycle]`); a missing snapshot, or one of another model, is drift (`[snapshot]`), never "ok".
 */
export function storedDrift(generator: AnyGenerator, root: string): SnapshotDrift {
  const result = resultOf(generator);
  if (result.status === 'skipped') return result;
  const dir = findGeneratorPackage(root, generator.id).dir;
  result.snapshot = snapshotPath(dir);
  let stored: Snapshot | undefined;
  try {
    stored = readSnapshot(dir);
  } catch (error) {
    return { ...result, status: 'error', reason: `could not check: ${message(error)}` };
  }
  const drift = (line: string): SnapshotDrift => ({ ...result, status: 'drift', lines: [`[snapshot] ${line}`] });
  if (!stored) return drift(`no snapshot stored at ${result.snapshot}: run boards drift --update ${generator.id} where the provider is reachable`);
  result.source = stored.provenance.urls.join(' + ');
  result.fetchedAt = stored.provenance.fetchedAt;
  if (stored.provider !== generator.provider || stored.model !== generator.model)
    return drift(`the snapshot is of ${stored.provider} ${stored.model}; the generator calls ${generator.provider} ${generator.model}`);
  const source = documentSource(generator.provider);
  const unreadable = unreadableSchema(source, generator.model, [stored.document]);
  if (unreadable) return { ...result, status: 'unreadable', reason: unreadable };
  let facts: PublishedModel;
  try {
    facts = source.facts(stored.document, generator.model, generator.artifactType);
  } catch (error) {
    return { ...result, status: 'error', reason: `could not check: ${result.snapshot}: ${message(error)}` };
  }
  result.lines.push(...lifecycleDrift(generator.model, facts).map((l) => `[lifecycle] ${l}`));
  result.lines.push(...checkGenerator(generator, facts, source).map((l) => `[generator] ${l}`));
  result.status = result.lines.length > 0 ? 'drift' : 'ok';
  return result;
}
