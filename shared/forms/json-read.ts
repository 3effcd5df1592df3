/**
 * Strict readers of interchange JSON shared by the form and framework parsers: each refuses a
 * wrong type or an unknown key with a FormParseError naming the JSON path and its Chinese label.
 */
import { AmountError, parseAmount, type Amount } from '../money';
import { DecimalError, parsePoints, type Points } from './decimal';
import { FIELD_LABELS } from './form-types';

/** A refused interchange document; `field` is the JSON path ("funding[TOTAL].actual"). */
export class FormParseError extends Error {
  constructor(readonly field: string, message: string) {
    // The Chinese name of the last path segment: "funding[TOTAL].actual" → 实际支出数, "funding[TOTAL]" → 预算执行情况.
    const key = /([A-Za-z0-9_]+)(?:\[[^\]]*\])?$/.exec(field)?.[1];
    const label = key ? FIELD_LABELS[key] : undefined;
    super(label ? `${field}(${label}):${message}` : `${field}:${message}`);
  }
}

export type Json = Record<string, unknown>;

export function fail(path: string, message: string): never {
  throw new FormParseError(path, message);
}

export function record(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, '应为对象');
  return value as Json;
}

/** Unknown keys are refused: a misspelt field name would otherwise silently lose data. */
export function onlyKeys(obj: Json, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(obj)) if (!allowed.includes(key)) fail(`${path}.${key}`.replace(/^\./, ''), '不是可识别的字段');
}

export function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

export function text(obj: Json, key: string, path: string): string | null {
  const value = obj[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') fail(join(path, key), '应为文本');
  return value;
}

export function requiredText(obj: Json, key: string, path: string): string {
  const value = text(obj, key, path);
  if (value === null || value.trim() === '') fail(join(path, key), '不能为空');
  return value;
}

export function oneOf<T extends string>(obj: Json, key: string, options: readonly T[], path: string): T | null {
  const value = text(obj, key, path);
  if (value === null) return null;
  if (!(options as readonly string[]).includes(value)) fail(join(path, key), `“${value}”不在可选值 ${options.join('、')} 中`);
  return value as T;
}

export function amount(obj: Json, key: string, path: string): Amount | null {
  const value = text(obj, key, path);
  if (value === null) return null;
  try {
    return parseAmount(value);
  } catch (error) {
    if (error instanceof AmountError) fail(join(path, key), error.message);
    throw error;
  }
}

export function score(obj: Json, key: string, path: string): Points | null {
  const value = text(obj, key, path);
  try {
    return parsePoints(value, join(path, key));
  } catch (error) {
    if (error instanceof DecimalError) fail(join(path, key), `“${value}”不是有效分值`);
    throw error;
  }
}

export function year(obj: Json, key: string, path: string): number | null {
  const value = obj[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1990 || value > 2100) fail(join(path, key), '应为四位年度数字');
  return value;
}

export function list(obj: Json, key: string, path: string): unknown[] {
  const value = obj[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(join(path, key), '应为数组');
  return value;
}

export function textList(obj: Json, key: string, path: string): string[] {
  return list(obj, key, path).map((item, i) => {
    if (typeof item !== 'string') fail(`${join(path, key)}[${i}]`, '应为文本');
    return item;
  });
}

export function stringMap(obj: Json, key: string, path: string): Record<string, string> {
  const value = obj[key];
  if (value === undefined || value === null) return {};
  const map = record(value, join(path, key));
  for (const [k, v] of Object.entries(map)) if (typeof v !== 'string') fail(`${join(path, key)}.${k}`, '应为文本');
  return map as Record<string, string>;
}

/** Drops null/empty members so the JSON stays as small as the fixtures that produced it. */
export function compact<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    out[key] = value;
  }
  return out as T;
}
