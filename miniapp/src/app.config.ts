const tab = (pagePath: string, text: string, icon: string) => ({
  pagePath,
  text,
  iconPath: `assets/tab/${icon}.png`,
  selectedIconPath: `assets/tab/${icon}-active.png`,
});

export default defineAppConfig({
  pages: [
    'pages/study/index',
    'pages/quiz/index',
    'pages/feedback/index',
    'pages/me/index',
    'pages/login/index',
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '开门',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
  tabBar: {
    color: '#8a8a8a',
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
