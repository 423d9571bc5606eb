/**
 * Builds the onnxruntime-node adapter for one element type (buildOrtAdapter.ts on the CPU execution
 * provider), with the user's onnxruntime-node (an optional peer of convkit; a missing one is a MissingPeerError).
 */
import type { Adapter } from '../../adapter/contract.js';
import { importPeer } from '../missingPeer.js';
import type { ElemType } from './onnxModel.js';
import { buildOrtAdapter, type OrtOperator } from './buildOrtAdapter.js';

export type { OrtOperator } from './buildOrtAdapter.js';

export async function ortAdapter(type: Exclude<ElemType, 'int64'>, ops: readonly OrtOperator[]): Promise<Adapter> {
  const ort = await importPeer('onnxruntime-node', 'convkit/adapters/onnxruntime', () => import('onnxruntime-node'));
  return buildOrtAdapter(ort, { type, ops, provider: 'cpu', name: (version) => `onnxruntime-node ${version} (cpu, ${type})` });
}
