/** Evidence rows as the webview shows them (pure: no vscode). */
import type { EvidenceQuery, EvidenceRow, Library } from '../../core/library/index.js';
import type { EvidenceRowView } from '../../shared/evidence-protocol.js';

function fileName(uri: string): string {
  const path = uri.split('?')[0]!.split('#')[0]!;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

export function rowView(row: EvidenceRow): EvidenceRowView {
  const r = row.record;
  const relation = r.relation && r.relation !== '=' ? `${r.relation} ` : '';
  const value = r.value === null ? '' : `${relation}${r.value}${r.valueMax !== null ? `–${r.valueMax}` : ''}${r.error !== null ? ` ± ${r.error}` : ''}${r.unit ? ` ${r.unit}` : ''}`;
  return {
    ligand: r.ligand?.name ?? '',
    target: r.target?.name ?? '',
    measure: r.measure ?? '',
    value,
    molar: r.molar,
    pValue: r.pValue,
    unit: r.unit ?? '',
    context: r.context ?? '',
    document: row.document ?? fileName(row.uri),
    line: r.line + 1,
    references: row.references.map((ref) => ref.label).join('; '),
  };
}

/** The table's title for a query. */
export function queryTitle(library: Library, query: EvidenceQuery): string {
  if ('entity' in query) {
    const e = library.entity(query.entity);
    return e ? `${e.name} (${e.kind})` : query.entity;
  }
  return `${library.entity(query.ligand)?.name ?? query.ligand} at ${library.entity(query.target)?.name ?? query.target}`;
}

/** A query's plot groups by the other side: a target's records by ligand, anything else by target. */
export function plotBy(library: Library, query: EvidenceQuery): 'target' | 'ligand' {
  return 'entity' in query && library.entity(query.entity)?.kind === 'target' ? 'ligand' : 'target';
}

/** Validates command arguments naming a query: an entity, or a ligand–target pair, the library knows. */
export function parseQuery(library: Library, value: unknown): EvidenceQuery | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const known = (id: unknown): id is string => typeof id === 'string' && id.length < 500 && library.entity(id) !== undefined;
  if (known(v.entity)) return { entity: v.entity };
  if (known(v.ligand) && known(v.target)) return { ligand: v.ligand, target: v.target };
  return undefined;
}
