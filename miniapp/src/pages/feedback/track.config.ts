export default definePageConfig({
  navigationBarTitleText: '查询办理进度',
  // A public page: WeChat 转发 and 朋友圈 (the card is set by useShare on the page).
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
