export default definePageConfig({
  navigationBarTitleText: '双人对战',
  enableShareAppMessage: true,
});
