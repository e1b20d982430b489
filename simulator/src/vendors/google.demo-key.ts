/**
 * DEMO DATA, NOT A SECRET. A service-account key in Google's JSON key-file format, generated
 * once (RSA 2048, `crypto.generateKeyPairSync`) for the simulator's Google token endpoint.
 * Its private key is public in this repository on purpose: it lets the demo run the same
 * JWT-bearer code a real install runs. It is valid nowhere but the simulator.
 */
export const GOOGLE_DEMO_SERVICE_ACCOUNT = {
  type: 'service_account',
  project_id: 'switchyard-demo',
  private_key_id: '8892ebbc6e809da3956e4e5f464e2076ce44adb8',
  private_key:
    [
      '-----BEGIN PRIVATE KEY-----',
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC2MGl9eMVhsTAs',
      'ZQQ++QkESr2rtcb71fw1gwBmh4PEtGrO1H4hy3Va4bepswnnUIKa+xGpC9wV7phm',
      'EA4G8I4sAIF5QCdDcA/Ar8pL3tEuf5IuoC2cxybY/zzovrgt3whJnI3pVhY9DfZ4',
      'BanFOZLpo/9n6yqO76nuLQLZ4fX0eUNV5v8F7qJ8+mWT3PPJFrlPJ8Q1wmarTRWQ',
      't9TWN9jd/oM+h2v38IsTeWJ7uJrF+CDJ5n5deWxKUHHxOMD+MdAyPMpDXOf11AHu',
      'hR6eOqtcucZKP/I/qDStD+z5UfmD1lZf9SwsXK8cR3lytVz8BUz9wrTjM4F8NDU8',
      'LWjZWa+1AgMBAAECggEABhIZZcKpMw7kJ8qK6G1EaWXzKX5SXdBcycyubfwsfhiz',
      '6WXnuQkORUO5qrgqR5CldXQRu9QHFpz/a4Ez8nPADQPMTKXAWS0p/TXuU/Zd+oJq',
      'NM8GDhANwZPJrAi02uRwYoGKsgB6F7k4IfowVL/NHydliokpvx8JxsOtsWRn3WhB',
      'h4x9qwFfaIG5ihO+TKBAfo2rMc0LFnweLXwWmVWxt/apia2fjP46pGn4kwk01z2w',
      'Fh6TVrPmxhUXSmOdV2qyjMSOsv3RILOn/nbbBK/kn3yu7aKFULKF494AKjWlMX2g',
      'DRfyrkhdP7h/EISsiLN6RBmhEqSgS68e6GwLfH228QKBgQDvlwIv+Af4ciAtRjHp',
      '7hsghFEpHV5fSH4gX+J7VWqP4ZS6WubUI5sg8DWQ2FgQpP0HOXHGN99hGw+qxsLO',
      'NXjAenD9rPKhC9caTc+M7Di2r+pVYaiWPfRZY3Z9iNSszwJpvGM3rbssUCesSAsb',
      'tQ9sQ9SgEYBKJHw5X5VBVoJXkQKBgQDCqu7deVZOYg48MfgDoNS4nRmDzKlxGCrv',
      'QjX3XJoqsWZ5C5Vt73+DcUwVv2uw2Z0wn1q6hHiMUJdlbZX0Teue2/pm2xwZqUXx',
      '9YrezE6HZuBU//wJPw/Xm448cwC5r0BbVitgWRy3KOH1buxdx1NQSlb7Qq+eWd4w',
      'nCcn40wr5QKBgQC+QyFNjp5lwdujmHbS2m9YZzs8d0IWUK84bmygnLg/AljllIJy',
      'PMRYZ+lh2Sw2K490ST38tyoBJ0hNygGxV+1IjPNlwA39rjVnghssQfrXuONSYndK',
      'uHBu+/mAv0SE5u93oE76TFCzZAPdYGjR2/sfcs5LPxqtxkOQHEOe22AuwQKBgGn1',
      'UH8MhIW1qbnqGO0gpai3GiQ7Sh9c4EHK8ETsCp4iYXyRaYylR+rryFYuExf32y+U',
      'DXZolJULaNy0gWKw5wdZBTrnGKx/Dqtc03HiEvxwarrZev4tbRoWeZ09m692TLlq',
      'dcHDv3WSsys8bTu+OwMA88dfzOeMUvxygn2bouJhAoGARHb8bPIZbjYpljHC7kWk',
      'Q45jKIPe0MDDEvJrHSLQN1UHItyT8yHCi+AAfP0Cm0qD4goOpGpvwG0iglDhY6E8',
      'D90gmWowDyUauaZScq07fX7t/iK3mCHphpy7nCNp/ILHSbBSx099f/iQt8oRdTgB',
      'PlToUWLY6wAZBHAzePCeK+s=',
      '-----END PRIVATE KEY-----',
    ].join('\n') + '\n',
  client_email: 'switchyard-sync@switchyard-demo.iam.gserviceaccount.com',
  client_id: '100000000000000000042',
  auth_uri: 'https://accounts.google.com/o/oauth2/auth',
  token_uri: 'https://oauth2.googleapis.com/token',
  auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
  client_x509_cert_url:
    'https://www.googleapis.com/robot/v1/metadata/x509/switchyard-sync%40switchyard-demo.iam.gserviceaccount.com',
  universe_domain: 'googleapis.com',
} as const;
