import { STALE_AFTER_PULLS as SERVER_STALE_AFTER_PULLS } from '@ballast/core';
import { describe, expect, it } from 'vitest';
import type { Feed } from '../src/api/types.ts';
import { NO_AUTH } from '../src/lib/feed-auth-form.ts';
import {
  automaticStaleLabel,
  feedBody,
  feedFormErrors,
  feedFormValues,
  NEW_FEED,
  STALE_AFTER_PULLS,
  staleSettingLabel,
} from '../src/lib/feed-form.ts';
import { feedRunSummary } from '../src/lib/feed-run-summary.ts';
import { nextPullAt } from '../src/lib/feed-schedule.ts';
import { formatMinutes } from '../src/lib/format.ts';

const feed = (overrides: Partial<Feed> = {}): Feed => ({
  id: 1,
  storeId: 1,
  name: 'Warehouse CSV',
  url: 'https://erp.example.com/stock.csv',
  intervalMinutes: 15,
  lastRunAt: null,
  lastStatus: null,
  lastError: null,
  createdAt: 0,
  staleAfterMinutes: null,
  lastAppliedAt: null,
  staleAt: 45 * 60_000,
  stale: false,
  auth: null,
  ...overrides,
});

describe('the feed form', () => {
  it('shows the same automatic staleness as the server applies', () => {
    expect(STALE_AFTER_PULLS).toBe(SERVER_STALE_AFTER_PULLS);
    expect(automaticStaleLabel({ url: 'https://x.example', intervalMinutes: 20 })).toBe(
      'Automatic: after 3 pull intervals (1 h)',
    );
    // Not pulled on a schedule (no interval, or an interval without a URL): never stale by default.
    expect(automaticStaleLabel({ url: null, intervalMinutes: 20 })).toMatch(/^Automatic: never/);
    expect(automaticStaleLabel({ url: 'https://x.example', intervalMinutes: null })).toMatch(
      /^Automatic: never/,
    );
  });

  it('sends automatic as null, never as 0 and a set time as its minutes; empty url and interval as null', () => {
    expect(feedBody({ ...NEW_FEED, name: 'Pushed' })).toEqual({
      name: 'Pushed',
      url: null,
      intervalMinutes: null,
      staleAfterMinutes: null,
    });
    expect(feedBody({ ...NEW_FEED, name: 'N', staleMode: 'never', staleAfterMinutes: '90' })).toMatchObject({
      staleAfterMinutes: 0,
    });
    expect(
      feedBody({
        name: 'N',
        url: ' https://erp.example.com/a.csv ',
        intervalMinutes: '30',
        staleMode: 'after',
        staleAfterMinutes: '120',
        auth: NO_AUTH,
      }),
    ).toEqual({
      name: 'N',
      url: 'https://erp.example.com/a.csv',
      intervalMinutes: 30,
      staleAfterMinutes: 120,
    });
  });

  it('refuses “after a set time” without the minutes (null would mean automatic)', () => {
    expect(feedFormErrors({ ...NEW_FEED, staleMode: 'after', staleAfterMinutes: ' ' })).toEqual(
      new Map([['body.staleAfterMinutes', 'enter the minutes, or choose Automatic or Never']]),
    );
    expect(feedFormErrors({ ...NEW_FEED, staleMode: 'after', staleAfterMinutes: '60' }).size).toBe(0);
  });

  it('starts from the stored setting, and round-trips it', () => {
    for (const staleAfterMinutes of [null, 0, 90]) {
      const values = feedFormValues(feed({ staleAfterMinutes }));
      expect(feedBody(values).staleAfterMinutes).toBe(staleAfterMinutes);
    }
    expect(feedFormValues(feed({ url: null, intervalMinutes: null }))).toMatchObject({
      url: '',
      intervalMinutes: '',
    });
    expect(staleSettingLabel(feed({ staleAfterMinutes: 0 }))).toBe('Never');
    expect(staleSettingLabel(feed({ staleAfterMinutes: 1530 }))).toBe('After 1 day 1 h 30 min');
    expect(staleSettingLabel(feed())).toBe('Automatic: after 3 pull intervals (45 min)');
  });
});

describe('feed wording', () => {
  it('says durations the way a person does', () => {
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(2 * 1440 + 6 * 60)).toBe('2 days 6 h');
  });

  it('sums up a run, naming a few unknown SKUs and counting the rest', () => {
    expect(feedRunSummary({ rowCount: 1, changed: 0, unknownSkus: [] })).toBe('1 row, 0 positions changed.');
    expect(
      feedRunSummary({
        rowCount: 12,
        changed: 3,
        unknownSkus: ['A', 'B', 'C', 'D', 'E', 'F', 'G'],
        ignoredKits: ['KIT'],
      }),
    ).toBe(
      '12 rows, 3 positions changed; unknown SKUs (not created): A, B, C, D, E and 2 more; ' +
        'kits ignored (no stock of their own): KIT.',
    );
  });
});

describe('the next pull', () => {
  it('is an interval after the last run, at once for a feed that never ran, none when not scheduled', () => {
    expect(nextPullAt(feed({ createdAt: 1000 }))).toBe(1000);
    expect(nextPullAt(feed({ lastRunAt: 60_000, intervalMinutes: 15 }))).toBe(60_000 + 15 * 60_000);
    expect(nextPullAt(feed({ intervalMinutes: null, lastRunAt: 60_000 }))).toBeNull();
    expect(nextPullAt(feed({ url: null }))).toBeNull();
  });
});
