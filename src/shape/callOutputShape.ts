/** The output shape of any operator call, from the one shape module of each operator (throws on bad input). */
import type { OperatorCall } from '../adapter/operatorCall.js';
import type { AvgPool2dOptions, MaxPool2dOptions, Pad2dMode, Pads } from '../adapter/contract.js';
import { conv2dGeometry, conv2dOutputShape } from './conv2dGeometry.js';
import { convTranspose2dGeometry, convTranspose2dOutputShape } from './convTranspose2dGeometry.js';
import { pad2dGeometry, pad2dOutputShape } from './pad2dGeometry.js';
import { avgPool2dGeometry, maxPool2dGeometry, pool2dOutputShape } from './pool2dGeometry.js';

export function callOutputShape(call: OperatorCall): number[] {
  const shapeOf = (name: string) => call.inputs[name]?.shape ?? [];
  const bias = call.inputs['bias'] ? call.inputs['bias'].shape : null;
  switch (call.op) {
    case 'corr2d': {
      const [h = 0, w = 0] = shapeOf('x');
      const [kh = 0, kw = 0] = shapeOf('k');
      return [h - kh + 1, w - kw + 1];
    }
    case 'conv2d':
      return conv2dOutputShape(conv2dGeometry(shapeOf('input'), shapeOf('weight'), bias, call.options));
    case 'convTranspose2d':
      return convTranspose2dOutputShape(convTranspose2dGeometry(shapeOf('input'), shapeOf('weight'), bias, call.options));
    case 'pad2d': {
      const { pads, mode } = call.options as { pads: Pads; mode: Pad2dMode };
      return pad2dOutputShape(pad2dGeometry(shapeOf('input'), pads, mode));
    }
    case 'maxPool2d':
      return pool2dOutputShape(maxPool2dGeometry(shapeOf('input'), call.options as unknown as MaxPool2dOptions));
    case 'avgPool2d':
      return pool2dOutputShape(avgPool2dGeometry(shapeOf('input'), call.options as unknown as AvgPool2dOptions));
  }
}
