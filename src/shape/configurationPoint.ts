/**
 * Where one call sits in an operator's configuration space, read from its resolved geometry: what the
 * coverage report (`kit.coverage`, src/kit/coverage/) classifies into cells. Each record builds it from its
 * own shape module, so nothing outside the records needs to know an operator's options.
 */
/** One spatial axis; a parameter the operator does not have (corr2d's stride, avgPool2d's dilation) is left out. */
export interface ConfigurationAxis {
  readonly kernel: number;
  readonly stride?: number;
  readonly dilation?: number;
}

export interface ConfigurationPoint {
  /** Absent where the operator has no batch or channel axis (corr2d's one plane). */
  readonly batch?: number;
  /** Input channels: the extent a vectorised kernel's channel loop runs over. */
  readonly channels?: number;
  /** The spatial axes of a windowed operator; none for operators without a fixed window (pad2d, adaptive pooling). */
  readonly axes: readonly ConfigurationAxis[];
  /** The padding's form and mode as one label: `valid`, `symmetric/zeros`, `same/circular`, `asymmetric/reflect`, … */
  readonly padding: string;
}

/** The form of explicit per-side pads: none at all, the same before and after on every axis, or not. */
export function padForm(axes: readonly { readonly padBefore: number; readonly padAfter: number }[]): 'valid' | 'symmetric' | 'asymmetric' {
  if (axes.every((a) => a.padBefore === 0 && a.padAfter === 0)) return 'valid';
  return axes.every((a) => a.padBefore === a.padAfter) ? 'symmetric' : 'asymmetric';
}
