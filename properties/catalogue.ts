/** The whole property catalogue, in report order. */
import type { Property } from './property.js';
import { shapeProperties } from './catalogue/shapeProperties.js';
import { referenceAgreement } from './catalogue/referenceAgreement.js';
import { correlationProperties } from './catalogue/correlationProperties.js';
import { oracleProperties } from './catalogue/oracleProperties.js';
import { transpositionProperties } from './catalogue/transpositionProperties.js';
import { linearityProperties } from './catalogue/linearityProperties.js';
import { equivarianceProperties } from './catalogue/equivarianceProperties.js';
import { decompositionProperties } from './catalogue/decompositionProperties.js';
import { adjointProperties } from './catalogue/adjointProperties.js';
import { poolingProperties } from './catalogue/poolingProperties.js';
import { numericsProperties } from './catalogue/numericsProperties.js';
import { errorProperties } from './catalogue/errorProperties.js';
import { samePaddingProperties } from './catalogue/samePaddingProperties.js';
import { gradientProperties } from './catalogue/gradientProperties.js';

export const catalogue: readonly Property[] = [
  ...shapeProperties,
  ...referenceAgreement,
  ...correlationProperties,
  ...oracleProperties,
  ...transpositionProperties,
  ...linearityProperties,
  ...equivarianceProperties,
  ...decompositionProperties,
  ...samePaddingProperties,
  ...adjointProperties,
  ...poolingProperties,
  ...numericsProperties,
  ...gradientProperties,
  ...errorProperties,
];
