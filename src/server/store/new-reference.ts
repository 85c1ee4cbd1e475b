import { randomInt } from 'node:crypto';
import { createReference } from '../../domain/reference.ts';

/** A new application reference from the operating system's random source. */
export const newReference = (): string => createReference((n) => randomInt(n));

/** How often a backend draws a new reference after a collision before giving up (31^7 makes one rare). */
export const REFERENCE_ATTEMPTS = 5;
