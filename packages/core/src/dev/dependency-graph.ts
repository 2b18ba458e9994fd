/**
 * Which inputs (sources, templates, partials, data files) each output was made from, and
 * the reverse, so a rebuild can find what a change affects. A node may be both an output
 * and an input (a layout made from partials, used by pages); lookups follow such chains.
 */
export class DependencyGraph<K> {
  readonly #inputsByOutput = new Map<K, Set<K>>()
  readonly #outputsByInput = new Map<K, Set<K>>()

  /** Records the full set of inputs of `output`, replacing whatever was recorded before. */
  set(output: K, inputs: Iterable<K>): void {
    this.delete(output)
    const inputSet = new Set(inputs)
    this.#inputsByOutput.set(output, inputSet)
    for (const input of inputSet) {
      let outputs = this.#outputsByInput.get(input)
      if (!outputs) {
        outputs = new Set()
        this.#outputsByInput.set(input, outputs)
      }
      outputs.add(output)
    }
  }

  /** Forgets `output` and its inputs. Outputs that use `output` as an input keep that edge. */
  delete(output: K): boolean {
    const inputs = this.#inputsByOutput.get(output)
    if (!inputs) return false
    this.#inputsByOutput.delete(output)
    for (const input of inputs) {
      const outputs = this.#outputsByInput.get(input)
      outputs?.delete(output)
      if (outputs?.size === 0) this.#outputsByInput.delete(input)
    }
    return true
  }

  /** The recorded inputs of `output`; empty when it is unknown. */
  inputsOf(output: K): ReadonlySet<K> {
    return this.#inputsByOutput.get(output) ?? new Set()
  }

  /** Whether `output` has been recorded with {@link DependencyGraph.set}. */
  has(output: K): boolean {
    return this.#inputsByOutput.has(output)
  }

  /** Every recorded output. */
  outputs(): IterableIterator<K> {
    return this.#inputsByOutput.keys()
  }

  /**
   * Everything that depends on any of `inputs`, directly or through other outputs (a page
   * whose layout includes a changed partial). The inputs themselves are not included unless
   * one depends on another. Cycles are safe.
   */
  dependentsOf(inputs: Iterable<K>): Set<K> {
    const dependents = new Set<K>()
    const toVisit = [...inputs]
    while (toVisit.length > 0) {
      const node = toVisit.pop() as K
      for (const output of this.#outputsByInput.get(node) ?? []) {
        if (dependents.has(output)) continue
        dependents.add(output)
        toVisit.push(output)
      }
    }
    return dependents
  }
}
