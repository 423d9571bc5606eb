/** Clauses every operator's generic properties check, whatever the operator. */

/** Every agreement check also validates the result's form and reads values row-major against float64. */
export const COMMON_DEFINITION_CLAUSES = ['num.reference-float64', 'num.float32-inputs', 'tensor.layout.row-major', 'tensor.data.length', 'tensor.data.type', 'err.adapter-result'] as const;

/** An invalid call is rejected with a typed error, never answered (spec/errors.md). */
export const INVALID_CONFIGURATIONS_CLAUSES = ['err.adapter-rejects', 'err.no-garbage', 'err.typed'] as const;
