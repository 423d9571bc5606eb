/**
 * Shape files: one descriptor line per problem, `#` comments and blank lines skipped
 * (spec/shape-descriptors.md, `kit.descriptor.file`). A bad line is a ShapeFileError naming the file and the
 * 1-based line number, with the line's DescriptorError kept as data.
 */
import { readFileSync } from 'node:fs';
import { DescriptorError } from './descriptorError.js';
import { parseDescriptor } from './parseDescriptor.js';
import type { ProblemDescriptor } from './problemDescriptor.js';

export interface ShapeEntry {
  readonly path: string;
  /** 1-based. */
  readonly line: number;
  readonly descriptor: ProblemDescriptor;
}

export class ShapeFileError extends Error {
  constructor(readonly path: string, readonly line: number, override readonly cause: DescriptorError | Error) {
    super(`${path}:${line}: ${cause.message}`);
    this.name = 'ShapeFileError';
  }
}

/** Parses a shape file's text; `path` only labels errors and entries. */
export function parseShapeFile(text: string, path: string): ShapeEntry[] {
  const entries: ShapeEntry[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    try {
      entries.push({ path, line: index + 1, descriptor: parseDescriptor(trimmed) });
    } catch (e) {
      if (e instanceof DescriptorError) throw new ShapeFileError(path, index + 1, e);
      throw e;
    }
  }
  return entries;
}

/** Reads and parses a shape file. A file that cannot be read is a ShapeFileError at line 0. */
export function loadShapeFile(path: string): ShapeEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ShapeFileError(path, 0, e as Error);
  }
  return parseShapeFile(text, path);
}
