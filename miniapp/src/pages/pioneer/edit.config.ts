export default definePageConfig({ navigationBarTitleText: '亮身份 · 亮承诺' });
