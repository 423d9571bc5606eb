/**
 * What tfjs's WebGL backend really computes in, read from tfjs's own environment flags (tfjs-backend-webgl
 * flags_webgl.ts) in the page where it runs:
 * - WEBGL_VERSION: 2 here (ANGLE on SwiftShader, CHROMIUM_ARGS in src/isolation/page/pageHost.ts);
 * - WEBGL_RENDER_FLOAT32_CAPABLE: the context can render to RGBA32F textures (EXT_color_buffer_float);
 * - WEBGL_RENDER_FLOAT32_ENABLED: tfjs uses them (else it falls back to float16 textures, as on most phones);
 * - backend.floatPrecision(): 32 or 16, what tfjs itself reports.
 * Measured here (Chromium 156, SwiftShader): version 2, capable and enabled, floatPrecision 32 — storage
 * float32; the shaders accumulate in GLSL `highp float`, which SwiftShader runs as IEEE binary32. So the
 * declaration is storage float32, accumulate float32 (issue 11's `Adapter.numerics` shape, wired once it lands).
 */
import type * as Tf from '@tensorflow/tfjs-core';

export interface WebglPrecision {
  readonly webglVersion: number;
  readonly renderFloat32Capable: boolean;
  readonly renderFloat32Enabled: boolean;
  /** tfjs's backend.floatPrecision(): 32 with float32 textures, 16 with float16 ones. */
  readonly floatPrecision: number;
  readonly summary: string;
}

/** Storage and accumulation as measured above: float32 textures, highp (binary32) shader arithmetic. */
export const TFJS_WEBGL_NUMERICS = { storage: 'float32', accumulate: 'float32' } as const;

export function webglPrecision(tf: typeof Tf): WebglPrecision {
  const env = tf.env();
  const webglVersion = Number(env.getNumber('WEBGL_VERSION'));
  const renderFloat32Capable = env.getBool('WEBGL_RENDER_FLOAT32_CAPABLE');
  const renderFloat32Enabled = env.getBool('WEBGL_RENDER_FLOAT32_ENABLED');
  const floatPrecision = tf.backend().floatPrecision();
  const summary = `WebGL ${webglVersion}, float${floatPrecision} textures (WEBGL_RENDER_FLOAT32_CAPABLE ${renderFloat32Capable}, WEBGL_RENDER_FLOAT32_ENABLED ${renderFloat32Enabled})`;
  return { webglVersion, renderFloat32Capable, renderFloat32Enabled, floatPrecision, summary };
}
