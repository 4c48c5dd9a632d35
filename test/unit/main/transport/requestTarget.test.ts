import { describe, expect, it } from 'vitest';
import { parseRequestTarget } from '../../../../src/main/transport/requestTarget';

describe('parseRequestTarget', () => {
  it('decodes the path and reads the query', () => {
    const target = parseRequestTarget('/assets/a%20b.js?token=abc&x=%zz');
    expect(target.path).toBe('/assets/a b.js');
    expect(target.query.get('token')).toBe('abc');
    expect(target.query.get('x')).toBe('%zz');
  });

  it('never throws: a path that does not decode is null', () => {
    for (const bad of ['/%', '/%ff', '/%E0%A4%A', '/assets/%C0', '/%00', '*', 'http://[', '']) {
      expect(parseRequestTarget(bad).path, bad).toBeNull();
    }
    expect(parseRequestTarget('//').path).toBe('//');
    expect(parseRequestTarget(undefined).path).toBe('/');
  });
});
