import { quizRoutes } from '@kaimen/shared/quiz/routes';
import { useCallback, useEffect, useState } from 'react';
import { type MemberQuiz } from '@kaimen/shared';
import { call } from '../../api/client';
import { errorMessage } from '../../api/error';

export interface QuizList {
  items: MemberQuiz[];
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
}

/** The quizzes set for the signed-in member, with where they stand in each. */
export function useQuizList(enabled: boolean): QuizList {
  const [items, setItems] = useState<MemberQuiz[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setItems((await call(quizRoutes.listQuizzes)).items);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (enabled) void reload();
  }, [enabled, reload]);

  return { items, loading, error, reload };
}
