import { View } from '@tarojs/components';
import { studyModeLabels } from '@kaimen/shared';
import { studyRoutes as routes } from '@kaimen/shared/study/routes';
import { call, newIdempotencyKey } from '../../api/client';
import { formatDate } from '../../lib/format';
import { CheckInCard } from '../../components/CheckInCard';
import { Screen } from '../../components/Screen';
import './study.scss';

/** Check-in to an offline session: opened by scanning the QR code on the spot, or typed in. */
export default function CheckInPage() {
  return (
    <Screen title="集中学习签到" className="checkin-page">
      <CheckInCard
        place="现场"
        classPrefix="checkin"
        checkIn={(code) => call(routes.checkIn, { body: { code }, idempotencyKey: newIdempotencyKey() })}
        renderResult={(result) => (
          <View className="card checkin-result">
            <View className="lesson-done">{result.alreadyCheckedIn ? '您已签到过了' : '签到成功，已记入学习档案'}</View>
            <View className="study-topic__title">{result.session.title}</View>
            <View className="muted">
              {studyModeLabels[result.session.mode]} · {result.session.orgName} · {formatDate(result.session.startsAt)} · {result.session.minutes} 分钟
            </View>
            {result.pointsAwarded ? <View className="muted">+{result.pointsAwarded} 积分</View> : null}
          </View>
        )}
      />
    </Screen>
  );
}
