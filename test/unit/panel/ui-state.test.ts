import { describe, expect, test } from 'vitest';
import { initialUiState, restoreUiState } from '../../../webview/ui-state.js';

describe('webview state kept across hide and show', () => {
  test('a saved state comes back as it was', () => {
    const saved = {
      tab: 'data',
      filter: 'Frontiers',
      uri: 'file:///a.md',
      expanded: [3, 12],
      sort: { column: 'molar', descending: true },
      recordFilter: 'haloperidol',
      expandedRecords: [0, 4],
      scroll: { references: 120, entities: 0, data: 40, annotations: 12 },
      annotationFilter: { colour: 'green', tag: 'NMDA', text: 'BiP' },
    };
    expect(restoreUiState(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
  });

  test('nothing saved, or garbage, gives the initial state', () => {
    expect(restoreUiState(undefined)).toEqual(initialUiState);
    expect(restoreUiState('state')).toEqual(initialUiState);
    expect(restoreUiState({ tab: 'settings', filter: 4, expanded: 'all', sort: { column: 'x' }, recordFilter: 7, expandedRecords: [-1, 'x'], scroll: { references: -5 } })).toEqual(initialUiState);
  });
});
