/**
 * What every printed page of a report carries in its margins: the report's title, period and generation time at the
 * foot, and "Page n of m" (CSS page-margin boxes, which Chromium prints).
 */
export function PrintPageMargins({ footer }: { footer: string }) {
  const quoted = `"${footer.replace(/[\\"]/g, "\\$&").replace(/[\n\r]/g, " ")}"`;
  const css = `@page { margin: 14mm 12mm 16mm; @bottom-left { content: ${quoted}; font-size: 8pt; color: #475569; } @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #475569; } }`;
  return <style>{css}</style>;
}
