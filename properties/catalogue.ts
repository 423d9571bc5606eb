/** The whole property catalogue, in report order. */
import type { Property } from './property.js';
import { shapeProperties } from './catalogue/shapeProperties.js';

export const catalogue: readonly Property[] = [...shapeProperties];
