// How labels and relation kinds look. Each is told apart by an icon or a dash
// pattern and a word, never by colour alone; every colour passes WCAG AA as
// text on white.
import type { Kind, Label } from '../domain';

export interface LabelStyle {
  readonly title: string;
  readonly color: string;
  readonly tint: string;
}

export const LABEL_STYLE: Record<Label, LabelStyle> = {
  customer: { title: 'Customer', color: '#1d5fc4', tint: '#e8f0fc' },
  client: { title: 'Client', color: '#6a3bc9', tint: '#f0eafb' },
  partner: { title: 'Partner', color: '#0b7a5e', tint: '#e3f5ef' },
  intermediary: { title: 'Intermediary', color: '#b23c0a', tint: '#fcede5' },
  supplier: { title: 'Supplier', color: '#7a5a12', tint: '#f6f0e1' },
  colleague: { title: 'Colleague', color: '#a3205f', tint: '#fbe8f1' },
  other: { title: 'Other', color: '#4b5563', tint: '#f1f3f5' },
};

export interface KindStyle {
  /** A verb phrase for the edge label: "Distributor → pays → us". */
  readonly verb: string;
  readonly title: string;
  readonly color: string;
  readonly dash?: string;
  readonly width: number;
}

export const KIND_STYLE: Record<Kind, KindStyle> = {
  offering: { verb: 'offering', title: 'Offering', color: '#1f3a5f', width: 2.6 },
  serves: { verb: 'serves', title: 'Serves its own customers', color: '#0b7a5e', width: 2 },
  supply: { verb: 'supplies', title: 'Supply', color: '#7a5a12', width: 2, dash: '12 4 2 4' },
  money: { verb: 'pays', title: 'Money', color: '#2f7d32', width: 2, dash: '8 5' },
  advice: { verb: 'advises', title: 'Advice', color: '#6a3bc9', width: 1.8, dash: '2 5' },
  support: { verb: 'supports', title: 'Support', color: '#0e6b8a', width: 1.8, dash: '10 4 2 4 2 4' },
  referral: { verb: 'refers', title: 'Referral', color: '#b23c0a', width: 1.8, dash: '14 6' },
  insight: { verb: 'shares insight', title: 'Insight', color: '#4b5563', width: 1.4, dash: '1 4' },
};
