/** One invalid input field, in the vocabulary of pydantic (which fal speaks natively). */
export interface Issue {
  path: (string | number)[];
  msg: string;
  type: string;
  ctx?: Record<string, unknown>;
}

/** Constraints of one input field. */
export interface FieldRule {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  required?: boolean;
  /** null is accepted (and means "not given"). */
  nullable?: boolean;
  min?: number;
  max?: number;
  minLength?: number;
  enum?: readonly (string | number)[];
}

export type Rules = Record<string, FieldRule>;

const TYPE_CHECKS: Record<NonNullable<FieldRule['type']>, [(v: unknown) => boolean, string, string]> = {
  string: [(v) => typeof v === 'string', 'Input should be a valid string', 'string_type'],
  integer: [(v) => Number.isInteger(v), 'Input should be a valid integer', 'int_type'],
  number: [(v) => typeof v === 'number' && Number.isFinite(v), 'Input should be a valid number', 'float_type'],
  boolean: [(v) => typeof v === 'boolean', 'Input should be a valid boolean', 'bool_type'],
  array: [(v) => Array.isArray(v), 'Input should be a valid list', 'list_type'],
  object: [(v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'Input should be a valid dictionary', 'dict_type'],
};

function checkField(name: string, value: unknown, rule: FieldRule): Issue | undefined {
  const path = [name];
  if (value === undefined || (value === null && rule.nullable)) {
    return rule.required ? { path, msg: 'Field required', type: 'missing' } : undefined;
  }
  if (rule.type) {
    const [ok, msg, type] = TYPE_CHECKS[rule.type];
    if (!ok(value)) return { path, msg, type };
  }
  if (rule.enum && !rule.enum.includes(value as string | number)) {
    const list = rule.enum.map((e) => `'${e}'`);
    const expected = list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : list[0];
    return { path, msg: `Input should be ${expected}`, type: 'literal_error', ctx: { expected } };
  }
  if (typeof value === 'number' && rule.min !== undefined && value < rule.min) {
    return { path, msg: `Input should be greater than or equal to ${rule.min}`, type: 'greater_than_equal', ctx: { ge: rule.min } };
  }
  if (typeof value === 'number' && rule.max !== undefined && value > rule.max) {
    return { path, msg: `Input should be less than or equal to ${rule.max}`, type: 'less_than_equal', ctx: { le: rule.max } };
  }
  if (typeof value === 'string' && rule.minLength !== undefined && value.length < rule.minLength) {
    const n = rule.minLength;
    return { path, msg: `String should have at least ${n} character${n === 1 ? '' : 's'}`, type: 'string_too_short', ctx: { min_length: n } };
  }
  return undefined;
}

/** Checks `input` against `rules`; unknown fields are allowed (providers ignore them). */
export function validate(input: Record<string, unknown>, rules: Rules): Issue[] {
  return Object.entries(rules)
    .map(([name, rule]) => checkField(name, input[name], rule))
    .filter((issue): issue is Issue => issue !== undefined);
}
