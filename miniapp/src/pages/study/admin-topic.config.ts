export default definePageConfig({ navigationBarTitleText: '编辑专题' });
