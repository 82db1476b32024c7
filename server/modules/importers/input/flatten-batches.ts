/**
 * Hands out the rows of batches one at a time. An async generator costs a few suspensions per yielded
 * value; at hundreds of thousands of rows per second that overhead rivals the parsing itself, so rows are
 * produced in batches (one per chunk of input) and this plain iterator serves them from memory.
 */
export function flattenBatches<T>(open: () => AsyncIterable<T[]>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T, undefined> {
      // Opened on first use, so a failure to open surfaces in the consumer's `for await`.
      const source = open()[Symbol.asyncIterator]()
      let batch: T[] = []
      let index = 0
      return {
        async next(): Promise<IteratorResult<T, undefined>> {
          while (index >= batch.length) {
            const result = await source.next()
            if (result.done) return { done: true, value: undefined }
            batch = result.value
            index = 0
          }
          return { done: false, value: batch[index++] as T }
        },
        async return(): Promise<IteratorResult<T, undefined>> {
          batch = []
          await source.return?.()
          return { done: true, value: undefined }
        },
      }
    },
  }
}
