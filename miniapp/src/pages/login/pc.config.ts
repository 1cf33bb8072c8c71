export default definePageConfig({ navigationBarTitleText: '登录电脑端管理后台' });
