// Reading a PowerPoint slide's XML in tests: its shapes with their text, as a
// viewer would show them (entities undone, runs joined, paragraphs by newlines).

export const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export interface SlideShape {
  name: string;
  text: string;
  geometry: string;
  /** EMU from the slide's top. */
  y: number;
  placeholder: string | null;
}

export function slideShapes(xml: string): SlideShape[] {
  return [...xml.matchAll(/<p:sp>(.*?)<\/p:sp>/gs)].map((m) => {
    const body = m[1]!;
    const paragraphs = [...body.matchAll(/<a:p>(.*?)<\/a:p>/gs)].map((p) => [...p[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => unescape(t[1]!)).join(''));
    return {
      name: unescape(/<p:cNvPr id="\d+" name="([^"]*)"/.exec(body)?.[1] ?? ''),
      text: paragraphs.join('\n').trim(),
      geometry: /<a:prstGeom prst="(\w+)"/.exec(body)?.[1] ?? (body.includes('<a:custGeom>') ? 'custGeom' : ''),
      y: Number(/<a:off x="-?\d+" y="(-?\d+)"/.exec(body)?.[1] ?? NaN),
      placeholder: /<p:ph\s[^>]*type="(\w+)"/.exec(body)?.[1] ?? null,
    };
  });
}
