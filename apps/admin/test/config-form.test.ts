import { describe, expect, it } from 'vitest';
import {
  configFieldOf,
  configFields,
  configFromValues,
  initialValues,
  labelOf,
} from '../src/lib/config-form.ts';

// The webhook connector's config schema as GET /connectors describes it (secrets marked by the server).
const webhookSchema = {
  type: 'object',
  properties: {
    endpointUrl: { type: 'string', format: 'uri' },
    signingSecret: { type: 'string', pattern: '^whsec_', writeOnly: true, 'x-secret': true },
    batchSize: { default: 100, type: 'integer', minimum: 1, maximum: 1000 },
    requestsPerSecond: { default: 10, type: 'number', exclusiveMinimum: 0, maximum: 1000 },
    compareAndSet: { default: false, type: 'boolean' },
    auth: { type: 'object', properties: { apiKey: { type: 'string' } }, required: ['apiKey'] },
    region: { type: 'string', enum: ['eu', 'us'] },
  },
  required: ['endpointUrl', 'signingSecret'],
};

describe('configFields', () => {
  it('makes one field per setting with the right input kind', () => {
    const fields = configFields(webhookSchema);
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['endpointUrl', 'url', true],
      ['signingSecret', 'secret', true],
      ['batchSize', 'integer', false],
      ['requestsPerSecond', 'number', false],
      ['compareAndSet', 'boolean', false],
      // A nested object is optional here, so its own required field is too.
      ['auth.apiKey', 'text', false],
      ['region', 'choice', false],
    ]);
    expect(fields[2]).toMatchObject({ min: 1, max: 1000, default: 100, label: 'Batch size' });
    expect(fields[6]?.options).toEqual(['eu', 'us']);
  });

  it('labels camelCase names readably', () => {
    expect(labelOf('endpointUrl')).toBe('Endpoint URL');
    expect(labelOf('timeoutMs')).toBe('Timeout (ms)');
    expect(labelOf('auth.apiKey')).toBe('API key');
  });
});

describe('configFromValues', () => {
  const fields = configFields(webhookSchema);

  it('builds the config: numbers parsed, empty optional fields left to the connector’s defaults', () => {
    const values = {
      ...initialValues(fields),
      endpointUrl: 'https://erp.example.com/hook',
      signingSecret: 'whsec_abc',
      batchSize: '250',
      requestsPerSecond: '',
      'auth.apiKey': 'k1',
    };
    const { config, errors } = configFromValues(fields, values);
    expect(errors.size).toBe(0);
    expect(config).toEqual({
      endpointUrl: 'https://erp.example.com/hook',
      signingSecret: 'whsec_abc',
      batchSize: 250,
      compareAndSet: false,
      auth: { apiKey: 'k1' },
    });
  });

  it('reports missing required settings and unparsable numbers per field', () => {
    const { errors } = configFromValues(fields, { batchSize: '2.5', requestsPerSecond: 'fast' });
    expect(Object.fromEntries(errors)).toEqual({
      endpointUrl: 'required',
      signingSecret: 'required',
      batchSize: 'expected a whole number',
      requestsPerSecond: 'expected a number',
    });
  });

  it('starts from the schema’s defaults', () => {
    expect(initialValues(fields)).toMatchObject({ batchSize: '100', compareAndSet: false, endpointUrl: '' });
  });
});

describe('configFieldOf', () => {
  it('maps the server’s field path to the form field', () => {
    expect(configFieldOf('body.config.endpointUrl')).toBe('endpointUrl');
    expect(configFieldOf('body.config.auth.apiKey')).toBe('auth.apiKey');
    expect(configFieldOf('body.name')).toBeUndefined();
  });
});
