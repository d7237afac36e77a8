/** A max-heap of (key, id) pairs; equal keys pop the smaller id first so runs are deterministic. */
export class MaxHeap {
  private keys: number[] = []
  private ids: number[] = []

  get size(): number {
    return this.ids.length
  }

  /** The largest key, or -Infinity when empty. */
  peekKey(): number {
    return this.keys[0] ?? -Infinity
  }

  push(key: number, id: number): void {
    this.keys.push(key)
    this.ids.push(id)
    let c = this.ids.length - 1
    while (c > 0) {
      const p = (c - 1) >> 1
      if (!this.above(c, p)) break
      this.swap(c, p)
      c = p
    }
  }

  /** Removes and returns the id with the largest key. */
  pop(): number | undefined {
    const top = this.ids[0]
    const lastKey = this.keys.pop()
    const lastId = this.ids.pop()
    if (this.ids.length > 0 && lastKey !== undefined && lastId !== undefined) {
      this.keys[0] = lastKey
      this.ids[0] = lastId
      let p = 0
      for (;;) {
        const l = 2 * p + 1
        const r = l + 1
        let m = p
        if (l < this.ids.length && this.above(l, m)) m = l
        if (r < this.ids.length && this.above(r, m)) m = r
        if (m === p) break
        this.swap(m, p)
        p = m
      }
    }
    return top
  }

  private above(a: number, b: number): boolean {
    const ka = this.keys[a]!
    const kb = this.keys[b]!
    return ka > kb || (ka === kb && this.ids[a]! < this.ids[b]!)
  }

  private swap(a: number, b: number): void {
    ;[this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!]
    ;[this.ids[a], this.ids[b]] = [this.ids[b]!, this.ids[a]!]
  }
}
