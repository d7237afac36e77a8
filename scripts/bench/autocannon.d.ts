// The part of autocannon (no published types) the benches use.
declare module 'autocannon' {
  interface Options {
    url: string
    connections?: number
    duration?: number
    headers?: Record<string, string>
    requests?: {
      method?: 'GET' | 'POST'
      path: string
      body?: string
      headers?: Record<string, string>
    }[]
  }
  interface Histogram {
    average: number
    p50: number
    p97_5: number
    p99: number
  }
  interface Result {
    requests: Histogram & { total: number }
    latency: Histogram & { p90: number }
    errors: number
    timeouts: number
    non2xx: number
  }
  function autocannon(o: Options): Promise<Result>
  export default autocannon
}
