export default definePageConfig({
  navigationBarTitleText: '意见统计',
});
