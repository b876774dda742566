/** Gold JSON written compactly: the top level indented, one array item per line. */
export function compactJson(value: Record<string, unknown>): string {
  const lines = Object.entries(value).map(([key, v]) => {
    if (Array.isArray(v) && v.length > 0) return `  ${JSON.stringify(key)}: [\n${v.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
    return `  ${JSON.stringify(key)}: ${JSON.stringify(v)}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}
