/**
 * The error a bad descriptor line gets: a ConvkitError (`err.typed`) whose `op` names the descriptor itself, so
 * the message reads `descriptor "mb1ic3ih5kh7": oh=-1 must be ≥ 1 §shape.positive`. The line stays available as data.
 */
import { ConvkitError, type ConvkitErrorCode } from '../../errors/convkitError.js';

export class DescriptorError extends ConvkitError {
  readonly descriptor: string;

  constructor(descriptor: string, details: { code: ConvkitErrorCode; field: string; value: unknown; rule: string; clause: string }) {
    super({ code: details.code, op: `descriptor ${JSON.stringify(descriptor)}`, argument: details.field, value: details.value, rule: details.rule, clause: details.clause });
    this.name = 'DescriptorError';
    this.descriptor = descriptor;
  }
}
