/**
 * `/<kommune>/kontakt/<unit>.vcf`: each unit's contact card, written at build
 * time for the units whose standard gives a phone, an e-mail or an address.
 * One file for both languages: a card holds the standard's (Danish) data only.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getKommuner } from '../../../lib/kommuner.ts';
import { hasContactCard, unitVCard } from '../../../lib/vcard.ts';
import { contactPath } from '../../../domain/paths.ts';

export const getStaticPaths = (async () =>
  (await getKommuner()).flatMap((entry) =>
    entry.data.units.filter(hasContactCard).map((unit) => ({
      params: { kommune: entry.id, unit: unit.id },
      props: { unit, kommuneSlug: entry.id, kommuneName: entry.data.name },
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const pageUrl = new URL(contactPath('da', props.kommuneSlug), site).href;
  const card = unitVCard(props.unit, { kommuneName: props.kommuneName, pageUrl });
  return new Response(card, { headers: { 'Content-Type': 'text/vcard; charset=utf-8' } });
};
