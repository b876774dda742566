/**
 * The fields an entry has in the contract from the start (`authors`, `title`, `source`, `year`,
 * `doi`, `pmid`, `pmcid`, `url`, `host`), read by the reference grammar (grammar/) like
 * `references[].fields`, so both always agree.
 */
import type { Reference } from '../types.js';
import { parseEntry, type ParsedEntry } from './grammar/parse.js';

/** What an entry's text says about the work it lists, as the first fields of the contract hold it. */
export type EntryFields = Pick<Reference, 'authors' | 'title' | 'source' | 'year' | 'doi' | 'pmid' | 'pmcid' | 'url' | 'host'>;

/** The first fields of the contract from a grammar reading. */
export function legacyFields(parsed: ParsedEntry): EntryFields {
  const f = parsed.fields;
  return {
    authors: parsed.authorsWritten,
    title: f.title?.value ?? null,
    source: f.container?.value ?? null,
    year: f.year ? Number(f.year.value) : null,
    doi: parsed.doiWritten,
    pmid: f.pmid?.value ?? null,
    pmcid: f.pmcid?.value ?? null,
    url: parsed.anyUrl,
    host: parsed.host,
  };
}

/** Reads the first fields of one entry (its text without list marker or number). */
export function parseEntryFields(raw: string): EntryFields {
  return legacyFields(parseEntry(raw));
}
