/**
 * A small runtime schema for the API contract: every argument that crosses a door
 * (IPC, HTTP, CLI) is checked against it before the core sees it.
 */
export type Schema<T> = { check(value: unknown, path: string): T; describe: string };

export class SchemaError extends Error {}

const fail = (path: string, expected: string, value: unknown): never => {
  const shown = value === undefined ? '缺失' : JSON.stringify(value)?.slice(0, 60);
  throw new SchemaError(`参数 ${path} 应为${expected},实际为 ${shown}`);
};

export const str = (options: { max?: number; pattern?: RegExp; label?: string } = {}): Schema<string> => ({
  describe: options.label ?? '字符串',
  check(value, path) {
    if (typeof value !== 'string') return fail(path, '字符串', value);
    if (value.length > (options.max ?? 10_000)) return fail(path, `不超过 ${options.max} 个字符的字符串`, value);
    if (options.pattern && !options.pattern.test(value)) return fail(path, options.label ?? `符合 ${options.pattern} 的字符串`, value);
    return value;
  },
});

export const int = (min: number, max: number): Schema<number> => ({
  describe: `${min}–${max} 的整数`,
  check(value, path) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) return fail(path, `${min}–${max} 的整数`, value);
    return value;
  },
});

export const bool: Schema<boolean> = {
  describe: 'true 或 false',
  check: (value, path) => (typeof value === 'boolean' ? value : fail(path, 'true 或 false', value)),
};

export const literal = <T extends string>(...values: T[]): Schema<T> => ({
  describe: values.join(' / '),
  check(value, path) {
    if (!values.includes(value as T)) return fail(path, values.map((v) => `“${v}”`).join('或'), value);
    return value as T;
  },
});

export const nullable = <T>(inner: Schema<T>): Schema<T | null> => ({
  describe: `${inner.describe} 或 null`,
  check: (value, path) => (value === null ? null : inner.check(value, path)),
});

export const optional = <T>(inner: Schema<T>): Schema<T | undefined> => ({
  describe: `${inner.describe}(可省略)`,
  check: (value, path) => (value === undefined ? undefined : inner.check(value, path)),
});

export const array = <T>(item: Schema<T>, max = 100_000): Schema<T[]> => ({
  describe: `${item.describe} 数组`,
  check(value, path) {
    if (!Array.isArray(value)) return fail(path, '数组', value);
    if (value.length > max) return fail(path, `不超过 ${max} 项的数组`, value.length);
    return value.map((element, i) => item.check(element, `${path}[${i}]`));
  },
});

/** A plain object of values checked by `item`, keys unchecked beyond their length (used for interchange documents). */
export const record = <T>(item: Schema<T>): Schema<Record<string, T>> => ({
  describe: `${item.describe} 的映射`,
  check(value, path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, '对象', value);
    const out: Record<string, T> = {};
    for (const [key, element] of Object.entries(value)) {
      if (key.length > 100) fail(`${path}.${key.slice(0, 20)}…`, '不超过 100 个字符的键', key);
      // defineProperty, not assignment: a key "__proto__" stays a plain key and never swaps the prototype.
      Object.defineProperty(out, key, { value: item.check(element, `${path}.${key}`), enumerable: true, writable: true, configurable: true });
    }
    return out;
  },
});

type Shape = Record<string, Schema<unknown>>;
type Value<S> = S extends Schema<infer T> ? T : never;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Value<S[K]> ? K : never }[keyof S];
type Out<S extends Shape> = { [K in Exclude<keyof S, OptionalKeys<S>>]: Value<S[K]> } & { [K in OptionalKeys<S>]?: Value<S[K]> };

/** An object with exactly these fields; unknown fields are refused so typos do not pass silently. */
export const object = <S extends Shape>(shape: S): Schema<Out<S>> => ({
  describe: '对象',
  check(value, path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, '对象', value);
    // Own properties only: "constructor", "__proto__" or "toString" are fields no shape declares.
    for (const key of Object.keys(value)) if (!Object.hasOwn(shape, key)) throw new SchemaError(`参数 ${path} 含有未知字段“${key}”`);
    const out: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(shape)) {
      const checked = schema.check(Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined, `${path}.${key}`);
      if (checked !== undefined) out[key] = checked;
    }
    return out as Out<S>;
  },
});

/** Any JSON value (forms are checked by their own parser). */
export const json: Schema<unknown> = { describe: 'JSON 值', check: (value) => value };
