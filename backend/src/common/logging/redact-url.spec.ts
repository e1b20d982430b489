import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it.each([
    ['/api/v1/stream?topics=alerts&access_token=abc.def.ghi', '/api/v1/stream?topics=alerts&access_token=[redacted]'],
    ['/api/v1/stream?access%5Ftoken=abc.def&topics=ops', '/api/v1/stream?access%5Ftoken=[redacted]&topics=ops'],
    ['/api/v1/stream?%61ccess_token=abc', '/api/v1/stream?%61ccess_token=[redacted]'],
    ['/api/v1/stream?ACCESS_TOKEN=abc', '/api/v1/stream?ACCESS_TOKEN=[redacted]'],
    ['/api/v1/stream?access_token[]=abc', '/api/v1/stream?access_token[]=[redacted]'],
    ['/x?client_secret=s3&ok=1', '/x?client_secret=[redacted]&ok=1'],
    ['/x?access_token%=abc', '/x?access_token%=[redacted]'],
  ])('redacts %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('leaves other parameters and paths alone', () => {
    expect(redactUrl('/api/v1/sources?page=2&token_hint=x')).toBe('/api/v1/sources?page=2&token_hint=x');
    expect(redactUrl('/api/v1/access_token=1')).toBe('/api/v1/access_token=1');
  });
});
