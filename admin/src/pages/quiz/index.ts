import { createElement } from 'react';
import { FormOutlined } from '@ant-design/icons';
import type { ConsoleFeature } from '../types';

export const quiz: ConsoleFeature = {
  key: 'quiz',
  title: '题库与测试',
  icon: createElement(FormOutlined),
  access: 'secretary',
  routes: [
    { path: 'quiz', title: '题库', load: () => import('./BanksPage') },
    { path: 'quiz/banks/:bankId', title: '题目', load: () => import('./BankPage'), menu: false },
    { path: 'quiz/quizzes', title: '测试', load: () => import('./QuizzesPage'), menu: true },
  ],
};
