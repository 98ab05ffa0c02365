/**
 * The scaffold's seeder of fal (found next to the descriptor's `scaffold.starter`: `seedSnapshot`
 * and `seedableModels`, which `nx g @boards/tools:generator` and tools/plugin/scripts/seed-snapshot.js
 * call for any provider that has one). A fal endpoint's snapshot seeded offline: fal's per-endpoint queue OpenAPI document (the shape
 * `https://fal.ai/api/openapi/queue/openapi.json?endpoint_id=<id>` serves, as in
 * packages/nano-banana/snapshot.json) built from the fal client's own endpoint types
 * (`@fal-ai/client/src/types/endpoints.d.ts`). The .d.ts is parsed with the TypeScript compiler
 * API, never executed. It holds fields, types, enums, required fields, descriptions and the
 * defaults its comments state ("Default value: `x`"); it holds no numeric limits, so the seeded
 * document has none. Its provenance says so: `boards drift --update <generator>` replaces it with
 * the published document when run online.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as ts from 'typescript';

export interface Snapshot {
  provenance: { urls: string[]; fetchedAt: string; how: string };
  provider: string;
  model: string;
  document: Record<string, unknown>;
}

type Json = Record<string, unknown>;

/** The installed client's endpoint types file and version. */
export function falClientTypes(from = __dirname): { file: string; version: string } {
  // The package's exports hide package.json: walk up from its main entry.
  let dir = dirname(require.resolve('@fal-ai/client', { paths: [from] }));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  const pkg = join(dir, 'package.json');
  const version = (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  return { file: join(dirname(pkg), 'src/types/endpoints.d.ts'), version };
}

/** Every `export type X = ...` of the file, by name (parsed once per file). */
const parsed = new Map<string, { aliases: Map<string, ts.TypeAliasDeclaration>; source: ts.SourceFile }>();
function aliasesOf(file: string) {
  let entry = parsed.get(file);
  if (!entry) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const aliases = new Map<string, ts.TypeAliasDeclaration>();
    for (const statement of source.statements) if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, statement);
    entry = { aliases, source };
    parsed.set(file, entry);
  }
  return entry;
}

/** Endpoint ids the client types know. */
let ids: string[] | undefined;
export function falEndpointIds(file = falClientTypes().file): string[] {
  if (file === falClientTypes().file && ids) return ids;
  const map = aliasesOf(file).aliases.get('EndpointTypeMap');
  if (!map || !ts.isTypeLiteralNode(map.type)) throw new Error(`${file}: no EndpointTypeMap type literal`);
  const found = map.type.members.flatMap((m) => (ts.isPropertySignature(m) && ts.isStringLiteral(m.name) ? [m.name.text] : []));
  if (file === falClientTypes().file) ids = found;
  return found;
}

function endpointTypes(file: string, endpoint: string): { input: string; output: string } {
  const map = aliasesOf(file).aliases.get('EndpointTypeMap');
  if (!map || !ts.isTypeLiteralNode(map.type)) throw new Error(`${file}: no EndpointTypeMap type literal`);
  const member = map.type.members.find((m) => ts.isPropertySignature(m) && ts.isStringLiteral(m.name) && m.name.text === endpoint);
  if (!member || !ts.isPropertySignature(member) || !member.type || !ts.isTypeLiteralNode(member.type)) {
    throw new Error(`--model: ${endpoint} is not an endpoint of the fal client's types (${file}); check the id on fal.ai/models`);
  }
  const named = (key: string) => {
    const prop = (member.type as ts.TypeLiteralNode).members.find((m) => ts.isPropertySignature(m) && m.name.getText() === key);
    if (!prop || !ts.isPropertySignature(prop) || !prop.type || !ts.isTypeReferenceNode(prop.type)) throw new Error(`${endpoint}: no ${key} type`);
    return prop.type.typeName.getText();
  };
  return { input: named('input'), output: named('output') };
}

/** "Default value: `x`" of a field's comment, as JSON. */
function defaultOf(comment: string): { value?: unknown; text: string } {
  const match = /\s*Default value: `([^`]*)`\s*$/.exec(comment);
  if (!match) return { text: comment.trim() };
  const text = comment.slice(0, match.index).trim();
  const raw = match[1];
  try {
    return { value: JSON.parse(raw), text };
  } catch {
    return { value: raw, text };
  }
}

function commentOf(node: ts.Node): string {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  return docs.map((d) => (typeof d.comment === 'string' ? d.comment : (d.comment ?? []).map((c) => c.text).join(''))).join('\n');
}

/** Integers: fal's schemas type these as integer; the client's types say only number. */
const INTEGER_NAME = /^(num_|seed$|max_|min_)|_steps$|(^|_)(count|frames|width|height)$/;

class Converter {
  readonly schemas: Record<string, Json> = {};
  constructor(private readonly file: string) {}

  /** A named alias into components.schemas (object types) or inline (unions of literals and the like). */
  named(name: string): Json {
    let alias = aliasesOf(this.file).aliases.get(name);
    // `export type A = B;` (Flux2ProInput = Flux2MaxInput): B's schema, under the name asked for.
    for (let hops = 0; alias && ts.isTypeReferenceNode(alias.type) && !alias.type.typeArguments && hops < 20; hops++) {
      alias = aliasesOf(this.file).aliases.get(alias.type.typeName.getText());
    }
    if (!alias) return {};
    if (!ts.isTypeLiteralNode(alias.type)) return this.type(alias.type, '');
    if (!(name in this.schemas)) {
      this.schemas[name] = {};
      this.schemas[name] = this.object(alias.type, name);
    }
    return { $ref: `#/components/schemas/${name}` };
  }

  object(node: ts.TypeLiteralNode, title: string): Json {
    const properties: Record<string, Json> = {};
    const required: string[] = [];
    const order: string[] = [];
    for (const member of node.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const key = member.name.getText().replace(/^["']|["']$/g, '');
      order.push(key);
      const { value, text } = defaultOf(commentOf(member));
      const schema: Json = {
        title: key
          .split('_')
          .map((w) => (w ? w[0].toUpperCase() + w.slice(1) : w))
          .join(' '),
        ...this.type(member.type, key),
      };
      if (text) schema.description = text;
      if (value !== undefined) schema.default = value;
      properties[key] = schema;
      if (!member.questionToken) required.push(key);
    }
    return { title, type: 'object', 'x-fal-order-properties': order, properties, ...(required.length ? { required } : {}) };
  }

  type(node: ts.TypeNode, key: string): Json {
    if (ts.isParenthesizedTypeNode(node)) return this.type(node.type, key);
    if (node.kind === ts.SyntaxKind.StringKeyword) return { type: 'string' };
    if (node.kind === ts.SyntaxKind.NumberKeyword) return { type: INTEGER_NAME.test(key) ? 'integer' : 'number' };
    if (node.kind === ts.SyntaxKind.BooleanKeyword) return { type: 'boolean' };
    if (node.kind === ts.SyntaxKind.AnyKeyword || node.kind === ts.SyntaxKind.UnknownKeyword) return {};
    if (ts.isLiteralTypeNode(node)) {
      if (ts.isStringLiteral(node.literal)) return { type: 'string', enum: [node.literal.text] };
      if (ts.isNumericLiteral(node.literal)) return { type: 'number', enum: [Number(node.literal.text)] };
      if (node.literal.kind === ts.SyntaxKind.TrueKeyword || node.literal.kind === ts.SyntaxKind.FalseKeyword) return { type: 'boolean' };
      if (node.literal.kind === ts.SyntaxKind.NullKeyword) return { type: 'null' };
    }
    if (ts.isArrayTypeNode(node)) return { type: 'array', items: this.type(node.elementType, key) };
    if (ts.isTypeLiteralNode(node)) return { ...this.object(node, key), title: undefined };
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText();
      const args = node.typeArguments ?? [];
      if (name === 'Array' && args[0]) return { type: 'array', items: this.type(args[0], key) };
      if (name === 'Record') return { type: 'object', additionalProperties: args[1] ? this.type(args[1], key) : true };
      // The client's types declare their own `File` (an object with a `url`: how outputs carry media); only
      // the DOM's Blob and File are bytes.
      if (name === 'Blob' || (name === 'File' && !aliasesOf(this.file).aliases.has('File'))) return { type: 'string', format: 'binary' };
      return this.named(name);
    }
    if (ts.isUnionTypeNode(node)) {
      // A file input (`string | Blob | File`) is a URL string on the wire.
      const parts = node.types.filter((t) => !(ts.isTypeReferenceNode(t) && ['Blob', 'File'].includes(t.typeName.getText())));
      const schemas = parts.map((t) => this.type(t, key));
      const literals = schemas.filter((s) => Array.isArray(s.enum) && Object.keys(s).length === 2);
      if (literals.length === schemas.length) {
        const type = schemas[0].type;
        if (schemas.every((s) => s.type === type)) return { type, enum: schemas.flatMap((s) => s.enum as unknown[]) };
      }
      if (schemas.length === 1) return schemas[0];
      // Literals folded into one enum beside the other members (`ImageSize | "square_hd" | ...`).
      const others = schemas.filter((s) => !literals.includes(s));
      const folded = literals.length ? [{ type: literals[0].type, enum: literals.flatMap((s) => s.enum as unknown[]) }] : [];
      return { anyOf: [...others, ...folded] };
    }
    return {};
  }
}

/** Title-cased name of an endpoint's schema, as fal names them (e.g. Flux2ProInput). */
function queueDocument(endpoint: string, input: Json, output: Json, schemas: Record<string, Json>, inputName: string, outputName: string): Json {
  const json = (schema: Json) => ({ 'application/json': { schema } });
  const requestId = { name: 'request_id', in: 'path', required: true, schema: { type: 'string', description: 'Request ID' } };
  const status = { $ref: '#/components/schemas/QueueStatus' };
  return {
    openapi: '3.0.4',
    info: {
      title: `Queue OpenAPI for ${endpoint}`,
      version: '1.0.0',
      description: `The OpenAPI schema for the ${endpoint} queue.`,
      'x-fal-metadata': {
        endpointId: endpoint,
        playgroundUrl: `https://fal.ai/models/${endpoint}`,
        documentationUrl: `https://fal.ai/models/${endpoint}/api`,
      },
    },
    components: {
      securitySchemes: { apiKeyAuth: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Fal Key' } },
      schemas: {
        QueueStatus: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED'] },
            request_id: { type: 'string', description: 'The request id.' },
            response_url: { type: 'string', description: 'The response url.' },
            status_url: { type: 'string', description: 'The status url.' },
            cancel_url: { type: 'string', description: 'The cancel url.' },
            logs: { type: 'object', description: 'The logs.', additionalProperties: true },
            metrics: { type: 'object', description: 'The metrics.', additionalProperties: true },
            queue_position: { type: 'integer', description: 'The queue position.' },
          },
          required: ['status', 'request_id'],
        },
        ...schemas,
      },
    },
    paths: {
      [`/${endpoint}/requests/{request_id}/status`]: {
        get: {
          parameters: [
            requestId,
            {
              name: 'logs',
              in: 'query',
              required: false,
              schema: { type: 'number', description: 'Whether to include logs (`1`) in the response or not (`0`).' },
            },
          ],
          responses: { '200': { description: 'The request status.', content: json(status) } },
        },
      },
      [`/${endpoint}/requests/{request_id}/cancel`]: {
        put: {
          parameters: [requestId],
          responses: {
            '200': {
              description: 'The request was cancelled.',
              content: json({ type: 'object', properties: { success: { type: 'boolean', description: 'Whether the request was cancelled successfully.' } } }),
            },
          },
        },
      },
      [`/${endpoint}`]: {
        post: { requestBody: { required: true, content: json(input) }, responses: { '200': { description: 'The request status.', content: json(status) } } },
      },
      [`/${endpoint}/requests/{request_id}`]: {
        get: { parameters: [requestId], responses: { '200': { description: 'Result of the request.', content: json(output) } } },
      },
    },
    servers: [{ url: 'https://queue.fal.run' }],
    security: [{ apiKeyAuth: [] }],
    'x-boards-seeded': { from: '@fal-ai/client src/types/endpoints.d.ts', input: inputName, output: outputName },
  };
}

/** The seeded snapshot of `endpoint` (e.g. fal-ai/flux-2-pro). */
export function seedFalSnapshot(endpoint: string, options: { file?: string; version?: string; now?: Date } = {}): Snapshot {
  const client = options.file ? { file: options.file, version: options.version ?? 'unknown' } : falClientTypes();
  const { input, output } = endpointTypes(client.file, endpoint);
  const converter = new Converter(client.file);
  const inputRef = converter.named(input);
  const outputRef = converter.named(output);
  const url = `https://fal.ai/api/openapi/queue/openapi.json?endpoint_id=${encodeURIComponent(endpoint)}`;
  return {
    provenance: {
      urls: [url],
      fetchedAt: (options.now ?? new Date()).toISOString(),
      how:
        `seeded offline from the fal client's endpoint types (@fal-ai/client ${client.version}, src/types/endpoints.d.ts: ${input} and ${output}), ` +
        'parsed with the TypeScript compiler API: fields, enums, required fields, descriptions and stated defaults; no numeric limits. ' +
        `Replace it with the published document: boards drift --update <generator>`,
    },
    provider: 'fal',
    model: endpoint,
    document: queueDocument(endpoint, inputRef, outputRef, converter.schemas, input, output),
  };
}

/** The seeder's interface (see the header): a model's snapshot, seeded offline. */
export function seedSnapshot(model: string, now?: Date): Snapshot {
  return seedFalSnapshot(model, { now });
}

/** The seeder's interface: every model it can seed. */
export function seedableModels(): string[] {
  return falEndpointIds();
}
