import { describe, expect, it } from 'vitest';
import { exposureWarning, isLoopbackHost } from '../../../../src/main/transport/loopback';

describe('isLoopbackHost', () => {
  it('accepts 127.0.0.0/8, ::1 and localhost only', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', 'localhost']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.5', '10.0.0.1', 'example.com', '127.example.com', '']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('warns of what an exposed server gives away', () => {
    const warning = exposureWarning('0.0.0.0', 8080, 'user alice');
    expect(warning).toMatch(/run programs as user alice/);
    expect(warning).toMatch(/without TLS/);
    expect(warning).toMatch(/in clear/);
  });
});
