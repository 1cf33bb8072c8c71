import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { questionTypeLabels, type AnswerVerdict, type GameQuestion } from '@kaimen/shared';
import { Button } from '../../ui';

/**
 * One game question. Single and judge answer on the tap; multiple choice needs 确定. Once a verdict
 * is in, the options show what was chosen, what was right (when the mode reveals it) and why.
 */
export function Question({ question, verdict, busy, onAnswer }: {
  question: GameQuestion;
  verdict?: AnswerVerdict | null;
  busy?: boolean;
  onAnswer: (letters: string[]) => void;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const locked = !!verdict || !!busy;
  const tap = (key: string) => {
    if (locked) return;
    if (question.type !== 'multiple') return onAnswer([key]);
    setChosen(chosen.includes(key) ? chosen.filter((k) => k !== key) : [...chosen, key].sort());
  };
  const mark = (key: string) => {
    if (!verdict) return chosen.includes(key) ? 'is-chosen' : '';
    if (verdict.correctAnswer?.includes(key)) return 'is-right';
    return verdict.yourAnswer.includes(key) ? 'is-wrong' : '';
  };
  return (
    <View className="game-question">
      <Text className="game-question__type">{questionTypeLabels[question.type]}{question.type === 'multiple' ? '（全部选对才算对）' : ''}</Text>
      <Text className="game-question__stem">{question.stem}</Text>
      {question.options.map((o) => (
        <View key={o.key} className={`game-option game-option-${o.key} ${mark(o.key)}`} role="button" aria-pressed={chosen.includes(o.key) || !!verdict?.yourAnswer.includes(o.key)} aria-disabled={locked} onClick={() => tap(o.key)}>
          {question.type === 'judge' ? null : <Text className="game-option__key">{o.key}</Text>}
          <Text className="game-option__text">{o.text}</Text>
        </View>
      ))}
      {question.type === 'multiple' && !verdict ? (
        <Button className="game-submit" type="primary" block disabled={chosen.length === 0 || busy} onClick={() => onAnswer(chosen)}>确定</Button>
      ) : null}
      {verdict ? (
        <View className={`game-verdict ${verdict.correct ? 'is-right' : 'is-wrong'}`}>
          <Text className="game-verdict__title">{verdict.correct ? '回答正确' : '回答错误'}</Text>
          {verdict.correctAnswer ? <Text className="game-verdict__answer">正确答案：{question.type === 'judge' ? question.options.filter((o) => verdict.correctAnswer!.includes(o.key)).map((o) => o.text).join('') : verdict.correctAnswer.join('')}</Text> : null}
          {verdict.explanation ? <Text className="game-verdict__why">解析：{verdict.explanation}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
