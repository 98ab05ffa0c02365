/** One invalid input field, in the vocabulary of pydantic (some providers answer in it natively). */
export interface Issue {
  path: (string | number)[];
  msg: string;
  type: string;
  ctx?: Record<string, unknown>;
}

/** Constraints of one input field: the facts of a provider's published schema that the emulator checks. */
export interface FieldRule {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  required?: boolean;
  /** null is accepted (and means "not given"). */
  nullable?: boolean;
  min?: number;
  max?: number;
  /** Strict lower bound (JSON Schema exclusiveMinimum). */
  exclusiveMin?: number;
  minLength?: number;
  maxLength?: number;
  enum?: readonly (string | number)[];
  /** Fewest items of an array field (JSON Schema minItems). */
  minItems?: number;
  /** Most items of an array field (JSON Schema maxItems). */
  maxItems?: number;
  /** Rule of each item of an array field. */
  items?: FieldRule;
}

/** A model's input schema as the emulator holds it: field name -> rule. */
export type Rules = Record<string, FieldRule>;

const TYPE_CHECKS: Record<NonNullable<FieldRule['type']>, [(v: unknown) => boolean, string, string]> = {
  string: [(v) => typeof v === 'string', 'Input should be a valid string', 'string_type'],
  integer: [(v) => Number.isInteger(v), 'Input should be a valid integer', 'int_type'],
  number: [(v) => typeof v === 'number' && Number.isFinite(v), 'Input should be a valid number', 'float_type'],
  boolean: [(v) => typeof v === 'boolean', 'Input should be a valid boolean', 'bool_type'],
  array: [(v) => Array.isArray(v), 'Input should be a valid list', 'list_type'],
  object: [(v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'Input should be a valid dictionary', 'dict_type'],
};

/** `'a', 'b' or 'c'` */
export function enumText(values: readonly (string | number)[]): string {
  const list = values.map((e) => `'${e}'`);
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : (list[0] ?? '');
}

function checkValue(path: (string | number)[], value: unknown, rule: FieldRule): Issue | undefined {
  if (rule.type) {
    const [ok, msg, type] = TYPE_CHECKS[rule.type];
    if (!ok(value)) return { path, msg, type };
  }
  if (rule.enum && !rule.enum.includes(value as string | number)) {
    const expected = enumText(rule.enum);
    return { path, msg: `Input should be ${expected}`, type: 'literal_error', ctx: { expected } };
  }
  if (typeof value === 'number') {
    if (rule.min !== undefined && value < rule.min) {
      return { path, msg: `Input should be greater than or equal to ${rule.min}`, type: 'greater_than_equal', ctx: { ge: rule.min } };
    }
    if (rule.exclusiveMin !== undefined && value <= rule.exclusiveMin) {
      return { path, msg: `Input should be greater than ${rule.exclusiveMin}`, type: 'greater_than', ctx: { gt: rule.exclusiveMin } };
    }
    if (rule.max !== undefined && value > rule.max) {
      return { path, msg: `Input should be less than or equal to ${rule.max}`, type: 'less_than_equal', ctx: { le: rule.max } };
    }
  }
  if (typeof value === 'string' && rule.minLength !== undefined && value.length < rule.minLength) {
    const n = rule.minLength;
    return { path, msg: `String should have at least ${n} character${n === 1 ? '' : 's'}`, type: 'string_too_short', ctx: { min_length: n } };
  }
  if (typeof value === 'string' && rule.maxLength !== undefined && value.length > rule.maxLength) {
    const n = rule.maxLength;
    return { path, msg: `String should have at most ${n} characters`, type: 'string_too_long', ctx: { max_length: n } };
  }
  if (Array.isArray(value) && rule.minItems !== undefined && value.length < rule.minItems) {
    const n = rule.minItems;
    return {
      path,
      msg: `List should have at least ${n} item${n === 1 ? '' : 's'} after validation, not ${value.length}`,
      type: 'too_short',
      ctx: { min_length: n },
    };
  }
  if (Array.isArray(value) && rule.maxItems !== undefined && value.length > rule.maxItems) {
    const n = rule.maxItems;
    return {
      path,
      msg: `List should have at most ${n} item${n === 1 ? '' : 's'} after validation, not ${value.length}`,
      type: 'too_long',
      ctx: { max_length: n },
    };
  }
  if (Array.isArray(value) && rule.items) {
    for (const [i, item] of value.entries()) {
      const issue = checkValue([...path, i], item, rule.items);
      if (issue) return issue;
    }
  }
  return undefined;
}

function checkField(name: string, value: unknown, rule: FieldRule): Issue | undefined {
  if (value === undefined || (value === null && rule.nullable)) {
    return rule.required ? { path: [name], msg: 'Field required', type: 'missing' } : undefined;
  }
  return checkValue([name], value, rule);
}

/** Checks `input` against `rules`; unknown fields are allowed (the providers ignore them). */
export function validate(input: Record<string, unknown>, rules: Rules): Issue[] {
  return Object.entries(rules)
    .map(([name, rule]) => checkField(name, input[name], rule))
    .filter((issue): issue is Issue => issue !== undefined);
}

/** Fields of `input` that `rules` do not name (OpenAI refuses them). */
export function unknownFields(input: Record<string, unknown>, rules: Rules): string[] {
  return Object.keys(input).filter((k) => !Object.hasOwn(rules, k));
}
