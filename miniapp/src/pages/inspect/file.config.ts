export default definePageConfig({ navigationBarTitleText: '填报自查事项' });
