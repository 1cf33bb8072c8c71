import { Text, View } from '@tarojs/components';
import type { AttemptStarted } from '@kaimen/shared';
import { typeLabels } from './format';

type Question = AttemptStarted['questions'][number];

/** One question: single and judge take one option, multiple any number. */
export function QuestionView({ question, chosen, onChoose }: { question: Question; chosen: string[]; onChoose: (letters: string[]) => void }) {
  const toggle = (key: string) => {
    if (question.type !== 'multiple') return onChoose([key]);
    onChoose(chosen.includes(key) ? chosen.filter((k) => k !== key) : [...chosen, key].sort());
  };
  return (
    <View className="quiz-question">
      <View className="quiz-question__type">
        {typeLabels[question.type]} · {question.points} 分{question.type === 'multiple' ? '（多选，全部选对才得分）' : ''}
      </View>
      <Text className="quiz-question__stem">{question.stem}</Text>
      <View className="quiz-options" role={question.type === 'multiple' ? 'group' : 'radiogroup'}>
        {question.options.map((o) => (
          <View
            key={o.key}
            className={`quiz-option quiz-option-${o.key} ${chosen.includes(o.key) ? 'is-chosen' : ''} ${question.type === 'multiple' ? 'is-multiple' : ''}`}
            onClick={() => toggle(o.key)}
            role={question.type === 'multiple' ? 'checkbox' : 'radio'}
            aria-checked={chosen.includes(o.key)}
          >
            {question.type === 'judge' ? null : <Text className="quiz-option__key">{o.key}</Text>}
            <Text className="quiz-option__text">{o.text}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
