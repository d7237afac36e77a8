// Tile mode's strings, merged into the app's messages (i18n/messages-zh.ts, -en.ts).

export const tileZh = {
  tileListTooLarge:
    '当前范围有 {count} 个小区，超过页面一次可加载的 {limit} 个。地图照常显示；台账、规划等列表请先在左上角选择更小的区域（区县、街道或社区）。',
  tileListTooLargeCity:
    '数据共有 {count} 个小区，超过页面一次可加载的 {limit} 个。地图照常显示；台账、规划等列表请先在左上角选择一个区县、街道或社区。',
  tileHexNote:
    '六边形为汇总：颜色表示老旧小区党组织覆盖率（橙＝低，蓝＝高，灰＝无老旧小区），放大查看单个小区',
}

export const tileEn: Record<keyof typeof tileZh, string> = {
  tileListTooLarge:
    'This area has {count} compounds, more than the {limit} the page loads at once. The map shows them all; for the ledger, plans and other lists choose a smaller area (district, street or community) at the top left.',
  tileListTooLargeCity:
    'The data holds {count} compounds, more than the {limit} the page loads at once. The map shows them all; for the ledger, plans and other lists choose a district, street or community at the top left.',
  tileHexNote:
    'Hexagons are summaries: colour is the organisation coverage of old compounds (orange low, blue high, grey none old); zoom in for single compounds',
}
