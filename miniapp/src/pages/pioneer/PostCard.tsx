import { pioneerRoutes } from '@kaimen/shared/pioneer/routes';
import { Image, Text, View } from '@tarojs/components';
import type { Infer } from '@kaimen/shared';

export type PublicPostView = Infer<typeof pioneerRoutes.publicPost.response>;

/** The card as the public sees it: photo, name, post, pledge and services (亮身份 · 亮承诺). */
export function PostCard({ post }: { post: PublicPostView }) {
  return (
    <View className="card pioneer-card">
      <View className="pioneer-card__head">
        {post.photoUrl ? <Image className="pioneer-card__photo" src={post.photoUrl} mode="aspectFill" /> : <View className="pioneer-card__photo pioneer-card__photo--empty">暂无照片</View>}
        <View>
          <View className="pioneer-card__name">{post.name}</View>
          <View className="pioneer-card__tags">
            <Text className="pioneer-badge">{post.kindLabel}</Text>
            <Text className="pioneer-badge pioneer-badge--light">{post.levelLabel}</Text>
          </View>
          <View className="pioneer-card__line">{post.window}</View>
          <View className="pioneer-card__line muted">{post.institutionName}</View>
          <View className="pioneer-card__line muted">
            群众评价：{post.ratings.average === null ? '暂无' : `${post.ratings.average} 星（${post.ratings.count} 人）`}
          </View>
        </View>
      </View>
      <View className="section-title">我的承诺</View>
      <Text className="pioneer-pledge">{post.pledge}</Text>
      <View className="section-title">服务项目</View>
      <View className="pioneer-services">
        {post.services.map((s) => <Text key={s} className="pioneer-service">{s}</Text>)}
      </View>
    </View>
  );
}
