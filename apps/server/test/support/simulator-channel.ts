import {
  SIMULATOR_PATHS,
  startWebhookSimulator,
  type WebhookSimulator,
} from '@ballast/connector-webhook/simulator';

/** A Standard Webhooks secret; tests assert it never appears in a response. */
export const SIM_SECRET = 'whsec_c2VjcmV0LXRoYXQtbXVzdC1uZXZlci1sZWFrLTEyMzQ=';
/** The part of the secret that would show in any leak, encoded or not. */
export const SIM_SECRET_MARKERS = [
  SIM_SECRET,
  SIM_SECRET.slice('whsec_'.length),
  'secret-that-must-never-leak',
];

/** A running webhook simulator and the connector config pointing at it. */
export async function startSimulatorChannel(
  options: { lookup?: boolean; readBack?: boolean } = {},
): Promise<{ sim: WebhookSimulator; config: Record<string, unknown> }> {
  const sim = await startWebhookSimulator({ secret: SIM_SECRET, requestsPerSecond: 1000 });
  const config = {
    endpointUrl: `${sim.server.url}${SIMULATOR_PATHS.inventory}`,
    signingSecret: SIM_SECRET,
    requestsPerSecond: 1000,
    timeoutMs: 2_000,
    ...(options.lookup !== false && { lookupUrl: `${sim.server.url}${SIMULATOR_PATHS.lookup}` }),
    ...(options.readBack && { readBackUrl: `${sim.server.url}${SIMULATOR_PATHS.readBack}` }),
  };
  return { sim, config };
}

/** Fails when a response text carries the secret in any form. */
export function assertNoSecret(text: string): void {
  for (const marker of SIM_SECRET_MARKERS) {
    if (text.includes(marker)) throw new Error(`a response leaked the channel secret: ${text.slice(0, 300)}`);
  }
}
