// Message keys of the siting inputs' coded values, shared by the form and the summary.
import type {
  SitingMethodChoice,
  SitingModel,
  SitingSource,
  SitingWeight,
} from '../../api/siting-types.ts'
import type { MessageKey } from '../../i18n/messages.ts'
import type { ServiceDistance } from '../../store/siting-form.ts'

/** Each model's name and a one-line hint of what it optimises. */
export const MODEL_LABELS: Record<SitingModel, { name: MessageKey; hint: MessageKey }> = {
  'max-cover': { name: 'sitingModelMaxCover', hint: 'sitingModelHintMaxCover' },
  'set-cover': { name: 'sitingModelSetCover', hint: 'sitingModelHintSetCover' },
  'p-median': { name: 'sitingModelPMedian', hint: 'sitingModelHintPMedian' },
}

export const SERVICE_LABELS: Record<ServiceDistance, MessageKey> = {
  300: 'sitingService300',
  500: 'sitingService500',
  1000: 'sitingService1000',
}

export const WEIGHT_LABELS: Record<SitingWeight, MessageKey> = {
  households: 'sitingWeightHouseholds',
  residents: 'sitingWeightResidents',
  elderly: 'sitingWeightElderly',
}

export const SOURCE_LABELS: Record<SitingSource, MessageKey> = {
  compounds: 'sitingSourceCompounds',
  points: 'sitingSourcePoints',
  both: 'sitingSourceBoth',
}

export const METHOD_LABELS: Record<SitingMethodChoice, MessageKey> = {
  auto: 'sitingMethodAuto',
  exact: 'sitingMethodExact',
  heuristic: 'sitingMethodHeuristic',
}
