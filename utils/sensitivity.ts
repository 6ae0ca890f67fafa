/**
 * The sensitivity setting and the confidence each level asks of a finding. With the phrasing model
 * (utils/analyze/model.ts), the confidence of loaded language, labelling and exaggeration is the precision
 * measured at the finding's score on held-out annotated news, so each level is a precision floor: "balanced"
 * shows what annotators marked at least half the time at that score. Without the model, and for the categories
 * it does not measure, the rules' own confidences (dataset/rules/) meet the same numbers; they are set so that:
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
