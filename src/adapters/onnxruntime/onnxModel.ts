/**
 * Serialises a tiny ONNX ModelProto — a chain of nodes, graph inputs and one output — to protobuf bytes, so
 * the ONNX Runtime adapter can build its single-operator models without Python or a protobuf library. Only the
 * fields used here are written, with their field numbers from onnx/onnx.proto (ModelProto, GraphProto,
 * NodeProto, AttributeProto, ValueInfoProto, TypeProto.Tensor, OperatorSetIdProto). Inputs have a known rank
 * and symbolic dimensions, so one model serves every shape.
 */

export type ElemType = 'float32' | 'float64' | 'int64';
const ELEM_TYPE: Record<ElemType, number> = { float32: 1, int64: 7, float64: 11 };

export type AttributeValue = number | readonly number[] | string;
export interface OnnxNode {
  readonly opType: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** Integers and integer lists (`pads`, `strides`, …), or a string (`mode`, `auto_pad`). */
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
}
export interface OnnxValue {
  readonly name: string;
  readonly type: ElemType;
  readonly rank: number;
}
export interface OnnxGraph {
  readonly nodes: readonly OnnxNode[];
  readonly inputs: readonly OnnxValue[];
  readonly output: OnnxValue;
  readonly opset: number;
}

/** Protobuf wire format: varints, and length-delimited fields (wire type 2). */
class Writer {
  private readonly bytes: number[] = [];
  varint(v: number | bigint): this {
    let n = BigInt.asUintN(64, BigInt(v));
    do {
      const low = Number(n & 0x7fn);
      n >>= 7n;
      this.bytes.push(n > 0n ? low | 0x80 : low);
    } while (n > 0n);
    return this;
  }
  int(field: number, v: number): this {
    return this.varint(field << 3).varint(v);
  }
  bytesField(field: number, b: Uint8Array): this {
    this.varint((field << 3) | 2).varint(b.length);
    for (const x of b) this.bytes.push(x);
    return this;
  }
  string(field: number, s: string): this {
    return this.bytesField(field, new TextEncoder().encode(s));
  }
  message(field: number, w: Writer): this {
    return this.bytesField(field, w.finish());
  }
  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

function attribute(name: string, v: AttributeValue): Writer {
  const w = new Writer().string(1, name);
  if (typeof v === 'string') return w.string(4, v).int(20, 3); // s, type STRING
  if (typeof v === 'number') return w.int(3, v).int(20, 2); // i, type INT
  for (const x of v) w.int(8, x); // ints
  return w.int(20, 7); // type INTS
}

function node(n: OnnxNode, index: number): Writer {
  const w = new Writer();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, `${n.opType.toLowerCase()}${index}`).string(4, n.opType);
  for (const [k, v] of Object.entries(n.attributes ?? {})) w.message(5, attribute(k, v));
  return w;
}

function valueInfo(v: OnnxValue): Writer {
  const shape = new Writer();
  for (let d = 0; d < v.rank; d++) shape.message(1, new Writer().string(2, `${v.name}_d${d}`)); // dim_param
  const tensor = new Writer().int(1, ELEM_TYPE[v.type]).message(2, shape);
  return new Writer().string(1, v.name).message(2, new Writer().message(1, tensor));
}

export function encodeModel(g: OnnxGraph): Uint8Array {
  const graph = new Writer();
  g.nodes.forEach((n, i) => graph.message(1, node(n, i)));
  graph.string(2, 'convkit');
  for (const i of g.inputs) graph.message(11, valueInfo(i));
  graph.message(12, valueInfo(g.output));
  return new Writer()
    .int(1, 9) // ir_version 9 (ONNX 1.14), the first with opset 19
    .string(2, 'convkit')
    .message(7, graph)
    .message(8, new Writer().string(1, '').int(2, g.opset))
    .finish();
}
