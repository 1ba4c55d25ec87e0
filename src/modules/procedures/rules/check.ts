import type { Text } from '../../../platform/i18n/index.ts';
import { cleanBlock, cleanLine } from './text.ts';

/** One thing wrong with an input, at a path such as `fees[1].amountVnd`. */
export interface Problem {
  path: string;
  message: Text;
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects problems while reading an untrusted value into a typed one. */
export class Checker {
  readonly problems: Problem[] = [];

  add(path: string, vi: string, en: string): void {
    this.problems.push({ path, message: { vi, en } });
  }

  /** A required or optional string; returns the cleaned text, null when absent/empty and optional, undefined on error. */
  text(v: unknown, path: string, o: { required?: boolean; min?: number; max: number; block?: boolean }): string | null | undefined {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      if (o.required) {
        this.add(path, 'Không được để trống', 'Must not be empty');
        return undefined;
      }
      return null;
    }
    if (typeof v !== 'string') {
      this.add(path, 'Phải là chuỗi ký tự', 'Must be text');
      return undefined;
    }
    const t = o.block ? cleanBlock(v) : cleanLine(v);
    if (t.length > o.max) {
      this.add(path, `Không được dài quá ${o.max} ký tự (hiện có ${t.length})`, `Must have at most ${o.max} characters (has ${t.length})`);
      return undefined;
    }
    if (o.min && t.length < o.min) {
      this.add(path, `Phải có ít nhất ${o.min} ký tự`, `Must have at least ${o.min} characters`);
      return undefined;
    }
    return t;
  }

  oneOf<T extends string>(v: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (v === undefined || v === null || v === '') {
      this.add(path, 'Không được để trống', 'Must not be empty');
      return undefined;
    }
    const s = typeof v === 'string' ? v.trim() : v;
    if (typeof s === 'string' && (allowed as readonly string[]).includes(s)) return s as T;
    this.add(
      path,
      `Giá trị “${String(v).slice(0, 50)}” không hợp lệ; chọn một trong: ${allowed.join(', ')}`,
      `Unknown value “${String(v).slice(0, 50)}”; use one of: ${allowed.join(', ')}`,
    );
    return undefined;
  }

  /** A JSON number (never a numeric string: "8.000" is ambiguous between 8 and 8000). */
  number(v: unknown, path: string, o: { min?: number; exclusiveMin?: number; max: number; integer?: boolean }): number | undefined {
    if (v === undefined || v === null || v === '') {
      this.add(path, 'Không được để trống', 'Must not be empty');
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.add(path, `Phải là số (nhận được “${String(v).slice(0, 30)}”)`, `Must be a number (got “${String(v).slice(0, 30)}”)`);
      return undefined;
    }
    if (o.integer && !Number.isInteger(v)) {
      this.add(path, 'Phải là số nguyên', 'Must be a whole number');
      return undefined;
    }
    if (o.exclusiveMin !== undefined && v <= o.exclusiveMin) {
      this.add(path, `Phải lớn hơn ${o.exclusiveMin}`, `Must be greater than ${o.exclusiveMin}`);
      return undefined;
    }
    if (o.min !== undefined && v < o.min) {
      this.add(
        path,
        o.min === 0 ? 'Không được là số âm' : `Phải lớn hơn hoặc bằng ${o.min}`,
        o.min === 0 ? 'Must not be negative' : `Must be at least ${o.min}`,
      );
      return undefined;
    }
    if (v > o.max) {
      this.add(path, `Không được lớn hơn ${o.max}`, `Must be at most ${o.max}`);
      return undefined;
    }
    return v;
  }

  bool(v: unknown, path: string, fallback: boolean): boolean | undefined {
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'boolean') return v;
    this.add(path, 'Phải là đúng hoặc sai (true/false)', 'Must be true or false');
    return undefined;
  }

  /** A list of one-line texts; empty items are dropped. */
  lines(v: unknown, path: string, o: { max: number; maxItems: number; allowed?: readonly string[] }): string[] | undefined {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.add(path, 'Phải là danh sách', 'Must be a list');
      return undefined;
    }
    if (v.length > o.maxItems) {
      this.add(path, `Tối đa ${o.maxItems} mục`, `At most ${o.maxItems} items`);
      return undefined;
    }
    const out: string[] = [];
    let ok = true;
    v.forEach((item, i) => {
      const t = this.text(item, `${path}[${i}]`, { max: o.max });
      if (t === undefined) ok = false;
      else if (t !== null) {
        if (o.allowed && !o.allowed.includes(t)) {
          this.add(
            `${path}[${i}]`,
            `Giá trị “${t.slice(0, 50)}” không hợp lệ; chọn trong: ${o.allowed.join(', ')}`,
            `Unknown value “${t.slice(0, 50)}”; use: ${o.allowed.join(', ')}`,
          );
          ok = false;
        } else if (!out.includes(t) || !o.allowed) out.push(t);
      }
    });
    return ok ? out : undefined;
  }

  /** Reports keys that are not expected (a misspelt column is an error, not silently dropped). */
  onlyKeys(obj: Record<string, unknown>, path: string, keys: readonly string[]): void {
    for (const k of Object.keys(obj)) {
      if (!keys.includes(k)) this.add(path ? `${path}.${k}` : k, `Trường/cột “${k}” không được chấp nhận`, `Unknown field/column “${k}”`);
    }
  }
}
