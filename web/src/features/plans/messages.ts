// The plans workspace's strings, merged into the app's messages (i18n/messages-zh.ts, -en.ts).

export const plansZh = {
  viewPlans: '规划方案',
}

export const plansEn: Record<keyof typeof plansZh, string> = {
  viewPlans: 'Plans',
}
