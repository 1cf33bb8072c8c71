import { Text, View } from '@tarojs/components';
import type { Tracked } from '@kaimen/shared';
import { formatDateTime } from './format';
import { timelineSteps } from './timelineSteps';

/** The five steps of a suggestion, with the time of each step reached so far. */
export function TrackingTimeline({ timeline, current }: { timeline: Tracked['timeline']; current: Tracked['status'] }) {
  return (
    <View className="tracking-timeline">
      {timelineSteps(timeline, current).map((step) => (
        <View key={step.status} className={`timeline-step timeline-step--${step.state}`} data-status={step.status}>
          <View className="timeline-step__dot" />
          <View className="timeline-step__body">
            <Text className="timeline-step__label">{step.label}</Text>
            {step.at ? <Text className="timeline-step__at muted">{formatDateTime(step.at)}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
