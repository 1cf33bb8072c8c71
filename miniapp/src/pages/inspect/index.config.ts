export default definePageConfig({ navigationBarTitleText: '自查事项报告' });
