// The command list stands in four places; this fails when they disagree.
/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');
const sorted = (names: Iterable<string | undefined>) => [...new Set(names)].filter((n): n is string => !!n).sort();

function buildList(): string[] {
  const block = read('src-tauri/build.rs').split('const COMMANDS')[1]?.split('];')[0] ?? '';
  return sorted([...block.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]));
}

describe('the command list', () => {
  const commands = buildList();

  it('is not empty', () => {
    expect(commands.length).toBeGreaterThan(10);
  });

  it('is registered in lib.rs exactly as build.rs declares it', () => {
    const handler = read('src-tauri/src/lib.rs').split('generate_handler![')[1]?.split(']')[0] ?? '';
    expect(sorted([...handler.matchAll(/commands::\w+::([a-z_]+)/g)].map((m) => m[1]))).toEqual(commands);
  });

  it('is allowed by the capability file, one permission per command', () => {
    const permissions: string[] = JSON.parse(read('src-tauri/capabilities/default.json')).permissions;
    const own = permissions.filter((p) => p.startsWith('allow-')).map((p) => p.slice(6).replaceAll('-', '_'));
    expect(sorted(own)).toEqual(commands);
  });

  it('is what the typed backend module calls', () => {
    const calls = [...read('ui/src/lib/backend/index.ts').matchAll(/call<[^>]+>\(\s*'([a-z_]+)'/g)].map((m) => m[1]);
    expect(sorted(calls)).toEqual(commands);
  });
});
