import { useEffect } from 'react'
import type { AreaSummary } from '../../api/types.ts'
import type { MessageKey } from '../../i18n/messages.ts'
import { useT } from '../../i18n/use-t.ts'
import { PICKER_LEVELS, lockedLevels, parentFor, type PickerLevel } from '../../store/area-path.ts'
import { optionsKey } from '../../store/area-slice.ts'
import { dataOf } from '../../store/async.ts'
import { useStore } from '../../store/index.ts'
import { chooseArea, loadAreaOptions } from '../../store/loaders.ts'
import './area-picker.css'

const ALL_KEY: Record<PickerLevel, MessageKey> = {
  district: 'allDistricts',
  street: 'allStreets',
  community: 'allCommunities',
}

const NO_OPTIONS: AreaSummary[] = []

function LevelSelect({ level }: { level: PickerLevel }) {
  const { t } = useT()
  const path = useStore((s) => s.areaPath)
  const home = useStore((s) => s.home)
  const parent = parentFor(path, level)
  const options = useStore((s) =>
    parent === undefined ? undefined : s.areaOptions[optionsKey(level, parent)],
  )
  useEffect(() => {
    if (parent !== undefined) void loadAreaOptions(level, parent)
  }, [level, parent])

  const depth = PICKER_LEVELS.indexOf(level)
  const value = path[depth] ?? ''
  const list = (options && dataOf(options)) ?? NO_OPTIONS
  const loading = options?.status === 'loading'
  // A user with a jurisdiction cannot leave it (the server refuses what lies outside): the levels
  // down to it are fixed on it, and nothing is offered while its place is still being read.
  if (home && (!home.path || depth < lockedLevels(home.path))) {
    const name = !home.path
      ? depth === 0
        ? home.name
        : ''
      : (list.find((a) => a.id === value)?.name ?? (value === home.id ? home.name : t('loading')))
    return (
      <label className="area-select">
        <span className="visually-hidden">{t(level)}</span>
        <select value={value} disabled data-locked="true">
          <option value={value}>{name}</option>
        </select>
      </label>
    )
  }
  return (
    <label className="area-select">
      <span className="visually-hidden">{t(level)}</span>
      <select
        value={value}
        disabled={parent === undefined || (loading && list.length === 0)}
        onChange={(e) => void chooseArea(level, e.target.value || null)}
      >
        <option value="">{loading && list.length === 0 ? t('loading') : t(ALL_KEY[level])}</option>
        {list.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </label>
  )
}

/** District → street → community cascading selects; each choice sets the figures and flies there. */
export function AreaPicker() {
  const { t } = useT()
  return (
    <div className="area-picker" role="group" aria-label={t('areaPicker')}>
      {PICKER_LEVELS.map((level) => (
        <LevelSelect key={level} level={level} />
      ))}
    </div>
  )
}
