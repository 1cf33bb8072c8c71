export default definePageConfig({
  navigationBarTitleText: '题库与测试管理',
});
