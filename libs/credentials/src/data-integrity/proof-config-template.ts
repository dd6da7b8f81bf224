import type { DocumentLoader } from '../jsonld/document-loader';
import type { JsonObject } from './types';

/**
 * Canonical N-Quads of proof configurations that differ only in `created`, from one RDF canonicalization.
 *
 * A proof configuration is one node; signing many credentials with the same key repeats it with a new
 * `created` each time, and the generic JSON-LD expansion and canonicalization of that small node costs as much
 * per proof as a large part of the document's. So the first configuration of a shape is canonicalized with a
 * sentinel `created`; the result becomes a template when it is safe to fill: the sentinel occurs exactly once,
 * as an xsd:dateTime literal, in the only line with its subject and predicate, and the single blank node is
 * `_:c14n0`. Then the canonical form of any `created` is the template with the value in place: RDFC-1.0 names a
 * lone blank node `_:c14n0` whatever its literals, the line keeps its place in the sorted output (the sort
 * order is decided by the subject and predicate before the literal), and a `created` that passed the
 * dateTime check needs no N-Quads escaping. Every other shape takes the generic path.
 */
export class ProofConfigTemplates {
  private static readonly SENTINEL = '1970-01-01T00:00:00Z';
  private static readonly LITERAL = `"${ProofConfigTemplates.SENTINEL}"^^<http://www.w3.org/2001/XMLSchema#dateTime>`;
  private static readonly MAX_SHAPES = 1000;
  private readonly byLoader = new WeakMap<DocumentLoader, Map<string, Promise<Template | undefined>>>();

  constructor(private readonly canonicalize: (config: JsonObject, loader: DocumentLoader) => Promise<string>) {}

  async canonicalizeProofConfig(config: JsonObject, loader: DocumentLoader): Promise<string> {
    const created = config.created;
    if (typeof created !== 'string' || !/^[0-9TZ:.+-]+$/.test(created)) return this.canonicalize(config, loader);
    const shapes = this.shapesOf(loader);
    const key = JSON.stringify({ ...config, created: ProofConfigTemplates.SENTINEL });
    let template = shapes.get(key);
    if (!template) {
      if (shapes.size >= ProofConfigTemplates.MAX_SHAPES) shapes.clear();
      template = this.canonicalize({ ...config, created: ProofConfigTemplates.SENTINEL }, loader).then(ProofConfigTemplates.templateOf);
      // A failing shape is not remembered: the generic path below reports its error for this config.
      template.catch(() => shapes.delete(key));
      shapes.set(key, template);
    }
    const filled = await template.catch(() => undefined);
    return filled ? filled.before + created + filled.after : this.canonicalize(config, loader);
  }

  private shapesOf(loader: DocumentLoader): Map<string, Promise<Template | undefined>> {
    let shapes = this.byLoader.get(loader);
    if (!shapes) this.byLoader.set(loader, (shapes = new Map()));
    return shapes;
  }

  private static templateOf(canonical: string): Template | undefined {
    const literal = ProofConfigTemplates.LITERAL;
    const at = canonical.indexOf(literal);
    if (at < 0 || canonical.indexOf(literal, at + 1) >= 0) return undefined;
    if (canonical.indexOf(ProofConfigTemplates.SENTINEL) !== at + 1) return undefined;
    const labels = new Set(canonical.match(/_:[A-Za-z0-9]+/g) ?? []);
    if ([...labels].some((l) => l !== '_:c14n0')) return undefined;
    const lines = canonical.split('\n').filter(Boolean);
    const line = lines.find((l) => l.includes(literal))!;
    const subjectAndPredicate = line.slice(0, line.indexOf(literal));
    if (lines.filter((l) => l.startsWith(subjectAndPredicate)).length !== 1) return undefined;
    return { before: canonical.slice(0, at + 1), after: canonical.slice(at + 1 + ProofConfigTemplates.SENTINEL.length) };
  }
}

interface Template {
  before: string;
  after: string;
}
