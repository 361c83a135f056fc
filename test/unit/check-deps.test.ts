import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDependencies, importSpecifiers, readSourceTree, type SourceFile } from '../../scripts/check-deps';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const file = (p: string, text: string): SourceFile => ({ path: p, text });

describe('importSpecifiers', () => {
  it('sees every import form and ignores comments and strings', () => {
    const text = [
      "import type { A } from './a';",
      'import b, {',
      '  type B,',
      '  c,',
      "} from 'b';",
      "export * from './c';",
      "export type { D } from './d';",
      "import './e';",
      "const f = await import('./f');",
      "const g = require('g');",
      "// import h from 'h';",
      "/* import i from 'i' */",
      "const s = \"import j from 'j'\";",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['./a', 'b', './c', './d', './e', './f', 'g']);
  });
});

describe('checkDependencies', () => {
  // One planted violation per rule; each must be reported.
  const planted: [SourceFile, RegExp][] = [
    [file('src-shared/domain/x.ts', "import { readFile } from 'node:fs';"), /src-shared may not import Node builtins/],
    [file('src-shared/domain/x.ts', "import path from 'path';"), /src-shared may not import Node builtins/],
    [file('src-shared/domain/x.ts', "import type { Stats } from 'fs/promises';"), /Node builtins/],
    [file('src-shared/domain/x.ts', "import { app } from 'electron';"), /src-shared may not import electron/],
    [file('src-shared/domain/x.ts', "import { useState } from 'react';"), /src-shared may not import react/],
    [file('src-shared/domain/x.ts', "import { jsx } from 'react/jsx-runtime';"), /src-shared may not import react/],
    [file('src-shared/contract/x.ts', "import type { Handlers } from '../../src-main/contract/dispatch';"), /src-shared may import only src-shared/],
    [file('src-shared/x.ts', "export * from '../src-renderer/App';"), /src-shared may import only src-shared/],
    [file('src-renderer/features/a/A.tsx', "import { createSettingsService } from '../../../src-main/services/settings';"), /src-renderer may not import src-main/],
    [file('src-renderer/A.tsx', "const m = await import('../src-main/services/paths');"), /src-renderer may not import src-main/],
    [file('src-renderer/bridge/ipc.ts', "import { ipcRenderer } from 'electron';"), /src-renderer may not import electron/],
    [file('src-renderer/db/x.ts', "import crypto from 'node:crypto';"), /src-renderer may not import Node builtins/],
    [file('src-renderer/db/x.ts', "import type { Pool } from '../../src-portal/db/database';"), /only src-portal and test\/portal may import src-portal/],
    [file('src-main/host/server.ts', "import { createApp } from '../../src-portal/app';"), /only src-portal and test\/portal may import src-portal/],
    [file('test/unit/x.test.ts', "import { createApp } from '../../src-portal/app';"), /only src-portal and test\/portal may import src-portal/],
    [file('test/e2e/x.spec.ts', "import { seed } from '../../src-portal/seed';"), /only src-portal and test\/portal may import src-portal/],
    [file('src-main/services/settings.ts', "import { app } from 'electron';"), /only src-main\/electron may import electron/],
    [file('src-main/contract/handlers.ts', "import type { WebContents } from 'electron';"), /only src-main\/electron may import electron/],
    [file('src-main/host/x.ts', "const { shell } = require('electron');"), /only src-main\/electron may import electron/],
    [file('src-portal/x.ts', "import { app } from 'electron';"), /only src-main\/electron may import electron/],
    [file('src-main/services/x.ts', "import { App } from '../../src-renderer/App';"), /src-main may not import src-renderer/],
    [file('src-portal/x.ts', "import { readSeedCatalog } from '../src-main/services/catalog';"), /src-portal may not import src-main/],
  ];

  it.each(planted.map(([f, rule]) => [f.path, f.text, f, rule] as const))('fails on %s: %s', (_path, _text, f, rule) => {
    const violations = checkDependencies([f]);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.map((v) => v.rule).join('\n')).toMatch(rule);
  });

  it('reports every violation of a mixed tree with file and specifier', () => {
    const violations = checkDependencies(planted.map(([f]) => f));
    expect(new Set(violations.map((v) => `${v.file}|${v.specifier}`)).size).toBe(planted.length);
  });

  it('allows the intended directions', () => {
    const allowed = [
      file('src-shared/domain/a.ts', "import { z } from 'zod';\nimport { b } from './b';\nimport type { C } from '../contract/c';"),
      file('src-renderer/App.tsx', "import { useState } from 'react';\nimport type { DesktopApi } from '../src-shared/contract/desktop';"),
      file('src-renderer/vite.config.ts', "import path from 'node:path';\nimport { defineConfig } from 'vite';"),
      file('src-main/electron/main.ts', "import { app } from 'electron';\nimport { createDispatcher } from '../contract/dispatch';"),
      file('src-main/services/vault.ts', "import { promises as fs } from 'node:fs';\nimport { x } from '../../src-shared/domain/x';"),
      file('src-main/version.ts', "import pkg from '../package.json' with { type: 'json' };"),
      file('src-portal/app.ts', "import fastify from 'fastify';\nimport { db } from './db/database';\nimport { s } from '../src-shared/contract/sync';"),
      file('test/portal/app.test.ts', "import { createApp } from '../../src-portal/app';"),
      file('test/unit/smoke.test.ts', "import type { BrowserWindow } from 'electron';"),
      file('src-renderer/x.ts', "// import fs from 'node:fs' is not allowed here\nconst s = 'electron';"),
    ];
    expect(checkDependencies(allowed)).toEqual([]);
  });

  it('passes on the real repository tree', () => {
    const files = readSourceTree(root);
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.path === 'src-shared/contract/desktop.ts')).toBe(true);
    expect(checkDependencies(files)).toEqual([]);
  });
});
