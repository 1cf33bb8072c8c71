export default definePageConfig({ navigationBarTitleText: '学习统计' });
