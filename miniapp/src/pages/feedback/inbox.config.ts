export default definePageConfig({
  navigationBarTitleText: '意见收件箱',
});
