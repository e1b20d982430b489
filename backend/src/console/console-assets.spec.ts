import { isConsoleRoute } from './console-assets';

describe('isConsoleRoute', () => {
  it.each(['/', '/system', '/portfolio/projects/p-7', '/admin/users'])('serves the console for %s', (path) => {
    expect(isConsoleRoute(path)).toBe(true);
  });

  it.each(['/api', '/api/v1/nope', '/health/other', '/metrics', '/webhooks/stripe', '/main-ABC123.js', '/favicon.ico'])(
    'answers %s as a miss, not with the console',
    (path) => {
      expect(isConsoleRoute(path)).toBe(false);
    },
  );
});
