// citation-js 0.8 ships no types: the little Marginalia uses of it.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    format(format: string, options?: { format?: 'text' | 'html' | 'object' }): string | object;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
