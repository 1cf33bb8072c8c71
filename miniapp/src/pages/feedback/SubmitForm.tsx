import { Input as NativeInput, Text, Textarea, View } from '@tarojs/components';
import { CONTENT_MAX, CONTENT_MIN, contentLength, visibleLength, type Campaign } from '@kaimen/shared';
import { Button, Input } from '../../ui';
import { ChoiceChips, type Choice } from './ChoiceChips';
import { UnitPicker } from './UnitPicker';
import type { Identity, useSuggestionForm } from './useSuggestionForm';

const identities: Choice<Identity>[] = [
  { value: 'anonymous', label: '匿名提交' },
  { value: 'named', label: '实名提交' },
];

function FieldError({ message, name }: { message?: string; name: string }) {
  return message ? <View className={`field-error field-error--${name}`}>{message}</View> : null;
}

type Form = ReturnType<typeof useSuggestionForm>;

/** The suggestion form: category, text with a live counter, anonymous or name + mobile, and a hidden honeypot. */
export function SubmitForm({ campaign, form }: { campaign: Campaign; form: Form }) {
  const { fields, set, errors, formError, busy, submit } = form;
  const length = contentLength(fields.content);
  const counterState = length > CONTENT_MAX ? 'over' : length > 0 && visibleLength(fields.content) < CONTENT_MIN ? 'short' : 'ok';

  return (
    <View className="suggestion-form">
      <View className="card">
        <View className="form-label">意见类别</View>
        <ChoiceChips
          className="category-options"
          options={campaign.categories.map((c) => ({ value: c.key, label: c.label }))}
          value={fields.category}
          onChange={(v) => set('category', v)}
          disabled={busy}
        />
        <FieldError name="category" message={errors.category} />
      </View>

      <View className="card">
        <View className="form-label">意见建议</View>
        <Textarea
          className="suggestion-content"
          aria-label="意见建议"
          value={fields.content}
          maxlength={-1}
          autoHeight
          placeholder={`请具体描述您遇到的问题或建议（${CONTENT_MIN}–${CONTENT_MAX} 字）`}
          disabled={busy}
          onInput={(e) => set('content', e.detail.value)}
        />
        <View className={`content-counter content-counter--${counterState}`}>
          {length}/{CONTENT_MAX}
        </View>
        <FieldError name="content" message={errors.content} />
        <View className="muted">请勿在正文中填写身份证号、手机号等个人信息，公开展示时会自动隐去。</View>
      </View>

      <UnitPicker campaignId={campaign.id} value={fields.orgId} onChange={(id) => set('orgId', id)} disabled={busy} error={errors.orgId} />

      <View className="card">
        <View className="form-label">提交方式</View>
        <ChoiceChips className="identity-options" options={identities} value={fields.identity} onChange={(v) => set('identity', v)} disabled={busy} />
        {fields.identity === 'named' ? (
          <View className="contact-fields">
            <Input className="contact-name" name="name" aria-label="姓名" placeholder="姓名" value={fields.name} maxLength={20} onChange={(v) => set('name', v)} />
            <FieldError name="name" message={errors.name} />
            <Input className="contact-phone" name="phone" aria-label="手机号码" type="number" placeholder="手机号码（11 位）" value={fields.phone} maxLength={11} onChange={(v) => set('phone', v)} />
            <FieldError name="phone" message={errors.phone} />
            <View className="muted">联系方式仅供工作人员回访使用，不会公开。</View>
          </View>
        ) : (
          <View className="muted">匿名提交不留联系方式，可凭查询码查看办理进度。</View>
        )}
        <FieldError name="contact" message={errors.contact} />
      </View>

      {/* Honeypot for bots: off screen, out of the tab order, never filled by people. */}
      <View className="website-field" aria-hidden="true">
        <Text>网站</Text>
        <NativeInput className="website-input" name="website" aria-hidden="true" value={fields.website} onInput={(e) => set('website', e.detail.value)} />
      </View>

      {formError ? <View className="field-error submit-error">{formError}</View> : null}
      <Button className="suggestion-submit" type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
        提交
      </Button>
    </View>
  );
}
