import { parseWebhookSecrets } from './integration-secrets';

describe('parseWebhookSecrets', () => {
  it('reads name=secret|secret pairs, several secrets per integration', () => {
    expect(parseWebhookSecrets('procore=whsec_YWJj|whsec_ZGVm, gusto=whsec_Z2hp')).toEqual({
      procore: ['whsec_YWJj', 'whsec_ZGVm'],
      gusto: ['whsec_Z2hp'],
    });
  });

  it('reads JSON', () => {
    expect(parseWebhookSecrets('{"stripe_issuing":["whsec_YWJj"]}')).toEqual({ stripe_issuing: ['whsec_YWJj'] });
  });

  it('is empty when unset', () => {
    expect(parseWebhookSecrets('  ')).toEqual({});
  });

  it('names unknown integrations, bad secrets and bad syntax', () => {
    expect(parseWebhookSecrets('salesforce=whsec_YWJj')).toMatch(/unknown integration/);
    expect(parseWebhookSecrets('procore=short')).toMatch(/procore.*8 to 500/);
    expect(parseWebhookSecrets('procore')).toMatch(/integration=secret/);
    expect(parseWebhookSecrets('{"procore":')).toBe('is not valid JSON');
  });
});
