/** The sensitivity setting and the confidence each level asks of a finding. */
export const SENSITIVITIES = { precise: 0.7, balanced: 0.5, thorough: 0.3 } as const;
export type Sensitivity = keyof typeof SENSITIVITIES;
export const DEFAULT_SENSITIVITY: Sensitivity = 'balanced';

export function thresholdFor(sensitivity: Sensitivity | undefined): number {
  return SENSITIVITIES[sensitivity ?? DEFAULT_SENSITIVITY] ?? SENSITIVITIES[DEFAULT_SENSITIVITY];
}
