import type { Feed } from '../api/types.ts';
import {
  type FeedAuthSummary,
  type FeedAuthValues,
  feedAuthErrors,
  feedAuthValues,
  NO_AUTH,
} from './feed-auth-form.ts';
import { formatMinutes } from './format.ts';

/**
 * Pull intervals without a successful snapshot after which a scheduled feed is stale when the merchant set
 * nothing: the server's rule (core's STALE_AFTER_PULLS; test/feed-form.test.ts checks they agree). The admin
 * needs it to show the default while the schedule is being typed, before there is a feed to ask about.
 */
export const STALE_AFTER_PULLS = 3;

/** How the feed's staleness is set: the server's default, never, or a number of minutes. */
export type StaleMode = 'automatic' | 'never' | 'after';

/** The feed form as typed (inputs hold strings). */
export interface FeedFormValues {
  name: string;
  url: string;
  intervalMinutes: string;
  staleMode: StaleMode;
  staleAfterMinutes: string;
  auth: FeedAuthValues;
}

export const NEW_FEED: FeedFormValues = {
  name: '',
  url: '',
  intervalMinutes: '',
  staleMode: 'automatic',
  staleAfterMinutes: '',
  auth: NO_AUTH,
};

/** The form filled with a feed's stored settings. */
export function feedFormValues(feed: Feed): FeedFormValues {
  return {
    name: feed.name,
    url: feed.url ?? '',
    intervalMinutes: feed.intervalMinutes?.toString() ?? '',
    staleMode: staleModeOf(feed.staleAfterMinutes),
    staleAfterMinutes: feed.staleAfterMinutes ? String(feed.staleAfterMinutes) : '',
    auth: feedAuthValues(feed.auth),
  };
}

export function staleModeOf(staleAfterMinutes: number | null): StaleMode {
  if (staleAfterMinutes === null) return 'automatic';
  return staleAfterMinutes === 0 ? 'never' : 'after';
}

/**
 * What registering and saving send: every setting, empty ones as null (the server's “none” / automatic).
 * Credentials are each form's to add (feedAuthCredentials, feedAuthEdit): a save leaves stored ones out.
 */
export interface FeedBody {
  name: string;
  url: string | null;
  intervalMinutes: number | null;
  staleAfterMinutes: number | null;
}

export function feedBody(values: FeedFormValues): FeedBody {
  const staleAfterMinutes = {
    automatic: null,
    never: 0,
    after: minutesOrNull(values.staleAfterMinutes),
  }[values.staleMode];
  return {
    name: values.name,
    url: values.url.trim() || null,
    intervalMinutes: minutesOrNull(values.intervalMinutes),
    staleAfterMinutes,
  };
}

/**
 * What the form can tell before asking the server, keyed like the server's field paths: “after a set time”
 * left empty would otherwise be sent as null, which means automatic; credentials missing what their kind
 * needs (`stored`: the feed's, whose secret a blank input keeps).
 */
export function feedFormErrors(
  values: FeedFormValues,
  stored: FeedAuthSummary | null = null,
): Map<string, string> {
  const errors = feedAuthErrors(values.auth, stored);
  if (values.staleMode === 'after' && values.staleAfterMinutes.trim() === '')
    errors.set('body.staleAfterMinutes', 'enter the minutes, or choose Automatic or Never');
  return errors;
}

/** Minutes of staleness “automatic” stands for: STALE_AFTER_PULLS intervals when pulled on a schedule. */
export function automaticStaleAfterMinutes(settings: { url: string | null; intervalMinutes: number | null }) {
  const { url, intervalMinutes } = settings;
  return url && intervalMinutes && intervalMinutes > 0 ? intervalMinutes * STALE_AFTER_PULLS : null;
}

/** The automatic setting in words, e.g. `Automatic: after 3 pull intervals (45 min)`. */
export function automaticStaleLabel(settings: {
  url: string | null;
  intervalMinutes: number | null;
}): string {
  const minutes = automaticStaleAfterMinutes(settings);
  return minutes === null
    ? 'Automatic: never (the feed is not pulled on a schedule)'
    : `Automatic: after ${STALE_AFTER_PULLS} pull intervals (${formatMinutes(minutes)})`;
}

/** A stored feed's staleness setting in words, for its page. */
export function staleSettingLabel(feed: Feed): string {
  if (feed.staleAfterMinutes === null) return automaticStaleLabel(feed);
  return feed.staleAfterMinutes === 0 ? 'Never' : `After ${formatMinutes(feed.staleAfterMinutes)}`;
}

/** The form's schedule as the server would read it, for the automatic label while typing. */
export function typedSchedule(values: FeedFormValues): {
  url: string | null;
  intervalMinutes: number | null;
} {
  return { url: values.url.trim() || null, intervalMinutes: minutesOrNull(values.intervalMinutes) };
}

function minutesOrNull(typed: string): number | null {
  return typed.trim() === '' ? null : Number(typed);
}
