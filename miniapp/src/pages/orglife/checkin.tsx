import { View } from '@tarojs/components';
import { orglifeRoutes as routes } from '@kaimen/shared/orglife/routes';
import { call, newIdempotencyKey } from '../../api/client';
import { CheckInCard } from '../../components/CheckInCard';
import { Screen } from '../../components/Screen';
import { formatDateTime } from './format';
import './orglife.scss';

/** Check-in to a meeting: opened by scanning the secretary's QR code, or typed in. */
export default function MeetingCheckInPage() {
  return (
    <Screen title="组织生活签到" className="orglife-checkin">
      <CheckInCard
        place="会场"
        classPrefix="orglife-checkin"
        checkIn={(code) => call(routes.meetingCheckIn, { body: { code }, idempotencyKey: newIdempotencyKey() })}
        renderResult={(result) => (
          <View className="card">
            <View className="lesson-done">{result.alreadyCheckedIn ? '您已签到过了' : '签到成功'}</View>
            <View className="orglife-meeting__title">{result.meeting.topic}</View>
            <View className="muted">{result.meeting.typeLabel} · {result.meeting.orgName} · {formatDateTime(result.meeting.heldAt)}</View>
          </View>
        )}
      />
    </Screen>
  );
}
