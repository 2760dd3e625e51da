import { describe, expect, inject, it } from 'vitest';

const baseURL = inject('baseURL');

// public/_headers, as Workers static assets serve it under wrangler dev.
describe('security headers on the site', () => {
  it('deny framing and sniffing, keep referrers short, and require HTTPS', async () => {
    const response = await fetch(`${baseURL}/`);
    expect(response.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('X-Frame-Options')).toBe('DENY');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('Strict-Transport-Security')).toMatch(/^max-age=\d+; includeSubDomains$/);
  });

  it('allow the camera on the check-in page only, and geolocation on the station directory only', async () => {
    const policy = async (path: string) => (await fetch(`${baseURL}${path}`)).headers.get('Permissions-Policy') ?? '';
    expect(await policy('/')).toContain('camera=()');
    expect(await policy('/')).toContain('geolocation=()');
    expect(await policy('/cinema/checkin/')).toContain('camera=(self)');
    expect(await policy('/cinema/checkin/')).not.toContain('camera=()');
    expect(await policy('/cinema/')).toContain('camera=()');
    expect(await policy('/programs/nuanfeng-yizhan/stations/')).toContain('geolocation=(self)');
  });

  it('isolate the pages that show a member’s own state from other sites’ windows', async () => {
    const opener = async (path: string) => (await fetch(`${baseURL}${path}`)).headers.get('Cross-Origin-Opener-Policy');
    expect(await opener('/cinema/')).toBe('same-origin');
    expect(await opener('/cinema/checkin/')).toBe('same-origin');
    // News pages hold nothing to protect, and the policy costs a phone a new process on arrival.
    expect(await opener('/')).toBeNull();
  });
});
