import { Text, View } from '@tarojs/components';
import { statusLabels, suggestionStatuses, type Tracked } from '@kaimen/shared';
import { formatDateTime } from './format';

/** The five steps of a suggestion, with the time of each step reached so far. */
export function TrackingTimeline({ timeline, current }: { timeline: Tracked['timeline']; current: Tracked['status'] }) {
  const reached = new Map(timeline.map((t) => [t.status, t]));
  return (
    <View className="tracking-timeline">
      {suggestionStatuses.map((status) => {
        const step = reached.get(status);
        const state = status === current ? 'current' : step ? 'done' : 'pending';
        return (
          <View key={status} className={`timeline-step timeline-step--${state}`} data-status={status}>
            <View className="timeline-step__dot" />
            <View className="timeline-step__body">
              <Text className="timeline-step__label">{step?.label ?? statusLabels[status]}</Text>
              {step ? <Text className="timeline-step__at muted">{formatDateTime(step.at)}</Text> : null}
            </View>
          </View>
        );
      })}
    </View>
  );
}
