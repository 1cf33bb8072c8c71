import { useCallback, useEffect, useState } from 'react';
import { App, Button, Collapse, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { routes, type TallyLessonView } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';

/** One lesson as an admin reads it: “转圈 = 超时” or “漏水 ≠ 温度”. */
function lessonText(l: TallyLessonView): string {
  return l.kind === 'synonym' ? l.terms.join(' = ') : `${l.terms.join('、')} ≠ ${(l.apartFrom ?? []).join('、')}`;
}

/**
 * What the tally learned from this bureau's merges and moves (applied in every later run of its
 * campaigns), each removable. `version` changes after an admin's merge or move, to read them again.
 */
export function TallyLessons({ campaignId, version }: { campaignId?: string; version: number }) {
  const { message } = App.useApp();
  const [lessons, setLessons] = useState<TallyLessonView[] | null>(null);

  const load = useCallback(async () => {
    if (!campaignId) return;
    try {
      setLessons((await call(routes.tallyLessons, { params: { campaignId } })).lessons);
    } catch (err) {
      message.error(errorMessage(err));
    }
  }, [campaignId, message]);

  useEffect(() => {
    setLessons(null);
    void load();
  }, [load, version]);

  const remove = async (lessonId: string) => {
    if (!campaignId) return;
    try {
      await call(routes.removeTallyLesson, { params: { campaignId, lessonId } });
      message.success('已删除，之后的归并不再使用这条规则');
      await load();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Collapse
      size="small"
      className="tally-lessons"
      style={{ marginTop: 16 }}
      items={[{
        key: 'lessons',
        label: `归并学到的规则（${lessons?.length ?? '…'} 条）`,
        children: lessons && lessons.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="合并事项或移动意见后，归并会记住这些说法，之后的意见自动归到一起" />
        ) : (
          <List<TallyLessonView>
            size="small"
            dataSource={lessons ?? []}
            renderItem={(l) => (
              <List.Item className="tally-lesson" actions={[
                <Popconfirm key="rm" title="删除这条规则？" okText="删除" cancelText="取消" onConfirm={() => void remove(l.id)}>
                  <Button type="link" size="small" danger className="tally-lesson-remove">删除</Button>
                </Popconfirm>,
              ]}>
                <Space>
                  <Tag color={l.kind === 'synonym' ? 'blue' : 'orange'}>{l.kind === 'synonym' ? '同义' : '分开'}</Tag>
                  <Typography.Text className="tally-lesson-text">{lessonText(l)}</Typography.Text>
                  <Typography.Text type="secondary">{l.source === 'merge' ? '来自合并' : '来自移动'} · {l.createdBy} · {l.createdAt.slice(0, 10)}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        ),
      }]}
    />
  );
}
