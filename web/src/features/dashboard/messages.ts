// The dashboard workspace's strings, merged into the app's messages (i18n/messages-zh.ts, -en.ts).

export const dashboardZh = {
  viewDashboard: '驾驶舱',
}

export const dashboardEn: Record<keyof typeof dashboardZh, string> = {
  viewDashboard: 'Dashboard',
}
