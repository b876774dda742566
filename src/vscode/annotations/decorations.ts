/**
 * The reader's highlights in the editor: one decoration type per colour, in the theme colours
 * the manifest contributes (`marginalia.annotation<Colour>`), apart from the entity highlights;
 * a dotted underline marks the passages that carry a note.
 */
import * as vscode from 'vscode';
import { annotationColours, type AnnotationColour, type PlacedAnnotation } from '../../core/annotations/index.js';

/** The theme colour id of an annotation colour, e.g. `marginalia.annotationYellow`. */
export function colourId(colour: AnnotationColour): string {
  return `marginalia.annotation${colour[0]!.toUpperCase()}${colour.slice(1)}`;
}

export interface AnnotationDecorations extends vscode.Disposable {
  /** Shows the placed annotations in an editor; returns how many of each colour. */
  show(editor: vscode.TextEditor, placed: readonly PlacedAnnotation[]): Record<AnnotationColour, number>;
}

export function createAnnotationDecorations(): AnnotationDecorations {
  const types = new Map<AnnotationColour, vscode.TextEditorDecorationType>();
  for (const colour of annotationColours) {
    const theme = new vscode.ThemeColor(colourId(colour));
    types.set(
      colour,
      vscode.window.createTextEditorDecorationType({
        backgroundColor: theme,
        overviewRulerColor: theme,
        overviewRulerLane: vscode.OverviewRulerLane.Center,
        // Text typed at either edge stays outside, as the tracked ranges do.
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
    );
  }
  const noted = vscode.window.createTextEditorDecorationType({
    borderColor: new vscode.ThemeColor('marginalia.annotationNoteBorder'),
    borderStyle: 'dotted',
    borderWidth: '0 0 2px 0',
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  return {
    show(editor, placed) {
      const { document } = editor;
      const byColour = new Map<AnnotationColour, vscode.Range[]>(annotationColours.map((c) => [c, []]));
      const notes: vscode.Range[] = [];
      for (const { annotation, placement } of placed) {
        if (placement.kind !== 'anchored') continue;
        const range = new vscode.Range(document.positionAt(placement.start), document.positionAt(placement.end));
        byColour.get(annotation.colour)!.push(range);
        if (annotation.note !== null) notes.push(range);
      }
      const counts = Object.fromEntries(annotationColours.map((c) => [c, 0])) as Record<AnnotationColour, number>;
      for (const [colour, ranges] of byColour) {
        editor.setDecorations(types.get(colour)!, ranges);
        counts[colour] = ranges.length;
      }
      editor.setDecorations(noted, notes);
      return counts;
    },
    dispose() {
      for (const type of types.values()) type.dispose();
      noted.dispose();
    },
  };
}
