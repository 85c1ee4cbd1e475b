/**
 * A unit's phone number wherever a citizen looks for it (contact page, routing
 * box, questionnaire result, receipt): the standard's number as a tap-to-call
 * link; else a number from another public source, as a link too, labelled
 * with where it is from and when ("fra kommunens hjemmeside, dato ukendt");
 * else the "not stated" text. Small: the islands carry it.
 */
import type { ComponentChildren } from 'preact';
import type { ShownUnit } from '../domain/unit-phone.ts';
import { PhoneLink } from './PhoneLink.tsx';

interface Props {
  unit: Pick<ShownUnit, 'phone' | 'outsidePhone'>;
  notStated?: ComponentChildren;
  /** "fra" / "from": the source and its date follow, in Danish (they are the content's words). */
  from: string;
  large?: boolean;
}

export const UnitPhone = ({ unit: { phone, outsidePhone: outside }, notStated, from, large }: Props) => (
  <>
    <PhoneLink phone={phone ?? outside?.phone ?? null} notStated={notStated} large={large} />
    {/* The space inside the text: compressHTML drops a space that stands alone between two elements. */}
    {!phone && outside && (
      <span class="phone-source">
        {` (${from} `}
        <span lang="da">{outside.source}</span>)
      </span>
    )}
  </>
);
