import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { routes } from '@kaimen/shared';
import { call } from '../../api/client';
import { StatusBlock } from '../../components/StatusBlock';
import { useRequireSession } from '../../hooks/useSession';
import { AdminButton, BarRow } from './AdminBits';
import { download as downloadSheet, saveBlob } from '../../api/files';
import { errorMessage } from '../../api/error';
import { percent } from './format';
import { useLoad } from '../../hooks/useLoad';
import './study.scss';
import './admin.scss';

/** An org's study figures with one bar per branch, and the XLSX for the yearly evaluation (H5). */
export default function StudyReportPage() {
  const session = useRequireSession();
  const [orgInput, setOrgInput] = useState('');
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const report = useLoad(() => call(routes.studyReport, { query: orgId ? { orgId } : {} }), [orgId], !!session);
  const r = report.data;
  const maxMinutes = Math.max(1, ...(r?.branches.map((b) => b.minutes) ?? []));
  const maxPoints = Math.max(1, ...(r?.branches.map((b) => b.points) ?? []));

  const download = () => {
    setDownloadError(null);
    downloadSheet(routes.studyReportXlsx, { params: undefined, query: r ? { orgId: r.orgId } : {} })
      .then((blob) => saveBlob(blob, `${r?.orgName ?? '学习统计'}-学习统计.xlsx`))
      .catch((e: unknown) => setDownloadError(errorMessage(e)));
  };

  return (
    <View className="page study-admin">
      <View className="card admin-row">
        <input className="admin-input admin-row__main report-org" placeholder="组织编号（留空为本组织），如 lj" value={orgInput} onChange={(e) => setOrgInput(e.target.value)} />
        <AdminButton onClick={() => setOrgId(orgInput.trim() || undefined)}>查看</AdminButton>
        <AdminButton primary className="report-download" disabled={!r} onClick={download}>导出 Excel</AdminButton>
      </View>
      {downloadError ? <View className="field-error">{downloadError}</View> : null}
      {report.error ? <StatusBlock tone="error" title="加载失败" description={report.error} /> : null}
      {r ? (
        <>
          <View className="card">
            <View className="section-title">{r.orgName}</View>
            <View className="figures">
              {([['党员', r.totals.members], ['参学人数', r.totals.activeMembers], ['完成率', percent(r.totals.completion)], ['学习分钟', r.totals.minutes], ['积分', r.totals.points], ['可学课程', r.lessonsAvailable]] as const).map(([label, value]) => (
                <View key={label} className="figure">
                  <Text className="figure__value">{value}</Text>
                  <Text className="muted">{label}</Text>
                </View>
              ))}
            </View>
          </View>
          <View className="card report-completion">
            <View className="section-title">各支部课程完成率</View>
            {r.branches.map((b) => <BarRow key={b.orgId} label={`${b.orgName}（${b.members}人）`} value={b.completion} max={1} text={percent(b.completion)} />)}
          </View>
          <View className="card">
            <View className="section-title">各支部学习分钟</View>
            {r.branches.map((b) => <BarRow key={b.orgId} label={b.orgName} value={b.minutes} max={maxMinutes} text={`${b.minutes} 分钟`} />)}
          </View>
          <View className="card">
            <View className="section-title">各支部积分</View>
            {r.branches.map((b) => <BarRow key={b.orgId} label={b.orgName} value={b.points} max={maxPoints} text={`${b.points} 分`} />)}
          </View>
        </>
      ) : null}
    </View>
  );
}
