/**
 * Every word the case team's command says, in Danish (its users are the
 * kommune's case workers). Kept in one place so the wording can be read and
 * changed without reading code.
 */
import { DEFAULT_AUDIT_RETENTION_DAYS, DEFAULT_RETENTION_DAYS } from '../../domain/retention.ts';

const kommuneList = (slugs: readonly string[]) => slugs.join(', ');

/** The help text; `kommuner` are the slugs of the content files (the catalog), so a new kommune is listed by itself. */
export const help = (kommuner: readonly string[]) => `Ansøgninger om socialpædagogisk støtte (§ 85): oversigt, eksport, PDF, sletning, levering, tjek,
backup, revisionsspor og ny nøgle.

Brug:  npm run ansoegninger -- <kommando> [valg]

Kommandoer:
  oversigt     Viser ansøgningerne: reference, hvornår de kom, kommune, enhed og
               om de er eksporteret. Ingen personoplysninger, medmindre du beder om
               dem (så skrives det i revisionssporet).
  eksport      Skriver ansøgningerne som CSV (til Excel) eller JSON Lines og
               markerer dem som eksporteret.
  pdf          Skriver én ansøgning som et tilgængeligt PDF-dokument til sagen:
               kommune, enhed og hvorfor, reference, modtaget og alle svar.
  slet-gamle   Sletter ansøgninger, der er ældre end opbevaringstiden. Kun dem,
               der er eksporteret eller leveret, medmindre du beder om andet. Sletter
               også udløbne kladder (svar fra skemaet uden JavaScript, der ikke blev sendt)
               og det af revisionssporet, der er ældre end 5 år.
  levering     Viser leveringen til kommunens system: pr. modtager hvor mange der
               venter, er leveret og er fejlet, og den seneste fejl. Med --igen
               sendes fejlede leveringer igen.
  tjek         Tjekker lageret: kan det åbnes, og er databasefilen hel
               (SQLite: PRAGMA quick_check). Afslutningskode 1, når noget er galt.
  backup       Kopierer SQLite-databasen til en ny fil, mens serveren kører.
               (PostgreSQL: brug pg_dump.)
  revisionsspor  Viser, hvem der har vist, eksporteret, kopieret, sendt igen eller
               slettet ansøgninger, og hvornår. Nyeste først. Ingen personoplysninger.
  ny-noegle    Krypterer alle ansøgninger og kladder med nøglen i DATA_ENCRYPTION_KEY:
               dem under en gammel nøgle (DATA_ENCRYPTION_OLD_KEYS) og dem, der er
               gemt ukrypteret. Serveren kan køre imens.
  hjaelp       Viser denne hjælp.
  (På engelsk: list, export, pdf, purge, delivery, check, backup, audit, new-key, help.)

Revisionsspor: Hver gang en kommando viser personoplysninger, udleverer dem eller
ændrer ansøgninger (oversigt med personoplysninger, eksport, pdf, slet-gamle,
levering --igen, backup og ny-noegle), bliver det skrevet ned: hvornår, hvilken bruger på
computeren, hvad og hvilke ansøgninger (kun referencerne). Det sker, før noget
bliver vist eller skrevet. Kan det ikke skrives ned, bliver intet vist.

Valg til oversigt og eksport:
  --kommune <kommune>   ${kommuneList(kommuner)}
  --enhed <enhed>       enhedens id, fx ungecentret
  --fra <dato>          modtaget fra og med denne dag (dansk tid), fx 2026-11-01
  --til <dato>          modtaget til og med denne dag (dansk tid), fx 2026-11-30
  --kun-nye             kun ansøgninger, der ikke er eksporteret endnu

Kun til oversigt:
  --med-personoplysninger   vis også navn og fødselsdato

Kun til eksport:
  --format csv|jsonl    CSV (standard; semikolon og UTF-8 til dansk Excel) eller JSON Lines
  --fil <sti>           skriv til en ny fil i den mappe, du står i (ellers til skærmen).
                        En fil, der findes i forvejen, bliver ikke overskrevet.

Til pdf:
  pdf <reference> --fil <sti>   ansøgningen med denne reference, fx 7KQM-X3PP, til en ny
                        fil i den mappe, du står i. En fil, der findes i forvejen,
                        bliver ikke overskrevet. Filen er kun til dig (personoplysninger).

Til slet-gamle:
  --dage <antal>        opbevaringstid i dage (standard ${DEFAULT_RETENTION_DAYS}, eller RETENTION_DAYS)
  --kommune <kommune>   kun i denne kommune
  --ogsaa-ikke-eksporterede   slet også ansøgninger, der ikke er eksporteret eller leveret

Til levering:
  (uden valg)           pr. modtager: venter, leveret, fejlet, hvor længe den ældste har
                        ventet, og den seneste fejl. En levering er fejlet, når den er
                        opgivet (efter 72 timers forsøg, eller en fejl, som nye forsøg
                        ikke kan rette).
  --fejlede             hver fejlet levering: reference, kommune, enhed, modtager, forsøg,
                        hvornår den blev opgivet, og den sidste fejl
  --reference <ref>     alle leveringer af én ansøgning, fx --reference 7KQM-X3PP
  --igen <reference>    send ansøgningens fejlede leveringer igen
  --igen alle-fejlede   send alle fejlede leveringer igen
  Afslutningskode (til overvågning): levering giver 1, når mindst én levering er
  fejlet (med --reference: én af ansøgningens), ellers 0. --igen giver 1, når
  ansøgningen ikke har nogen fejlede leveringer.
  Der vises aldrig personoplysninger, kun reference, kommune, enhed, modtager og fejl.

Til tjek:
  (uden valg)           ok eller beskadiget for hvert tjek. Afslutningskode (til overvågning):
                        1, når lageret ikke kan åbnes, databasefilen mangler eller er
                        beskadiget, ellers 0.

Til backup:
  --fil <sti>           en ny fil i den mappe, du står i. En fil, der findes i forvejen,
                        bliver ikke overskrevet. Filen er kun til dig (personoplysninger).

Til revisionsspor:
  --fra <dato>          fra og med denne dag (dansk tid), fx 2026-11-01
  --til <dato>          til og med denne dag (dansk tid), fx 2026-11-30
  --handling <navn>     kun én slags: ${AUDIT_ACTION_NAMES}
  --reference <ref>     kun det, der har rørt denne ansøgning, fx 7KQM-X3PP
  Revisionssporet gemmes i ${DEFAULT_AUDIT_RETENTION_DAYS} dage (5 år), eller AUDIT_RETENTION_DAYS.
  slet-gamle sletter det, der er ældre.

Til ny-noegle:
  (uden valg)           krypterer i små bidder, så borgernes ansøgninger aldrig venter længe,
                        og siger, hvor mange rækker der er under hver nøgle før og efter.
                        Afslutningskode 1, når en række ikke kunne krypteres (en nøgle, der
                        ikke er givet, eller en ændret række): fjern så ikke den gamle nøgle.

Eksempler:
  npm run ansoegninger -- oversigt --kommune varde
  npm run ansoegninger -- eksport --kommune bronderslev --kun-nye --fil ansoegninger.csv
  npm run ansoegninger -- eksport --enhed ungecentret --fra 2026-11-01 --til 2026-11-30 --format jsonl
  npm run ansoegninger -- pdf 7KQM-X3PP --fil ansoegning-7KQM-X3PP.pdf
  npm run ansoegninger -- slet-gamle --dage 30
  npm run ansoegninger -- levering
  npm run ansoegninger -- levering --fejlede
  npm run ansoegninger -- levering --igen 7KQM-X3PP
  npm run ansoegninger -- levering --igen alle-fejlede
  npm run ansoegninger -- tjek
  npm run ansoegninger -- backup --fil /srv/backup/ansoegninger-2026-11-30.sqlite
  npm run ansoegninger -- revisionsspor --reference 7KQM-X3PP
  npm run ansoegninger -- ny-noegle

Ansøgningerne ligger i SQLite i $DATA_DIR (standard ./data) eller i PostgreSQL, når
DATABASE_URL er sat.
`;


export const MESSAGES = {
  noCommand: 'Skriv en kommando: oversigt, eksport, pdf, slet-gamle, levering, tjek, backup, revisionsspor eller ny-noegle.',
  unknownCommand: (name: string) =>
    `Kommandoen "${name}" findes ikke. Brug oversigt, eksport, pdf, slet-gamle, levering, tjek, backup, revisionsspor eller ny-noegle.`,
  unknownAction: (value: string, actions: readonly string[]) => `Handlingen "${value}" findes ikke. Brug en af: ${actions.join(', ')}.`,
  unknownOption: (name: string) => `Valget "${name}" findes ikke.`,
  optionNotFor: (name: string, command: string) => `Valget ${name} kan ikke bruges med ${command}.`,
  optionTwice: (name: string) => `Valget ${name} står der to gange.`,
  missingValue: (name: string) => `Valget ${name} mangler en værdi, fx ${name} ${EXAMPLES[name] ?? '…'}.`,
  noValueExpected: (name: string) => `Valget ${name} tager ingen værdi.`,
  stray: (word: string) => `Jeg forstår ikke "${word}". Valg begynder med --, fx --kommune varde.`,
  unknownKommune: (slug: string, slugs: readonly string[]) => `Kommunen "${slug}" findes ikke. Brug en af: ${kommuneList(slugs)}.`,
  unknownUnit: (unit: string, units: readonly string[]) => `Enheden "${unit}" findes ikke. Brug en af: ${units.join(', ')}.`,
  unitNotInKommune: (unit: string, kommune: string, units: readonly string[]) =>
    `Enheden "${unit}" hører ikke til ${kommune}. Enheder i ${kommune}: ${units.join(', ')}.`,
  badDate: (name: string, value: string) => `${name} skal være en dato som 2026-11-01 (år-måned-dag), ikke "${value}".`,
  datesReversed: (from: string, to: string) => `--fra (${from}) er efter --til (${to}).`,
  badFormat: (value: string) => `--format skal være csv eller jsonl, ikke "${value}".`,
  pdfNeedsReference: 'Skriv referencen på den ansøgning, du vil have som PDF, fx pdf 7KQM-X3PP --fil ansoegning.pdf.',
  badReference: (value: string) =>
    `"${value}" er ikke en reference. En reference har 8 tegn, fx 7KQM-X3PP (uden 0, O, 1, I og L). Tjek, at den er skrevet rigtigt.`,
  pdfNeedsFile: 'Skriv, hvilken fil PDF-dokumentet skal gemmes i, fx --fil ansoegning.pdf.',
  backupNeedsFile: 'Skriv, hvilken ny fil kopien skal gemmes i, fx backup --fil ansoegninger-2026-11-30.sqlite.',
  badRetry: (value: string) =>
    `"${value}" er ikke en reference. En reference har 8 tegn, fx 7KQM-X3PP (uden 0, O, 1, I og L). ` +
    'Skriv --igen alle-fejlede for at sende alle fejlede leveringer igen.',
  deliveryOptionsTogether: (names: readonly string[]) => `Valgene ${names.join(' og ')} kan ikke bruges sammen. Brug ét ad gangen.`,
  badDays: (source: '--dage', value: string) => `${source} skal være et helt antal dage, 1 eller flere, fx ${DEFAULT_RETENTION_DAYS}, ikke "${value}".`,
} as const;

const EXAMPLES: Record<string, string> = {
  '--kommune': 'varde',
  '--enhed': 'ungecentret',
  '--fra': '2026-11-01',
  '--til': '2026-11-30',
  '--format': 'csv',
  '--fil': 'ansoegninger.csv',
  '--dage': '30',
  '--reference': '7KQM-X3PP',
  '--igen': '7KQM-X3PP eller --igen alle-fejlede',
  '--handling': 'eksport',
};

export const REPORT = {
  none: 'Ingen ansøgninger passer til valgene.',
  total: (n: number, notExported: number) => `${count(n)} i alt, ${notExported} ikke eksporteret.`,
  perUnit: 'Pr. enhed:',
  exported: (n: number, where: string | null) =>
    `${count(n)} eksporteret${where ? ` til ${where}` : ''} og markeret som eksporteret.`,
  exportedAgain: (n: number) => `Heraf var ${n} eksporteret før.`,
  purged: (n: number, days: number, keys: number) =>
    `${count(n)} ældre end ${days} ${days === 1 ? 'dag' : 'dage'} er slettet (og ${keys} ${keys === 1 ? 'nøgle' : 'nøgler'} mod dobbelt indsendelse).`,
  keptNotExported: (n: number) =>
    `${count(n)} ældre end opbevaringstiden er IKKE slettet, fordi ${n === 1 ? 'den' : 'de'} ikke er eksporteret eller leveret endnu. ` +
    'Eksportér dem først, eller slet dem med --ogsaa-ikke-eksporterede.',
  undeliveredJobs: (n: number) =>
    `${n} ${n === 1 ? 'levering, der ikke var gennemført,' : 'leveringer, der ikke var gennemført,'} er slettet med ansøgningerne (de ses ikke længere i "levering").`,
  pdf: (reference: string, path: string) => `Ansøgningen ${reference} er skrevet til ${path}.`,
  expiredDrafts: (n: number) =>
    `${n} ${n === 1 ? 'udløbet kladde' : 'udløbne kladder'} fra ansøgningsskemaet uden JavaScript er slettet (svar, der aldrig blev sendt).`,
} as const;

/** What `levering` says. */
export const DELIVERY = {
  none:
    'Ingen leveringer endnu: levering til kommunens system er ikke sat op, eller der er ikke kommet ansøgninger, siden den blev sat op. ' +
    'Ansøgningerne hentes med eksport.',
  heading: 'Levering til kommunens system, pr. modtager:',
  lastErrors: 'Seneste fejl:',
  lastError: (destination: string, at: string, reference: string, error: string) => `  ${destination}: ${at}, ${reference}: ${error}`,
  failedHint: (n: number) =>
    `${deliveries(n)} er fejlet. Se ${n === 1 ? 'den' : 'dem'} med levering --fejlede, og send ${n === 1 ? 'den' : 'dem'} igen ` +
    'med levering --igen <reference> eller --igen alle-fejlede, når fejlen er rettet.',
  noneFailed: 'Ingen leveringer er fejlet.',
  failedHeading: (n: number) => `${deliveries(n)} er fejlet:`,
  retryHint: (n: number) => `Send ${n === 1 ? 'den' : 'dem'} igen med levering --igen <reference> eller --igen alle-fejlede, når fejlen er rettet.`,
  applicationHeading: (reference: string, kommune: string, unitId: string) => `Leveringer af ansøgningen ${reference} (${kommune} / ${unitId}):`,
  retryApplicationHint: (reference: string) => `Send de fejlede igen med levering --igen ${reference}, når fejlen er rettet.`,
  applicationNone: (reference: string) =>
    `Ansøgningen ${reference} har ingen leveringer: der var ingen modtager sat op til dens kommune og enhed, da den kom. Den hentes med eksport.`,
  retried: (n: number) =>
    `${n} ${n === 1 ? 'fejlet levering er' : 'fejlede leveringer er'} sat i kø igen. Serveren prøver om lidt; se, hvordan det går, med levering.`,
  retriedNone: 'Ingen leveringer er fejlet; intet er sat i kø igen.',
  state: { pending: 'venter', delivered: 'leveret', failed: 'fejlet' },
  /** A pending job's next attempt, a delivered job's time, a failed job's time given up. */
  stateAt: { pending: 'næste forsøg', delivered: '', failed: 'opgivet' },
  columns: {
    destination: 'Modtager',
    pending: 'Venter',
    delivered: 'Leveret',
    failed: 'Fejlet',
    oldestPending: 'Ældste har ventet',
    reference: 'Reference',
    kommune: 'Kommune',
    unit: 'Enhed',
    attempts: 'Forsøg',
    endedAt: 'Opgivet',
    lastError: 'Sidste fejl',
    state: 'Status',
    queuedAt: 'Sat i kø',
  },
} as const;

/** "1 levering", "3 leveringer". */
export const deliveries = (n: number) => `${n} ${n === 1 ? 'levering' : 'leveringer'}`;

/** How long something has waited, in plain Danish: "under 1 min", "45 min", "3 timer 20 min", "2 døgn 4 timer". */
export function waited(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'under 1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const hoursText = (h: number) => `${h} ${h === 1 ? 'time' : 'timer'}`;
  if (hours < 48) return minutes % 60 === 0 ? hoursText(hours) : `${hoursText(hours)} ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} døgn` : `${days} døgn ${hoursText(hours % 24)}`;
}

const RESTORE = 'Stop serveren, og læg den seneste backup tilbage (README: "Health, metrics, backup and restore").';

const TABLES = { applications: 'Ansøgninger', form_drafts: 'Kladder' } as const;
const references = (refs: readonly string[]) => (refs.length > 20 ? `${refs.slice(0, 20).join(', ')} og ${refs.length - 20} flere` : refs.join(', '));

/** What `ny-noegle` says. */
export const REKEY = {
  noKey:
    'DATA_ENCRYPTION_KEY er ikke sat: der er ingen nøgle at kryptere med. Lav en med "openssl rand -base64 32", ' +
    'giv den til serveren og til denne kommando, og kør ny-noegle igen (README: "Keys").',
  heading: (keyId: string) => `Ny nøgle: alle ansøgninger og kladder krypteres med nøglen ${keyId}.`,
  before: 'Før:',
  after: 'Efter:',
  none: '  ingen ansøgninger eller kladder',
  use: (table: keyof typeof TABLES, rows: number, keyId: string | null, state: 'current' | 'old' | 'unknown' | 'plain') =>
    `  ${TABLES[table]}: ${rows} ${
      state === 'plain' ? 'ukrypteret' : `med nøglen ${keyId} (${state === 'current' ? 'den nye' : state === 'old' ? 'gammel' : 'IKKE GIVET'})`
    }`,
  resealed: (table: keyof typeof TABLES, n: number) => `${TABLES[table]}: ${n} krypteret med den nye nøgle.`,
  unknownKey: (keyId: string | null, refs: readonly string[], drafts: number) =>
    `${[refs.length ? count(refs.length) : '', drafts ? `${drafts} ${drafts === 1 ? 'kladde' : 'kladder'}` : ''].filter(Boolean).join(' og ')} ` +
    `er krypteret med nøglen ${keyId ?? '(ukendt)'}, som ikke er givet, og er IKKE krypteret igen${refs.length ? `: ${references(refs)}` : ''}. ` +
    'Giv nøglen i DATA_ENCRYPTION_OLD_KEYS, og kør ny-noegle igen.',
  broken: (refs: readonly string[], drafts: number) =>
    `${[refs.length ? count(refs.length) : '', drafts ? `${drafts} ${drafts === 1 ? 'kladde' : 'kladder'}` : ''].filter(Boolean).join(' og ')} ` +
    `kan ikke dekrypteres (ændret, afkortet eller flyttet fra en anden række) og er ikke rørt${refs.length ? `: ${references(refs)}` : ''}. ` +
    `Læg den seneste backup tilbage for ${refs.length + drafts === 1 ? 'den' : 'dem'} (README: "Health, metrics, backup and restore").`,
  copiesCleared: 'Gamle kopier: SQLite-filens WAL-fil er tømt, og de erstattede rækker er overskrevet med nuller.',
  copiesBusy:
    'Gamle kopier: WAL-filen kunne ikke tømmes nu, fordi serveren læste i den. Kør ny-noegle igen om lidt (den krypterer intet to gange).',
  copiesPostgres:
    'Gamle kopier: PostgreSQL beholder de gamle udgaver af rækkerne, til VACUUM genbruger pladsen, og WAL-arkiver og backups ' +
    'har dem, så længe de gemmes (README: "Keys").',
  done: (keyId: string) =>
    `Alle ansøgninger og kladder er krypteret med nøglen ${keyId}. Nu kan de gamle nøgler fjernes fra DATA_ENCRYPTION_OLD_KEYS; ` +
    'genstart serveren bagefter.',
  notDone: 'Ikke alt er krypteret med den nye nøgle (se ovenfor). Fjern IKKE de gamle nøgler endnu.',
} as const;

/** What `tjek` says: one line per check, `<check>: ok` or what is wrong. */
export const CHECK = {
  heading: (where: string) => `Tjek af lageret (${where}):`,
  opens: (result: string) => `  Lageret kan åbnes: ${result}`,
  sqlite: (result: string) => `  Databasefilen er hel (PRAGMA quick_check): ${result}`,
  postgres: '  Databasen svarer på en forespørgsel: ok (PostgreSQL holder selv sine sider hele; der er intet quick_check)',
  ok: 'ok',
  damaged: 'beskadiget',
  missing: (message: string) => `nej, ${message}`,
  unavailable: (reason: string) => `nej, lageret svarer ikke (${reason})`,
  notChecked: 'ikke tjekket (lageret kan ikke åbnes)',
  problem: (line: string) => `    ${line}`,
  restore: RESTORE,
} as const;

/** What `backup` says. */
export const BACKUP = {
  done: (path: string) => `Databasen er kopieret til ${path} (kun læsbar for dig) og tjekket: ok.`,
  damaged: (path: string) =>
    `Databasen er kopieret til ${path}, men kopien er beskadiget, fordi databasen er det. Behold den seneste hele backup. ${RESTORE}`,
  notWritten: (path: string, reason: string) => `Kan ikke skrive kopien ${path} (${reason}).`,
  postgres:
    'Med PostgreSQL tager du backup med pg_dump, fx: pg_dump --format=custom --file=stoette.dump "$DATABASE_URL". ' +
    'Gem hele databasen med tabellerne applications, idempotency_keys, form_drafts, deliveries, audit_log og schema_migrations (README: "Health, metrics, backup and restore").',
} as const;

/** The actions `revisionsspor --handling` takes, for the help (the list is AUDIT_ACTIONS in src/server/store/types.ts). */
const AUDIT_ACTION_NAMES = 'oversigt, eksport, pdf, slet-gamle,\n                        levering-igen, backup eller ny-noegle';

/** What `revisionsspor` says, and what the other commands say about the trail. */
export const AUDIT = {
  none: 'Ingen handlinger i revisionssporet passer til valgene.',
  heading: (n: number) =>
    `Revisionsspor: ${n} ${n === 1 ? 'handling' : 'handlinger'}, nyeste først. Hver linje: tidspunkt (dansk tid), handling, bruger og udfald; ` +
    'under den, hvad handlingen rørte.',
  outcome: { begun: 'ikke afsluttet (kører stadig, eller blev afbrudt)', done: 'gennemført', failed: 'mislykkedes' },
  /** The operating-system user; with sudo, who typed it first. */
  actor: (user: string, sudoUser: string | null) => (sudoUser && sudoUser !== user ? `${sudoUser} (med sudo som ${user})` : user),
  references: (references: readonly string[]) =>
    references.length === 0 ? 'Ingen ansøgninger' : `${references.length === 1 ? 'Ansøgning' : `Ansøgninger (${references.length})`}: ${references.join(', ')}`,
  output: { file: 'en fil (navnet gemmes ikke)', stdout: 'skærmen eller et program (stdout)' } as Record<string, string>,
  format: { csv: 'CSV', jsonl: 'JSON Lines', pdf: 'PDF', sqlite: 'en kopi af hele databasen' } as Record<string, string>,
  writtenTo: (parts: readonly string[]) => `Skrevet til: ${parts.join(', ')}`,
  choices: (parts: readonly string[]) => `Valg: ${parts.join(', ')}`,
  choice: {
    kommune: (slug: string) => `kommune ${slug}`,
    unitId: (id: string) => `enhed ${id}`,
    receivedFrom: (at: string) => `modtaget fra ${at}`,
    receivedBefore: (at: string) => `modtaget før ${at}`,
    exported: (exported: boolean) => (exported ? 'kun eksporterede' : 'kun nye'),
    olderThanDays: (n: number) => `ældre end ${days(n)}`,
    includeNotExported: 'også dem, der ikke er eksporteret eller leveret',
    auditOlderThanDays: (n: number) => `revisionsspor ældre end ${days(n)}`,
    allFailed: 'alle fejlede',
  },
  counts: (parts: readonly string[]) => `Antal: ${parts.join('; ')}`,
  nothingCounted: 'Antal: intet slettet eller ændret',
  count: {
    applications: (n: number) => `${count(n)} slettet`,
    idempotencyKeys: (n: number) => `${n} ${n === 1 ? 'nøgle' : 'nøgler'} mod dobbelt indsendelse slettet`,
    keptNotExported: (n: number) => `${count(n)} ikke slettet, fordi kommunen ikke har ${n === 1 ? 'den' : 'dem'}`,
    undeliveredJobs: (n: number) => `${deliveries(n)}, der ikke var gennemført, slettet`,
    formDrafts: (n: number) => `${n} ${n === 1 ? 'udløbet kladde' : 'udløbne kladder'} slettet`,
    auditEntries: (n: number) => `${n} ${n === 1 ? 'linje' : 'linjer'} i revisionssporet slettet`,
    deliveries: (n: number) => `${deliveries(n)} sat i kø igen`,
    reencrypted: (n: number) => `${count(n)} krypteret med den nye nøgle`,
  } as Record<string, (n: number) => string>,
  reason: (code: string) => `Fejl: ${REASONS[code] ?? code}`,
  purged: (n: number, days: number) =>
    `${n} ${n === 1 ? 'linje' : 'linjer'} i revisionssporet ældre end ${days} ${days === 1 ? 'dag' : 'dage'} er slettet.`,
  notFinished:
    'Handlingen står i revisionssporet, men ikke at den er afsluttet: lageret svarede ikke bagefter. Den står som "ikke afsluttet".',
} as const;

/** A failure's code as the trail keeps it (auditReason in src/server/store/audit.ts), in words. */
const REASONS: Record<string, string> = {
  EPIPE: 'modtageren holdt op med at læse (EPIPE)',
  EEXIST: 'filen fandtes allerede (EEXIST)',
  ENOENT: 'mappen findes ikke (ENOENT)',
  ENOSPC: 'disken er fuld (ENOSPC)',
  EACCES: 'ingen adgang til filen (EACCES)',
  damaged: 'kopien er beskadiget, fordi databasen er det',
  error: 'en uventet fejl',
};

const days = (n: number) => `${n} ${n === 1 ? 'dag' : 'dage'}`;

export const FAILURES = {
  storeUnavailable: (where: string) => `Kan ikke nå ansøgningerne (${where}). Prøv igen om lidt, eller kontakt driften.`,
  storeDamaged: (where: string, message: string) => `Lageret kan ikke bruges (${where}): ${message}. ${RESTORE}`,
  noDatabase: (file: string) =>
    `Der er ingen ansøgninger i ${file}: filen findes ikke. Er DATA_DIR rigtig (eller skal DATABASE_URL være sat)?`,
  fileExists: (path: string) => `Filen ${path} findes allerede. Vælg et andet navn; den gamle fil bliver ikke overskrevet.`,
  fileNotWritten: (path: string, reason: string) => `Kan ikke skrive filen ${path} (${reason}). Intet er markeret som eksporteret.`,
  pdfNotWritten: (path: string, reason: string) => `Kan ikke skrive filen ${path} (${reason}).`,
  retryNothingFailed: (reference: string) =>
    `Ansøgningen ${reference} har ingen fejlede leveringer; intet er sat i kø igen. Se dens leveringer med levering --reference ${reference}.`,
  unknownReference: (reference: string) =>
    `Der er ingen ansøgning med referencen ${reference}. Tjek referencen; en ansøgning kan også være slettet efter opbevaringstiden (slet-gamle).`,
  noKommuneContent: (kommune: string) => `Ansøgningen er til kommunen "${kommune}", som der ikke er indhold for (content/kommuner/). Intet er skrevet.`,
  outputNotWritten: (reason: string) => `Kan ikke skrive eksporten (${reason}). Intet er markeret som eksporteret.`,
  outputClosed: 'Modtageren holdt op med at læse, før hele eksporten var skrevet. Intet er markeret som eksporteret.',
  configuration: (message: string) => `Forkert opsætning: ${message}`,
  /** A row under a key not given, or one that does not open (SealedDataError's own Danish message first). */
  sealed: (message: string, problem: 'unknown-key' | 'no-key' | 'broken') =>
    `Kan ikke læse ansøgningerne: ${message}. ` +
    (problem === 'broken'
      ? `Den vises ikke. ${RESTORE}`
      : problem === 'no-key'
        ? 'Giv kommandoen den samme DATA_ENCRYPTION_KEY som serveren (README: "Keys").'
        : 'Giv nøglen i DATA_ENCRYPTION_OLD_KEYS (eller DATA_ENCRYPTION_KEY), og prøv igen. Uden den kan ingen læse de rækker (README: "Keys").'),
  unexpected: (message: string) => `Noget gik galt: ${message}`,
} as const;

export const COLUMNS = {
  reference: 'Reference',
  receivedAt: 'Modtaget',
  kommune: 'Kommune',
  unit: 'Enhed',
  exportedAt: 'Eksporteret',
  name: 'Navn',
  birthDate: 'Fødselsdato',
  no: 'nej',
} as const;

/** "1 ansøgning", "3 ansøgninger". */
export const count = (n: number) => `${n} ${n === 1 ? 'ansøgning' : 'ansøgninger'}`;
