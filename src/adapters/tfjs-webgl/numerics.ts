/**
 * What tfjs's WebGL backend really computes in, found in the page where it runs:
 * - tfjs's flags (tfjs-backend-webgl flags_webgl.ts): WEBGL_VERSION, WEBGL_RENDER_FLOAT32_CAPABLE (the context
 *   renders to RGBA32F textures, EXT_color_buffer_float) and WEBGL_RENDER_FLOAT32_ENABLED (tfjs uses them; else
 *   float16 textures, as on many phones);
 * - a measurement, since the flags say what tfjs chose, not what the shaders do: 1 + 2⁻²⁰ computed by a shader
 *   (tf.add on the GPU) and read back. It is 1 + 2⁻²⁰ only if the texture stores and the shader adds in at
 *   least float32's 24 significand bits (float16 has 11: it reads back 1), and 2⁻¹⁴⁹ (float32's least
 *   subnormal) read back through a shader tells whether subnormals survive (GLSL ES allows flushing them).
 * Not tfjs's backend.floatPrecision(): in 4.22 it answers 16 whenever float32 rendering is enabled (it
 *   returns 32 only from its underflow check, which runs when float32 rendering is off).
 * Measured here (Chromium 156, ANGLE on SwiftShader): WebGL 2, float32 rendering capable and enabled,
 * 1 + 2⁻²⁰ exact, so storage float32 and shader arithmetic binary32 (TFJS_WEBGL_NUMERICS). page.ts declares
 * for every operator what the measurement found where it runs (webglNumerics), not this machine's answer.
 */
import type * as Tf from '@tensorflow/tfjs-core';
import type { OperatorNumerics } from '../../adapter/contract.js';

export interface WebglPrecision {
  readonly webglVersion: number;
  readonly renderFloat32Capable: boolean;
  readonly renderFloat32Enabled: boolean;
  /** Whether 1 + 2⁻²⁰, added by a shader, reads back exactly (float32 storage and arithmetic). */
  readonly float32Arithmetic: boolean;
  /** Whether 2⁻¹⁴⁹ passed through a shader (x·1) reads back unflushed. */
  readonly subnormals: boolean;
  readonly summary: string;
}

/** Storage and accumulation as measured above: float32 textures, binary32 shader arithmetic. */
export const TFJS_WEBGL_NUMERICS: OperatorNumerics = { storage: 'float32', accumulate: 'float32' };

/**
 * Float16 textures (WEBGL_RENDER_FLOAT32_ENABLED false, or 1 + 2⁻²⁰ read back as 1): every stored value, inputs and
 * each shader's output, is binary16, while a shader's own sum runs in its registers at highp (binary32 where the
 * GPU has it: GLSL ES 3.00 gives highp float binary32 range and precision). Not measured on this machine, which
 * renders float32: it is the declaration for a device that does not.
 */
export const TFJS_WEBGL_FLOAT16_NUMERICS: OperatorNumerics = { storage: 'float16', accumulate: 'float32' };

/** What a page's measured precision says the backend computes in. */
export function webglNumerics(p: Pick<WebglPrecision, 'renderFloat32Enabled' | 'float32Arithmetic'>): OperatorNumerics {
  return p.renderFloat32Enabled && p.float32Arithmetic ? TFJS_WEBGL_NUMERICS : TFJS_WEBGL_FLOAT16_NUMERICS;
}

export function webglPrecision(tf: typeof Tf): WebglPrecision {
  const env = tf.env();
  const webglVersion = Number(env.getNumber('WEBGL_VERSION'));
  const renderFloat32Capable = env.getBool('WEBGL_RENDER_FLOAT32_CAPABLE');
  const renderFloat32Enabled = env.getBool('WEBGL_RENDER_FLOAT32_ENABLED');
  const onGpu = (f: () => Tf.Tensor) => tf.tidy(() => f().dataSync()[0]!);
  const float32Arithmetic = onGpu(() => tf.add(tf.scalar(1), tf.scalar(2 ** -20))) === Math.fround(1 + 2 ** -20);
  const subnormals = onGpu(() => tf.mul(tf.scalar(2 ** -149), tf.scalar(1))) !== 0;
  const storage = renderFloat32Enabled && float32Arithmetic ? 'float32' : 'float16';
  const summary = `WebGL ${webglVersion}, ${storage} textures (WEBGL_RENDER_FLOAT32_ENABLED ${renderFloat32Enabled}; 1 + 2^-20 ${float32Arithmetic ? 'exact' : 'rounded to 1'}; subnormals ${subnormals ? 'kept' : 'flushed'})`;
  return { webglVersion, renderFloat32Capable, renderFloat32Enabled, float32Arithmetic, subnormals, summary };
}
