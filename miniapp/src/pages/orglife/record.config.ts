export default definePageConfig({ navigationBarTitleText: '登记组织生活' });
