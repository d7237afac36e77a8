// A tiny city for the store's start-up and reset tests: one district 510104 (锦江区) with the
// streets 510104001 and 510104002, and a second district 510105.
import type { AreaDetail, AreaRef } from '../api/types.ts'

export const CITY: AreaRef = { id: '510100', level: 'city', name: '成都市' }
export const AREAS: Record<string, AreaDetail> = {
  '510104': {
    id: '510104',
    level: 'district',
    name: '锦江区',
    parentId: '510100',
    bbox: [104.05, 30.6, 104.1, 30.65],
    ancestors: [CITY],
  },
  '510104001': {
    id: '510104001',
    level: 'street',
    name: '平营街道',
    parentId: '510104',
    bbox: [104.06, 30.61, 104.07, 30.62],
    ancestors: [CITY, { id: '510104', level: 'district', name: '锦江区' }],
  },
  '510104002': {
    id: '510104002',
    level: 'street',
    name: '东街道',
    parentId: '510104',
    bbox: [104.08, 30.61, 104.09, 30.62],
    ancestors: [CITY, { id: '510104', level: 'district', name: '锦江区' }],
  },
  '510105': {
    id: '510105',
    level: 'district',
    name: '青羊区',
    parentId: '510100',
    bbox: [104.0, 30.6, 104.05, 30.7],
    ancestors: [CITY],
  },
}
