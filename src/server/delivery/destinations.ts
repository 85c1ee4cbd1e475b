/**
 * The destinations the settings name (src/lib/delivery-config.ts), made into
 * the modules that deliver to them. A new kind of destination is one module
 * implementing `Destination` (types.ts) and one case here (docs/delivery.md).
 */
import type { Kommune } from '../../domain/kommune.ts';
import type { DestinationSetting } from '../../lib/delivery-config.ts';
import type { Destination } from './types.ts';
import type { DocumentMaker } from './documents.ts';
import { webhookDestination } from './webhook.ts';
import { emailDestination } from './email.ts';

/** The destinations, making their documents with `documents` (the server: one worker thread for all). */
export function createDestinations(settings: readonly DestinationSetting[], kommuner: Record<string, Kommune>, documents: DocumentMaker): Map<string, Destination> {
  const kommune = (slug: string) => (Object.hasOwn(kommuner, slug) ? kommuner[slug] : undefined);
  return new Map(
    settings.map((setting): [string, Destination] => {
      switch (setting.type) {
        case 'webhook':
          return [setting.id, webhookDestination({ id: setting.id, url: setting.url, secret: setting.secret, kommune, documents })];
        case 'email':
          return [
            setting.id,
            emailDestination({
              id: setting.id,
              smtpUrl: setting.smtpUrl,
              from: setting.from,
              to: setting.to,
              attachDocument: setting.attachDocument,
              fetchHint: setting.fetchHint ?? undefined,
              kommune,
              documents,
            }),
          ];
      }
    }),
  );
}

/** Who gets what, for the start-up log: "webhook https://…/ind: alle kommuner". */
export function describeSetup(settings: readonly DestinationSetting[], destinations: ReadonlyMap<string, Destination>): string[] {
  return settings.map((s) => {
    const scope = s.kommune === null ? 'alle kommuner' : s.units === null ? s.kommune : `${s.kommune} (${s.units.join(', ')})`;
    return `${s.id}: ${destinations.get(s.id)?.describe ?? s.type} — ${scope}`;
  });
}
