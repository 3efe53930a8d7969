import { latest } from '../../lib/latest.ts';
import { useStore } from '../../store/store-context.tsx';

/** Where a sales order came from, by name: a channel's order webhook, or made by hand (no channel). */
export function useOrderSource(): (channelId: number | null) => string {
  const { channels } = useStore();
  return (channelId) =>
    channelId === null
      ? 'Manual'
      : (latest(channels)?.find((c) => c.id === channelId)?.name ?? `Channel #${channelId}`);
}
