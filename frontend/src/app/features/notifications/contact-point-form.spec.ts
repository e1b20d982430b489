import { contactPointInput, type ContactPointFields } from './contact-point-form';

const blank: ContactPointFields = {
  id: 'ops-mail',
  name: ' On-call ',
  kind: 'email',
  secret: '',
  url: 'http://ignored',
  smtpHost: 'smtp.example.com',
  smtpPort: '2525',
  smtpUser: '',
  from: 'switchyard@example.com',
  to: 'a@example.com, b@example.com',
};

describe('contactPointInput', () => {
  it('sends only the settings an email contact point uses', () => {
    expect(contactPointInput(blank)).toEqual({
      id: 'ops-mail',
      name: 'On-call',
      kind: 'email',
      secret: null,
      settings: {
        smtpHost: 'smtp.example.com',
        smtpPort: 2525,
        smtpUser: null,
        from: 'switchyard@example.com',
        to: ['a@example.com', 'b@example.com'],
      },
    });
  });

  it('puts a Slack webhook URL in the write-only secret', () => {
    const slack = contactPointInput({ ...blank, kind: 'slack', secret: 'https://hooks.slack.com/x' });
    expect(slack).toMatchObject({ kind: 'slack', secret: 'https://hooks.slack.com/x', settings: {} });
  });
});
