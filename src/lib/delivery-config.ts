/**
 * Where applications are delivered (docs/delivery.md): the destinations the
 * operator sets up, read and checked at start by src/lib/config.ts.
 *
 *   DELIVERY_WEBHOOK_URL + DELIVERY_WEBHOOK_SECRET           one webhook for every kommune (id `webhook`)
 *   DELIVERY_SMTP_URL + DELIVERY_EMAIL_FROM + DELIVERY_EMAIL_TO
 *                                                            one notification address (id `e-mail`)
 *   DELIVERY_CONFIG=<file.json>                              destinations per kommune and unit
 *
 * The file: `{ "destinations": [ { "id", "type": "webhook", "url", "secret",
 * "kommune"?, "units"? }, { "id", "type": "email", "smtpUrl", "from", "to",
 * "attachDocument"?, "fetchHint"?, "kommune"?, "units"? } ] }`. A destination
 * without `kommune` takes every kommune's applications; `units` narrows to
 * those units of its kommune. A wrong field stops the start with a message
 * naming it.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Kommune } from '../domain/kommune.ts';
import { attachmentAllowed, smtpUrlProblem } from './smtp-url.ts';

interface Scope {
  /** Only this kommune's applications; `null`: every kommune's. */
  kommune: string | null;
  /** Only these units of that kommune; `null`: every unit. */
  units: string[] | null;
}

export type WebhookSetting = Scope & { type: 'webhook'; id: string; url: string; secret: string };
export type EmailSetting = Scope & {
  type: 'email';
  id: string;
  smtpUrl: string;
  from: string;
  to: string[];
  /** Attach the application's document (only on a TLS-only server). */
  attachDocument: boolean;
  /** Where the case team fetches the application, for the message; `null`: with the staff command. */
  fetchHint: string | null;
};
export type DestinationSetting = WebhookSetting | EmailSetting;

export interface DeliverySetting {
  destinations: DestinationSetting[];
}

const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/i;

const id = z.string().regex(ID, 'skal være små bogstaver, tal og bindestreger, højst 40 tegn, fx sbsys-bronderslev');
export const webhookUrl = z
  .string()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'skal være en hel adresse med https:// (eller http://), fx https://sag.kommune.dk/stoetteportalen')
  // fetch refuses an address with a user and password, so every delivery would fail; a #part is never sent.
  .refine((value) => !URL.canParse(value) || (!new URL(value).username && !new URL(value).password && !new URL(value).hash), 'må ikke have brugernavn, adgangskode eller #: giv en nøgle i adressens ?-del, hvis modtageren kræver det');
export const webhookSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'skal være en Standard Webhooks-nøgle: whsec_ og base64')
  .refine((value) => {
    const bytes = Buffer.from(value.slice('whsec_'.length), 'base64').length;
    return bytes >= 24 && bytes <= 64;
  }, 'skal efter whsec_ have 24 til 64 bytes i base64 (fx whsec_ og 32 tilfældige bytes)');
export const smtpUrl = z.string().superRefine((value, ctx) => {
  const problem = smtpUrlProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
export const emailAddress = z.string().regex(EMAIL, 'skal være en e-mailadresse, fx sagsteam@kommune.dk');

const scope = {
  kommune: z.string().regex(/^[a-z0-9-]+$/, 'skal være en kommunes navn som i adressen, fx bronderslev').optional(),
  units: z.array(z.string().min(1)).min(1, 'skal nævne mindst én enhed (eller udelades)').optional(),
};

const fileSchema = z
  .object({
    destinations: z.array(
      z.discriminatedUnion('type', [
        z.strictObject({ type: z.literal('webhook'), id, url: webhookUrl, secret: webhookSecret, ...scope }),
        z.strictObject({
          type: z.literal('email'),
          id,
          smtpUrl,
          from: emailAddress,
          to: z.array(emailAddress).min(1, 'skal have mindst én modtager'),
          attachDocument: z.boolean().optional(),
          fetchHint: z.string().min(1).max(200).optional(),
          ...scope,
        }),
      ], { error: 'skal have "type": "webhook" eller "email"' }),
    ),
  })
  .strict();

const withScope = <T extends { kommune?: string; units?: string[] }>(d: T) => ({ ...d, kommune: d.kommune ?? null, units: d.units ?? null });

/** A DELIVERY_CONFIG file's destinations, or the problems (each naming its field). */
export function parseDeliveryFile(text: string): { ok: true; destinations: DestinationSetting[] } | { ok: false; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // Only where: the parser's message quotes the file around the fault, which may be a secret.
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '');
    if (!position) return { ok: false, problems: ['er ikke gyldig JSON (tjek anførselstegn, kommaer og klammer)'] };
    const before = text.slice(0, Number(position[1])).split('\n');
    return { ok: false, problems: [`er ikke gyldig JSON (linje ${before.length}, tegn ${before.at(-1)!.length + 1})`] };
  }
  const result = fileSchema.safeParse(json);
  if (!result.success) {
    // The first problem of each field (a wrong secret need not also be told it is too short).
    const seen = new Set<string>();
    const problems = result.error.issues.flatMap((issue) => {
      const field = issue.path.join('.') || '(hele filen)';
      if (seen.has(field)) return [];
      seen.add(field);
      return [`${field} ${issue.message}`];
    });
    return { ok: false, problems };
  }
  const problems: string[] = [];
  const destinations = result.data.destinations.map((d, i): DestinationSetting => {
    if (d.units && !d.kommune) problems.push(`destinations.${i}.units kræver "kommune": enhederne er en kommunes`);
    if (d.type === 'webhook') return withScope(d);
    if (d.attachDocument && !attachmentAllowed(d.smtpUrl)) {
      problems.push(
        `destinations.${i}.attachDocument kræver en SMTP-server kun over TLS med kontrol af certifikatet (smtps:// eller ?requireTLS=true): ansøgningen rummer CPR-nummer og helbredsoplysninger`,
      );
    }
    return { ...withScope(d), attachDocument: d.attachDocument ?? false, fetchHint: d.fetchHint ?? null };
  });
  return problems.length ? { ok: false, problems } : { ok: true, destinations };
}

/** Reads a DELIVERY_CONFIG file (a file that cannot be read is a problem of the setting, like a wrong field). */
export function readDeliveryFile(path: string): ReturnType<typeof parseDeliveryFile> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, problems: [`kan ikke læses (${(error as NodeJS.ErrnoException).code ?? String(error)})`] };
  }
  return parseDeliveryFile(text);
}

/** Problems of destinations against the kommuner there are: an unknown kommune or unit, two with one id. */
export function deliveryProblems(destinations: readonly DestinationSetting[], kommuner: Record<string, Pick<Kommune, 'units'>>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const d of destinations) {
    if (seen.has(d.id)) problems.push(`to destinationer hedder "${d.id}"; hver skal have sit eget id`);
    seen.add(d.id);
    if (d.kommune === null) continue;
    const kommune = Object.hasOwn(kommuner, d.kommune) ? kommuner[d.kommune] : undefined;
    if (!kommune) {
      problems.push(`destinationen "${d.id}" nævner kommunen "${d.kommune}", som portalen ikke har (${Object.keys(kommuner).join(', ')})`);
      continue;
    }
    for (const unit of d.units ?? []) {
      if (!kommune.units.some((u) => u.id === unit)) {
        problems.push(`destinationen "${d.id}" nævner enheden "${unit}", som ${d.kommune} ikke har (${kommune.units.map((u) => u.id).join(', ')})`);
      }
    }
  }
  return problems;
}

/** Whether a delivery to this destination hands over the application itself (see Destination.carriesApplication). */
export const carriesApplication = (d: DestinationSetting): boolean => d.type === 'webhook' || d.attachDocument;

/** The outbox's plan: the destinations of an application of this kommune and unit. */
export function outboxPlan(setting: DeliverySetting) {
  return (kommune: string, unitId: string) =>
    setting.destinations
      .filter((d) => (d.kommune === null || d.kommune === kommune) && (d.units === null || d.units.includes(unitId)))
      .map((d) => ({ id: d.id, carriesApplication: carriesApplication(d) }));
}
