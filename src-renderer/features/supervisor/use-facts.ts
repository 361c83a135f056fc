/** The workspace's indicator facts and their progress, for the supervisor's screens. */
import { of } from 'rxjs';
import type { DossierFact, FactsProgress } from '../../supervisor/facts-store';
import { useObservable } from '../../hooks';
import { useWorkspace } from '../../workspace-context';

const NONE: readonly DossierFact[] = [];
const NOT_STARTED: FactsProgress = { read: 0, ready: false, error: '' };

export function useFacts(): { facts: readonly DossierFact[]; progress: FactsProgress } {
  const ws = useWorkspace();
  const facts = useObservable(() => ws.facts?.facts$ ?? of(NONE), NONE, [ws]);
  const progress = useObservable(() => ws.facts?.progress$ ?? of(NOT_STARTED), NOT_STARTED, [ws]);
  return { facts, progress };
}

/** A rate 0..1 in percent to one decimal (0.925 → 92.5), as the screens show it; null stays null. */
export function ratePercent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

/** A rate 0..1 as "92,5 %" (Vietnamese) or "92.5 %"; "—" when there is nothing to divide. */
export function percentText(rate: number | null, language: string): string {
  const percent = ratePercent(rate);
  return percent === null ? '—' : `${percent.toLocaleString(language === 'en' ? 'en-GB' : 'vi-VN')} %`;
}
