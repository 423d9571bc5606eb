/**
 * Every node reachable from `root`, each after all of its parents (post-order of a depth-first walk over
 * parents in argument order). Iterative with an explicit stack, unlike micrograd's recursive build_topo,
 * so a chain of 10⁵ operations does not overflow the JavaScript stack; deterministic because parents are an
 * ordered list and each node is visited once.
 */
import type { Value } from './value.js';

export function topologicalOrder(root: Value): Value[] {
  const order: Value[] = [];
  const visited = new Set<Value>([root]);
  const nodes: Value[] = [root];
  const nextParent: number[] = [0];
  while (nodes.length > 0) {
    const top = nodes.length - 1;
    const node = nodes[top]!;
    const k = nextParent[top]!;
    if (k < node.parents.length) {
      nextParent[top] = k + 1;
      const parent = node.parents[k]!;
      if (!visited.has(parent)) {
        visited.add(parent);
        nodes.push(parent);
        nextParent.push(0);
      }
    } else {
      nodes.pop();
      nextParent.pop();
      order.push(node);
    }
  }
  return order;
}
