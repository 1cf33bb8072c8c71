// Taro's H5 dev server drops the first character of a tab icon path (it expects `./`);
// the mini-program wants paths from the package root.
const iconDir = process.env.TARO_ENV === 'h5' ? './assets/tab' : 'assets/tab';
const tab = (pagePath: string, text: string, icon: string) => ({
  pagePath,
  text,
  iconPath: `${iconDir}/${icon}.png`,
  selectedIconPath: `${iconDir}/${icon}-active.png`,
});

export default defineAppConfig({
  pages: [
    'pages/study/index',
    'pages/quiz/index',
    'pages/feedback/index',
    'pages/me/index',
    'pages/login/index',
    'pages/login/pc',
    'pages/feedback/campaign',
    'pages/feedback/submit',
    'pages/feedback/track',
    'pages/study/topic',
    'pages/study/lesson',
    'pages/study/archive',
    'pages/study/checkin',
    'pages/quiz/take',
    'pages/quiz/result',
  ],
  /**
   * The branch secretary's tools and the feature areas off the four tabs: sub-packages (a root equal to
   * the feature folder keeps every page path), so the weapp's main package stays under 1 MB and a member
   * downloads a feature when first opening it.
   */
  subPackages: [
    { root: 'pages/secretary', pages: ['index'] },
    { root: 'pages/checklist', pages: ['index'] },
    { root: 'pages/notify', pages: ['index', 'suggestions'] },
    { root: 'pages/games', pages: ['index', 'daily', 'challenge', 'duel', 'mistakes'] },
    { root: 'pages/orglife', pages: ['index', 'record', 'meeting', 'checkin', 'mine'] },
    { root: 'pages/inspect', pages: ['index', 'file'] },
    { root: 'pages/pioneer', pages: ['edit', 'card', 'list'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '开门',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      tab('pages/study/index', '学习', 'study'),
      tab('pages/quiz/index', '测试', 'quiz'),
      tab('pages/feedback/index', '建言', 'feedback'),
      tab('pages/me/index', '我的', 'me'),
    ],
  },
});
