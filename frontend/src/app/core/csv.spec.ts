import { csvCell, toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and one line per row with CRLF', () => {
    const csv = toCsv(
      [
        { name: 'HQ Retrofit', budget: 1200 },
        { name: 'Data, Lake', budget: 5 },
      ],
      [
        { header: 'Name', value: (r) => r.name },
        { header: 'Budget', value: (r) => r.budget },
      ],
    );
    expect(csv).toBe('Name,Budget\r\nHQ Retrofit,1200\r\n"Data, Lake",5\r\n');
  });

  it('quotes quotes and line breaks, leaves empty cells for null', () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('defuses text that a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell(-3)).toBe('-3');
  });
});
