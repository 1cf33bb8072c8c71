export default definePageConfig({
  navigationBarTitleText: '建言',
  enablePullDownRefresh: true,
});
