import { useCallback, useState } from 'react';
import { View } from '@tarojs/components';
import type { Bank } from '@kaimen/shared';
import { StatusBlock } from '../../components/StatusBlock';
import { useRequireSession } from '../../hooks/useSession';
import { BankPanel } from './admin-parts/BankPanel';
import { QuestionPanel } from './admin-parts/QuestionPanel';
import { QuizForm } from './admin-parts/QuizForm';
import { QuizTable } from './admin-parts/QuizTable';
import './admin.scss';

/** 题库与测试管理 (H5, a clerk's or secretary's PC browser): banks and their questions, quizzes, statistics, results. */
export default function QuizAdminPage() {
  const session = useRequireSession();
  const [banks, setBanks] = useState<Bank[]>([]);
  const [version, setVersion] = useState(0);
  const [bankId, setBankId] = useState('');
  /** Bumped when a question is added or edited: bank counts and question lists reload. */
  const [questionsVersion, setQuestionsVersion] = useState(0);
  const onBanks = useCallback((b: Bank[]) => setBanks(b), []);
  const onSelect = useCallback((id: string) => setBankId(id), []);
  if (!session) return <View className="qa-page" />;
  if (!session.user.roles.some((r) => r === 'admin' || r === 'secretary')) {
    return <View className="qa-page"><StatusBlock tone="error" title="没有权限" description="题库与测试管理仅供管理员和支部书记使用。" /></View>;
  }
  return (
    <View className="qa-page">
      <View className="qa-heading">题库与测试管理 · {session.user.orgName ?? ''}</View>
      <BankPanel onBanks={onBanks} onSelect={onSelect} version={questionsVersion} />
      <QuestionPanel bank={banks.find((b) => b.id === bankId)} version={questionsVersion} onChanged={() => setQuestionsVersion((v) => v + 1)} />
      <QuizForm banks={banks} questionsVersion={questionsVersion} onCreated={() => setVersion((v) => v + 1)} />
      <QuizTable version={version} />
    </View>
  );
}
