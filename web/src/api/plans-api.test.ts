import { afterEach, describe, expect, it, vi } from 'vitest'
import { useAuth, type SignedInUser } from '../features/auth/auth-state.ts'
import { createPlan, setPlanner, USER_HEADER } from './plans-api.ts'

const user = (id: number): SignedInUser => ({
  id,
  username: id > 0 ? 'zhang' : 'anonymous',
  displayName: id > 0 ? '张规划' : 'anonymous',
  role: 'admin',
  jurisdiction: null,
})

/** Creates a plan through a stubbed fetch and returns the headers it sent. */
async function sentHeaders(): Promise<Record<string, string>> {
  const fetch = vi.fn(async () => Response.json({ id: 1 }))
  vi.stubGlobal('fetch', fetch)
  await createPlan({ name: '方案', areaId: '510104002' })
  const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1]
  return init.headers as Record<string, string>
}

describe('plans requests: who is the author', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    useAuth.setState({ status: 'checking', user: null, mode: 'required' })
  })

  it('names the typed planner without a signed-in account (header mode)', async () => {
    setPlanner(' 规划员甲 ')
    useAuth.setState({ status: 'signed-in', user: user(0), mode: 'header' })
    expect((await sentHeaders())[USER_HEADER]).toBe(encodeURIComponent('规划员甲'))
  })

  it('sends no typed name when an account is signed in: the server takes the session’s user', async () => {
    setPlanner('规划员甲')
    useAuth.setState({ status: 'signed-in', user: user(7), mode: 'required' })
    expect(await sentHeaders()).not.toHaveProperty(USER_HEADER)
  })
})
