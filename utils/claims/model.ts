/**
 * The check-worthiness model in the background: a logistic regression over the hashed features of
 * `features.ts`, read from `dataset/models/checkworthy.json` (trained by `train/checkworthy/train.py`). A file
 * that is missing, truncated or of another version is refused with a reason, and the stage is off.
 */
import { FEATURE_VERSION, featurize } from './features';

export const MODEL_VERSION = 2;

export interface CheckworthyHeader {
  model: string;
  version: number;
  kind: string;
  features: { version: number; bits: number };
  /** The score from which a sentence counts as check-worthy (chosen on the tune half). */
  threshold: number;
  /** [lowest score of the band, measured precision on held-out data], ascending. */
  calibration: [number, number][];
  [key: string]: unknown;
}

export interface CheckworthyFile {
  header: CheckworthyHeader;
  bias: number;
  indices: number[];
  weights: number[];
}

export interface CheckworthyModel {
  version: number;
  threshold: number;
  /** The probability that a sentence holds a check-worthy factual claim. */
  score(sentence: string): number;
  /** The measured precision of sentences scored about `score`: what a finding's confidence is. */
  precisionAt(score: number): number;
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The model, or the reason it cannot be used. */
export function loadCheckworthy(raw: unknown): CheckworthyModel | string {
  if (!raw || typeof raw !== 'object') return 'unsupported claims: the check-worthiness model is missing';
  const file = raw as Partial<CheckworthyFile>;
  const h = file.header;
  if (!h || h.model !== 'checkworthy') return 'unsupported claims: the check-worthiness model file is not one';
  if (h.version !== MODEL_VERSION || h.features?.version !== FEATURE_VERSION) {
    return `unsupported claims: the check-worthiness model is version ${String(h.version)}, this build reads ${MODEL_VERSION}`;
  }
  const bits = h.features.bits;
  const { indices, weights, bias } = file;
  if (
    !isNum(bits) ||
    bits < 8 ||
    bits > 24 ||
    !isNum(bias) ||
    !isNum(h.threshold) ||
    !Array.isArray(indices) ||
    !Array.isArray(weights) ||
    indices.length !== weights.length ||
    !indices.length ||
    !Array.isArray(h.calibration) ||
    !h.calibration.length
  ) {
    return 'unsupported claims: the check-worthiness model is truncated or damaged';
  }
  const table = new Map<number, number>();
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    const w = weights[k];
    if (!isNum(i) || !isNum(w) || i < 0 || i >= 1 << bits) {
      return 'unsupported claims: the check-worthiness model is truncated or damaged';
    }
    table.set(i, w);
  }
  const calibration = h.calibration.filter(
    (c): c is [number, number] => Array.isArray(c) && isNum(c[0]) && isNum(c[1]),
  );
  if (calibration.length !== h.calibration.length) {
    return 'unsupported claims: the check-worthiness model is truncated or damaged';
  }
  const spec = { version: FEATURE_VERSION, bits };
  return {
    version: h.version,
    threshold: h.threshold,
    score(sentence) {
      const v = featurize(sentence, spec);
      let z = bias;
      for (let k = 0; k < v.indices.length; k++) z += (table.get(v.indices[k]!) ?? 0) * v.values[k]!;
      return 1 / (1 + Math.exp(-z));
    },
    precisionAt(score) {
      let p = calibration[0]![1];
      for (const [lo, precision] of calibration) {
        if (score < lo) break;
        p = precision;
      }
      return p;
    },
  };
}
