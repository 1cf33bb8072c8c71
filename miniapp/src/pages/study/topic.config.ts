export default definePageConfig({ navigationBarTitleText: '学习专题' });
