import type { CampaignStats, Channel, Rating, SuggestionStatus } from './suggestion';
import { channelLabels, channels, ratings, statusLabels, suggestionStatuses } from './suggestion';

export interface StatsInput {
  createdAt: string;
  submittedAt: string;
  category: string;
  channel: Channel;
  status: SuggestionStatus;
  replied: boolean;
  rating?: Rating;
  followUpPending: boolean;
  excluded: boolean;
}

/** Day in China Standard Time (UTC+8): what a bureau means by "that day". */
export function chinaDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The dashboard figures of a campaign; spam and duplicates are left out. Satisfaction = (满意 + 基本满意) / rated. */
export function campaignStatsOf(rows: StatsInput[], categories: { key: string; label: string }[]): CampaignStats {
  const counted = rows.filter((r) => !r.excluded);
  const perDay = new Map<string, number>();
  const perCategory = new Map<string, number>(categories.map((c) => [c.key, 0]));
  const perChannel = new Map<Channel, number>(channels.map((c) => [c, 0]));
  const perStatus = new Map<SuggestionStatus, number>(suggestionStatuses.map((s) => [s, 0]));
  const sat = Object.fromEntries(ratings.map((r) => [r, 0])) as Record<Rating, number>;
  let replied = 0;
  let followUpsPending = 0;
  for (const r of counted) {
    const day = chinaDay(r.submittedAt);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    perCategory.set(r.category, (perCategory.get(r.category) ?? 0) + 1);
    perChannel.set(r.channel, (perChannel.get(r.channel) ?? 0) + 1);
    perStatus.set(r.status, (perStatus.get(r.status) ?? 0) + 1);
    if (r.replied) replied++;
    if (r.rating) sat[r.rating]++;
    if (r.followUpPending) followUpsPending++;
  }
  const rated = sat.satisfied + sat.basically_satisfied + sat.unsatisfied;
  const labels = new Map(categories.map((c) => [c.key, c.label]));
  return {
    total: counted.length,
    perDay: [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([date, count]) => ({ date, count })),
    perCategory: [...perCategory].map(([key, count]) => ({ key, label: labels.get(key) ?? key, count })),
    perChannel: [...perChannel].map(([key, count]) => ({ key, label: channelLabels[key], count })),
    perStatus: [...perStatus].map(([key, count]) => ({ key, label: statusLabels[key], count })),
    replied,
    rated,
    satisfaction: { ...sat, rate: rated ? (sat.satisfied + sat.basically_satisfied) / rated : null },
    followUpsPending,
  };
}
