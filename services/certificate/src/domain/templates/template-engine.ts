import { isPlaceholder, RAW_PLACEHOLDERS, type Placeholder, type TemplateValues } from './placeholders';

/**
 * A logic-less template language (a small Mustache subset): `{{name}}` prints a value, HTML-escaped;
 * `{{#name}}…{{/name}}` prints its content only when the value is not empty. Nothing else: no loops, no
 * expressions, no partials, so an admin's template can only arrange the values we give it.
 */
export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: Placeholder }
  | { kind: 'section'; name: Placeholder; children: TemplateNode[] };

export interface ParsedTemplate {
  nodes: TemplateNode[];
}

export type ParseResult = { ok: true; template: ParsedTemplate } | { ok: false; problems: string[] };

const TAG = /\{\{([\s\S]*?)\}\}/g;
const TAG_BODY = /^\s*([#/]?)\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/;

export function parseTemplate(source: string): ParseResult {
  const problems: string[] = [];
  const root: TemplateNode[] = [];
  const open: { name: Placeholder; children: TemplateNode[] }[] = [];
  const target = () => (open.length ? open[open.length - 1].children : root);
  let last = 0;
  for (const match of source.matchAll(TAG)) {
    const at = match.index;
    if (at > last) target().push({ kind: 'text', text: source.slice(last, at) });
    last = at + match[0].length;
    const tag = TAG_BODY.exec(match[1]);
    if (!tag) {
      problems.push(`"${shorten(match[0])}" is not a placeholder`);
      continue;
    }
    const [, sigil, name] = tag;
    if (!isPlaceholder(name)) {
      problems.push(`unknown placeholder "${name}"`);
      continue;
    }
    if (sigil === '#') {
      const section = { kind: 'section' as const, name, children: [] as TemplateNode[] };
      target().push(section);
      open.push(section);
    } else if (sigil === '/') {
      const innermost = open.pop();
      if (!innermost) problems.push(`"{{/${name}}}" closes a section that is not open`);
      else if (innermost.name !== name) problems.push(`"{{/${name}}}" closes the section "${innermost.name}"`);
    } else {
      target().push({ kind: 'value', name });
    }
  }
  if (last < source.length) target().push({ kind: 'text', text: source.slice(last) });
  for (const section of open) problems.push(`the section "${section.name}" is not closed`);
  return problems.length ? { ok: false, problems } : { ok: true, template: { nodes: root } };
}

export function renderTemplate(template: ParsedTemplate, values: TemplateValues): string {
  return renderNodes(template.nodes, values);
}

function renderNodes(nodes: TemplateNode[], values: TemplateValues): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'value') out += RAW_PLACEHOLDERS.has(node.name) ? values[node.name] : escapeHtml(values[node.name]);
    else if (values[node.name] !== '') out += renderNodes(node.children, values);
  }
  return out;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;', '=': '&#61;' };

/** Safe in text and in quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`=]/g, (char) => HTML_ESCAPES[char]);
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
