/**
 * A conv2d with the bug of note 004's `conv2d_padding` (errata.004-padding-swapped): it pads the height with the
 * width padding and the width with the height padding, `np.pad(x, ((w, w), (h, h)))`. Everything else is right,
 * so only cases with different height and width padding show it. Try:
 *
 *     npx convkit run --adapter examples/swapped-padding-adapter.ts --only conv2d.definition
 */
import { conv2dGeometry, reference, type Adapter } from 'convkit';

const adapter: Adapter = {
  name: 'notes-004-swapped-padding',
  dtype: 'float64',
  conv2d: (input, weight, bias, opts = {}) => {
    const { top, bottom, left, right } = conv2dGeometry(input.shape, weight.shape, bias?.shape ?? null, opts).pads;
    return reference.conv2d!(input, weight, bias, { ...opts, padding: { top: left, bottom: right, left: top, right: bottom } });
  },
};
export default adapter;
