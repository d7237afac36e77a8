// Every user-visible string of the web app: sentences in messages-zh.ts / messages-en.ts, and
// here the names of coded values (statuses, organisation kinds, levels, ledger codes).
import type { LeftoverReason } from '../api/joint-types.ts'
import type { AreaLevel, CoverageStatus, OrgKind } from '../api/types.ts'
import { en } from './messages-en.ts'
import { zh, type MessageKey, type Messages } from './messages-zh.ts'

export type { MessageKey, Messages }

export type Lang = 'zh-CN' | 'en'

export const MESSAGES: Record<Lang, Messages> = { 'zh-CN': zh, en }

/** Coverage status names; the Chinese ones are those of the official statistics (DOMAIN.md). */
export const STATUS_NAMES: Record<Lang, Record<CoverageStatus, string>> = {
  'zh-CN': {
    standalone: '单独组建',
    joint: '纳入联合',
    temporary: '临时党支部',
    instructor: '已派指导员',
    should_build: '应建未建',
    few_members: '仅个别党员',
    no_members: '无党员',
  },
  en: {
    standalone: 'Standalone branch',
    joint: 'In a joint branch',
    temporary: 'Temporary branch',
    instructor: 'Instructor sent',
    should_build: 'Should build, not built',
    few_members: 'Few members',
    no_members: 'No members',
  },
}

export const ORG_KIND_NAMES: Record<Lang, Record<OrgKind, string>> = {
  'zh-CN': {
    standalone: '单独组建党支部',
    joint: '联合党支部',
    temporary: '临时党支部',
    instructor: '党建指导员',
  },
  en: {
    standalone: 'Standalone branch',
    joint: 'Joint branch',
    temporary: 'Temporary project branch',
    instructor: 'Instructor',
  },
}

export const LEVEL_NAMES: Record<Lang, Record<AreaLevel, string>> = {
  'zh-CN': { city: '市', district: '区（市）县', street: '街道（镇）', community: '社区' },
  en: { city: 'City', district: 'District', street: 'Street', community: 'Community' },
}

/** Labels of the ledger's coded fields (tenure, management, renovation, self-governance bodies). */
export const CODE_NAMES: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    commercial: '商品房',
    public: '公房',
    reformed: '房改房',
    resettlement: '安置房',
    dorm: '单位宿舍',
    professional: '专业物业',
    self: '自管',
    none: '无物业',
    street: '街道兜底',
    trust: '信托制物业',
    not_needed: '无需改造',
    done: '已改造',
    eligible: '纳入改造范围',
    planned: '已列入计划',
    in_progress: '改造中',
    completed: '改造完成',
    residents_committee: '院委会',
    owners_committee: '业委会',
    council: '议事会',
  },
  en: {
    commercial: 'Commercial',
    public: 'Public housing',
    reformed: 'Reformed (ex-public)',
    resettlement: 'Resettlement',
    dorm: 'Work-unit dorm',
    professional: 'Professional',
    self: 'Self-managed',
    none: 'None',
    street: 'Street fallback',
    trust: 'Trust-based',
    not_needed: 'Not needed',
    done: 'Done',
    eligible: 'Eligible',
    planned: 'Planned',
    in_progress: 'In progress',
    completed: 'Completed',
    residents_committee: 'Compound committee',
    owners_committee: "Owners' committee",
    council: 'Deliberation council',
  },
}

/** Why a small compound was left out of every candidate joint branch. */
export const LEFTOVER_REASON_NAMES: Record<Lang, Record<LeftoverReason, string>> = {
  'zh-CN': {
    isolated: '孤立无邻',
    component_too_small: '连片党员不足',
    community_too_small: '社区内党员不足',
    too_far: '超出半径',
    exceeds_ceiling: '超出上限',
    not_placed: '未能编入',
  },
  en: {
    isolated: 'Isolated, no neighbour',
    component_too_small: 'Too few members in its cluster',
    community_too_small: 'Too few members in its community',
    too_far: 'Beyond the radius',
    exceeds_ceiling: 'Over a ceiling',
    not_placed: 'Could not be placed',
  },
}
