/**
 * The sensitivity setting and the confidence each level asks of a finding. Rule confidences (dataset/rules/)
 * are set so that:
 *
 * - precise (0.65) shows what an editor would nearly always mark: anonymous sourcing, "supposedly",
 *   "so-called", "alleged" before an investigated event, certainty without evidence, charged verbs and
 *   adjectives, name-calling;
 * - balanced (0.5, the default) adds the wider lexicons of loaded, sensational and partisan wording,
 *   exaggeration, fear appeals, scare quotes of one or two words, unsupported accusations and "allegedly";
 * - thorough (0.3) adds words that are as often ordinary as loaded: "regime", "terrorist", "militant", a bare
 *   "alleged", "reportedly", "critics say", longer quoted fragments.
 *
 * docs/design/phrasing.md gives the measured precision and recall of each level.
 */
export const SENSITIVITIES = { precise: 0.65, balanced: 0.5, thorough: 0.3 } as const;
export type Sensitivity = keyof typeof SENSITIVITIES;
export const DEFAULT_SENSITIVITY: Sensitivity = 'balanced';

export function thresholdFor(sensitivity: Sensitivity | undefined): number {
  return SENSITIVITIES[sensitivity ?? DEFAULT_SENSITIVITY] ?? SENSITIVITIES[DEFAULT_SENSITIVITY];
}
