import type { Rng } from './prng.ts'

// Syllable pools for plausible Chengdu place names; generated, not real places.
const PLACE = [
  ...'锦青金武华府龙泉玉春和平安祥瑞兴福康泰新东西南北桂枫竹柳荷桃梅兰双清光明文星德仁长永红沙望江川蜀浣花驷马草堂桐梓营门牛市水井石羊光华太升宽窄芳草玉林肖家河簇桥',
]
const ROAD_SUFFIX = ['路', '街', '巷', '大道', '北路', '南路', '东路', '西路', '中路']
const UNIT = [
  '机械厂',
  '纺织厂',
  '电子厂',
  '供电局',
  '自来水公司',
  '铁路局',
  '邮电局',
  '粮食局',
  '商业局',
  '建工局',
  '印刷厂',
  '无线电厂',
  '化工厂',
  '医院',
  '师范学校',
  '中学',
  '军区',
  '设计院',
  '汽车厂',
  '钢铁厂',
  '棉纺厂',
  '食品厂',
]
const OLD_SUFFIX = ['小区', '院', '宿舍', '院落', '新村', '大院', '公寓']
const NEW_SUFFIX = ['花园', '苑', '府', '公馆', '名城', '家园', '雅居', '城', '华庭', '天地']
const SURNAMES = [
  ...'张王李刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢钟谭廖贾邱',
]
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅蓉琴云波斌鹏辉丹萍淑珍德福秀兵',
]

/** A two- or three-syllable place stem such as 锦华 or 桂溪. */
export function placeStem(rng: Rng): string {
  const a = rng.pick(PLACE)
  let b = rng.pick(PLACE)
  while (b === a) b = rng.pick(PLACE)
  return rng.chance(0.15) ? a + b + rng.pick(PLACE) : a + b
}

/** Calls `make` until it gives a name not in `used`, then records it; numbers the stem as a last resort. */
export function uniqueName(used: Set<string>, make: () => string): string {
  for (let i = 0; i < 50; i++) {
    const name = make()
    if (!used.has(name)) {
      used.add(name)
      return name
    }
  }
  let k = 2
  const stem = make()
  while (used.has(`${stem}${k}`)) k++
  used.add(`${stem}${k}`)
  return `${stem}${k}`
}

/** A road name such as 玉林北路. */
export function roadName(rng: Rng): string {
  return placeStem(rng).slice(0, 2) + rng.pick(ROAD_SUFFIX)
}

/** A compound name: old ones after a road number or work unit (XX院, XX厂宿舍), new ones as estates (XX花园). */
export function compoundName(rng: Rng, isOld: boolean, road: string): string {
  if (!isOld) return placeStem(rng) + rng.pick(NEW_SUFFIX)
  const r = rng.next()
  if (r < 0.35) return `${road}${rng.int(1, 199)}号院`
  if (r < 0.65)
    return `${placeStem(rng).slice(0, 2)}${rng.pick(UNIT)}${rng.pick(['宿舍', '家属院', '小区'])}`
  return placeStem(rng) + rng.pick(OLD_SUFFIX)
}

/** A person's name such as 王建国. */
export function personName(rng: Rng): string {
  const given = rng.chance(0.6) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN)
  return rng.pick(SURNAMES) + given
}

/** A masked mobile number such as 138****1234 (never a real one). */
export function maskedPhone(rng: Rng): string {
  const prefix = rng.pick([
    '130',
    '133',
    '135',
    '136',
    '138',
    '139',
    '150',
    '158',
    '177',
    '180',
    '186',
    '189',
    '199',
  ])
  return `${prefix}****${String(rng.int(0, 9999)).padStart(4, '0')}`
}
