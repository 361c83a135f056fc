import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, originOf } from '../../src-main/security/csp';

/** Directive name -> its sources. */
function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

describe('contentSecurityPolicy', () => {
  const csp = directives(contentSecurityPolicy(['https://portal.example.gov.vn/api/v1?x=1']));

  it('runs only our own scripts: no inline, no eval, no remote hosts', () => {
    const scripts = csp.get('script-src') ?? [];
    expect(scripts).toContain("'self'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts.filter((s) => !s.startsWith("'"))).toEqual([]); // no host or scheme sources
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
  });

  it('lets the page connect only to itself and the portal origin', () => {
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://portal.example.gov.vn']);
  });

  it('loads no style, font or frame from elsewhere', () => {
    for (const name of ['style-src', 'font-src']) {
      expect(csp.get(name)).toEqual(["'self'"]);
    }
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    for (const [name, sources] of csp) {
      expect(sources, name).not.toContain('*');
      expect(sources, name).not.toContain('https:');
      expect(sources, name).not.toContain('http:');
    }
  });

  it('keeps a ws:// portal or host as an origin', () => {
    expect(directives(contentSecurityPolicy(['ws://127.0.0.1:41234/rpc'])).get('connect-src')).toEqual([
      "'self'",
      'ws://127.0.0.1:41234',
    ]);
    expect(originOf('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787');
  });

  it('cannot be widened by a crafted portal URL', () => {
    expect(() => contentSecurityPolicy(["https://x.example; script-src 'unsafe-inline'"])).toThrow();
    const policy = contentSecurityPolicy(['https://x.example/;script-src%20*']);
    expect(directives(policy).get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });
});
