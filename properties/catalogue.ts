/** The whole property catalogue, in report order: the generic properties of every registered operator, and the laws specific to one. */
import type { Property } from './property.js';
import { errorProperties, exactIntegerProperties, forwardProperties, gradientProperties as genericGradients } from './generic/index.js';
import { correlationProperties } from './catalogue/correlationProperties.js';
import { oracleProperties } from './catalogue/oracleProperties.js';
import { transpositionProperties } from './catalogue/transpositionProperties.js';
import { linearityProperties } from './catalogue/linearityProperties.js';
import { equivarianceProperties } from './catalogue/equivarianceProperties.js';
import { decompositionProperties } from './catalogue/decompositionProperties.js';
import { adjointProperties } from './catalogue/adjointProperties.js';
import { poolingProperties } from './catalogue/poolingProperties.js';
import { numericsProperties } from './catalogue/numericsProperties.js';
import { samePaddingProperties } from './catalogue/samePaddingProperties.js';
import { gradientProperties } from './catalogue/gradientProperties.js';

export const catalogue: readonly Property[] = [
  ...forwardProperties,
  ...correlationProperties,
  ...oracleProperties,
  ...transpositionProperties,
  ...linearityProperties,
  ...equivarianceProperties,
  ...decompositionProperties,
  ...samePaddingProperties,
  ...adjointProperties,
  ...poolingProperties,
  ...exactIntegerProperties,
  ...numericsProperties,
  ...genericGradients,
  ...gradientProperties,
  ...errorProperties,
];
