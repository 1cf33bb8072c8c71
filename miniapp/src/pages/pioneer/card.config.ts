export default definePageConfig({
  navigationBarTitleText: '党员先锋岗',
  // A public page (the 岗牌's QR code opens it): WeChat 转发 and 朋友圈.
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
