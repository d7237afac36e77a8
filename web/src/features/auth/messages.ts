// Strings of the sign-in page and the account menu, zh-CN first.
import type { Lang } from '../../i18n/messages.ts'

const zh = {
  title: '登录院落',
  subtitle: '老旧小区党建覆盖规划',
  username: '用户名',
  password: '密码',
  signIn: '登录',
  signingIn: '正在登录……',
  signOut: '退出登录',
  signOutAll: '退出所有设备',
  wrong: '用户名或密码错误',
  locked: '登录失败次数过多,账号已临时锁定,请 {m} 分钟后再试',
  throttled: '此地址登录失败次数过多,请 {m} 分钟后再试',
  network: '无法连接服务器,请检查网络后重试',
  failed: '登录失败:{msg}',
  required: '请输入用户名和密码',
  checking: '正在检查登录状态……',
  roleAdmin: '管理员',
  rolePlanner: '规划员',
  roleLeader: '领导',
  roleViewer: '访客',
  wholeCity: '全市',
}
const en: typeof zh = {
  title: 'Sign in to Yuanluo',
  subtitle: 'Party-building coverage of old compounds',
  username: 'Username',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  signOutAll: 'Sign out everywhere',
  wrong: 'Wrong username or password',
  locked: 'Too many failed sign-ins: the account is locked; try again in {m} min',
  throttled: 'Too many failed sign-ins from this address; try again in {m} min',
  network: 'Cannot reach the server; check the network and retry',
  failed: 'Sign-in failed: {msg}',
  required: 'Enter a username and a password',
  checking: 'Checking the session…',
  roleAdmin: 'Admin',
  rolePlanner: 'Planner',
  roleLeader: 'Leader',
  roleViewer: 'Viewer',
  wholeCity: 'whole city',
}

export type AuthMessages = typeof zh
export const AUTH_MESSAGES: Record<Lang, AuthMessages> = { 'zh-CN': zh, en }
