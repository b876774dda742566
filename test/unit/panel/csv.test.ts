import { describe, expect, test } from 'vitest';
import { csvField, recordsToCsv } from '../../../src/vscode/panel/csv.js';
import { lineCounter } from '../../../src/vscode/panel/model.js';
import { reviewAnalysis, reviewText } from './review-analysis.js';

describe('CSV export of records', () => {
  test('writes a header and one row per record, quoting and defusing document text', () => {
    expect(recordsToCsv(reviewAnalysis, lineCounter(reviewText))).toBe(
      [
        'ligand,ligand_id,target,target_id,measure,value,value_max,unit,molar,effect_direction,effect,context,references,table,line,relation,error,error_kind,n,standard_type,p_value,origin,source_text',
        'compound-a,ligand:compound-a,channel-x,target:channel-x,IC50,6,,μM,0.000006,inhibition,6 μM,,1,1,7,\'=,,,,IC50,,table,',
        '"compound-b, ""salt""",,channel-x,target:channel-x,IC50,,,,,inhibition,\'=1+2,,2,1,8,,,,,IC50,,table,',
        '',
      ].join('\r\n'),
    );
  });

  test('quotes fields holding a comma, a quote or a line break, and doubles quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField('plain')).toBe('plain');
  });

  test('text that a spreadsheet would run as a formula gets a leading apostrophe', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  test('numbers stay numbers, and missing or non-finite values are empty', () => {
    expect(csvField(-2.5)).toBe('-2.5');
    expect(csvField(6e-9)).toBe('6e-9');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });
});
