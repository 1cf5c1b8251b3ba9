// Everything the rules derive from one map under one definition, computed on
// first use and from one pass of facts: the findings, what each stakeholder
// is shown to be, and the customer count. The store keeps one per map
// (src/store/analysis.ts) so that every view reads the same results.
import { findingsOf, type Finding } from './check';
import { computeFacts, type MapFacts } from './facts';
import { definitionOf, type Definition, type StakeMap } from './model';
import { assertDefinition } from './roles';
import { sentenceOf, summaryOf, viewsOf, type CustomerSummary, type StakeholderView } from './summary';

export interface MapAnalysis {
  /** The map analysed. */
  readonly map: StakeMap;
  readonly definition: Definition;
  readonly facts: MapFacts;
  /** checkMap's findings, in its order. */
  readonly findings: readonly Finding[];
  /** What the map shows each stakeholder to be, by id. */
  readonly views: ReadonlyMap<string, StakeholderView>;
  readonly summary: CustomerSummary;
  /** "You call 5 stakeholders customers; under your definition 2 are." */
  readonly sentence: string;
}

class LazyAnalysis implements MapAnalysis {
  private computed: {
    facts?: MapFacts;
    findings?: readonly Finding[];
    views?: ReadonlyMap<string, StakeholderView>;
    summary?: CustomerSummary;
    sentence?: string;
  } = {};

  constructor(
    readonly map: StakeMap,
    readonly definition: Definition,
  ) {}

  get facts(): MapFacts {
    return (this.computed.facts ??= computeFacts(this.map));
  }

  get findings(): readonly Finding[] {
    return (this.computed.findings ??= findingsOf(this.map, this.definition, this.facts));
  }

  get views(): ReadonlyMap<string, StakeholderView> {
    return (this.computed.views ??= viewsOf(this.map, this.definition, this.facts));
  }

  get summary(): CustomerSummary {
    return (this.computed.summary ??= summaryOf(this.map, this.views));
  }

  get sentence(): string {
    return (this.computed.sentence ??= sentenceOf(this.summary));
  }
}

/**
 * The analysis of `map` under `definition` (default: the map's own). Each part
 * is computed when first read, then kept. Throws for an unknown definition.
 */
export function analyzeMap(map: StakeMap, definition?: Definition): MapAnalysis {
  return new LazyAnalysis(map, assertDefinition(definition ?? definitionOf(map)));
}
