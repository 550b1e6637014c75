/**
 * The little of the ONNX protobuf format the benchmark needs, read and written by hand (no protobuf
 * library): the graph's nodes (op type, inputs, outputs, int attributes), initializer shapes and graph
 * inputs/outputs; plus appending extra graph outputs and building a one-MatMul model.
 *
 * Wire format: each field is a varint key (field number << 3 | wire type) followed by a varint (type 0),
 * 8 bytes (1), a varint length and that many bytes (2), or 4 bytes (5). Field numbers are from onnx.proto.
 */

type Field = { field: number; wire: number; varint: bigint; bytes: Uint8Array };

function readVarint(buf: Uint8Array, pos: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  for (;;) {
    const b = buf[pos++]!;
    result |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return [result, pos];
    shift += 7n;
  }
}

function* fields(buf: Uint8Array): Generator<Field> {
  let pos = 0;
  while (pos < buf.length) {
    const [key, p] = readVarint(buf, pos);
    pos = p;
    const field = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (wire === 0) {
      const [v, p2] = readVarint(buf, pos);
      pos = p2;
      yield { field, wire, varint: v, bytes: new Uint8Array(0) };
    } else if (wire === 2) {
      const [len, p2] = readVarint(buf, pos);
      const end = p2 + Number(len);
      yield { field, wire, varint: 0n, bytes: buf.subarray(p2, end) };
      pos = end;
    } else if (wire === 1 || wire === 5) {
      const n = wire === 1 ? 8 : 4;
      yield { field, wire, varint: 0n, bytes: buf.subarray(pos, pos + n) };
      pos += n;
    } else {
      throw new Error(`unsupported protobuf wire type ${wire}`);
    }
  }
}

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

/** Repeated int64 field, packed or not. */
function ints(f: Field): number[] {
  if (f.wire === 0) return [Number(BigInt.asIntN(64, f.varint))];
  const out: number[] = [];
  for (let pos = 0; pos < f.bytes.length;) {
    const [v, p] = readVarint(f.bytes, pos);
    out.push(Number(BigInt.asIntN(64, v)));
    pos = p;
  }
  return out;
}

export type OnnxNode = { opType: string; inputs: string[]; outputs: string[]; intAttrs: Record<string, number> };
export type OnnxGraph = { nodes: OnnxNode[]; initializers: Map<string, number[]>; inputs: string[]; outputs: string[] };

function parseNode(buf: Uint8Array): OnnxNode {
  const node: OnnxNode = { opType: "", inputs: [], outputs: [], intAttrs: {} };
  for (const f of fields(buf)) {
    if (f.field === 1) node.inputs.push(text(f.bytes));
    else if (f.field === 2) node.outputs.push(text(f.bytes));
    else if (f.field === 4) node.opType = text(f.bytes);
    else if (f.field === 5) {
      let name = "";
      let i: number | undefined;
      for (const a of fields(f.bytes)) {
        if (a.field === 1) name = text(a.bytes);
        else if (a.field === 3) i = Number(BigInt.asIntN(64, a.varint));
      }
      if (i !== undefined) node.intAttrs[name] = i;
    }
  }
  return node;
}

function graphBytes(model: Uint8Array): Uint8Array {
  for (const f of fields(model)) if (f.field === 7) return f.bytes;
  throw new Error("no graph in ONNX model");
}

export function parseOnnx(model: Uint8Array): OnnxGraph {
  const g: OnnxGraph = { nodes: [], initializers: new Map(), inputs: [], outputs: [] };
  for (const f of fields(graphBytes(model))) {
    if (f.field === 1) g.nodes.push(parseNode(f.bytes));
    else if (f.field === 5) {
      let name = "";
      const dims: number[] = [];
      for (const t of fields(f.bytes)) {
        if (t.field === 1) dims.push(...ints(t));
        else if (t.field === 8) name = text(t.bytes);
      }
      g.initializers.set(name, dims);
    } else if (f.field === 11 || f.field === 12) {
      for (const v of fields(f.bytes)) if (v.field === 1) (f.field === 11 ? g.inputs : g.outputs).push(text(v.bytes));
    }
  }
  return g;
}

// ---- writing ----

function varint(n: number | bigint): number[] {
  let v = BigInt(n);
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return out;
}
const concat = (parts: ArrayLike<number>[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
};
const lenField = (field: number, body: ArrayLike<number>): Uint8Array => concat([varint((field << 3) | 2), varint(body.length), body]);
const intField = (field: number, v: number): Uint8Array => concat([varint(field << 3), varint(v)]);
const strField = (field: number, s: string): Uint8Array => lenField(field, new TextEncoder().encode(s));

/** ValueInfoProto {name, type: tensor(float) with an optional fixed shape}. */
function floatValueInfo(name: string, shape?: number[]): Uint8Array {
  const dims = (shape ?? []).map((d) => lenField(1, intField(1, d)));
  const tensorType = concat([intField(1, 1), ...(shape ? [lenField(2, concat(dims))] : [])]);
  return concat([strField(1, name), lenField(2, lenField(1, tensorType))]);
}

/** Copy of the model with extra float graph outputs (to observe intermediate shapes at run time). */
export function withExtraOutputs(model: Uint8Array, names: string[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let graph: Uint8Array | null = null;
  for (const f of fields(model)) {
    if (f.field === 7) graph = f.bytes;
    else parts.push(f.wire === 0 ? intField(f.field, Number(f.varint)) : f.wire === 2 ? lenField(f.field, f.bytes) : concat([varint((f.field << 3) | f.wire), f.bytes]));
  }
  if (!graph) throw new Error("no graph in ONNX model");
  const extra = names.map((n) => lenField(12, floatValueInfo(n)));
  return concat([...parts, lenField(7, concat([graph, ...extra]))]);
}

/** A model computing Y = A·B for A [n,n] and B [n,n] (float inputs), opset 17. */
export function matmulModel(n: number): Uint8Array {
  const node = concat([strField(1, "A"), strField(1, "B"), strField(2, "Y"), strField(4, "MatMul")]);
  const graph = concat([
    lenField(1, node), strField(2, "matmul_peak"),
    lenField(11, floatValueInfo("A", [n, n])), lenField(11, floatValueInfo("B", [n, n])),
    lenField(12, floatValueInfo("Y", [n, n])),
  ]);
  return concat([intField(1, 8), lenField(8, concat([strField(1, ""), intField(2, 17)])), lenField(7, graph)]);
}
