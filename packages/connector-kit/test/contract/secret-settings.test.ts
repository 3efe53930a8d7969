import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { secretConfigFields, secretSetting } from '../../src/index.ts';

describe('secret settings', () => {
  it('finds settings marked with secretSetting or .meta({ secret: true }), through wrappers and nesting', () => {
    const schema = z.object({
      shop: z.string(),
      apiKey: secretSetting(z.string().min(1)),
      webhookSecret: z.string().meta({ secret: true }).optional(),
      markedOutside: z.string().optional().meta({ secret: true }),
      withDefault: secretSetting(z.string()).default('x'),
      piped: secretSetting(z.string().trim()).pipe(z.string().min(3)),
      nullable: secretSetting(z.string()).nullable(),
      auth: z.object({ user: z.string(), password: secretSetting(z.string()) }).optional(),
      batchSize: z.number().default(10),
    });
    expect(secretConfigFields(schema)).toEqual([
      'apiKey',
      'webhookSecret',
      'markedOutside',
      'withDefault',
      'piped',
      'nullable',
      'auth.password',
    ]);
  });

  it('finds none in a schema without marks, whatever the names', () => {
    expect(secretConfigFields(z.object({ token: z.string(), url: z.url() }))).toEqual([]);
    expect(secretConfigFields(z.string().meta({ secret: true }))).toEqual([]);
  });

  it('keeps the description and other metadata of the setting it marks', () => {
    const described = secretSetting(z.string().describe('the API key').meta({ title: 'API key' }));
    expect(described.meta()).toMatchObject({ description: 'the API key', title: 'API key', secret: true });
    expect(z.toJSONSchema(z.object({ k: described }))).toMatchObject({
      properties: { k: { type: 'string', secret: true, description: 'the API key' } },
    });
    // The mark does not change what parses.
    expect(described.safeParse('abc').success).toBe(true);
    expect(described.safeParse(3).success).toBe(false);
  });
});
