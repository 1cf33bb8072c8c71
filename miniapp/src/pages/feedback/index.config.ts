export default definePageConfig({
  navigationBarTitleText: '建言',
  enablePullDownRefresh: true,
  // A public page: WeChat 转发 and 朋友圈 (the card is set by useShare on the page).
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
