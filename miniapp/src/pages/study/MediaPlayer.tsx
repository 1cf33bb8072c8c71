import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Video } from '../../ui/taro/Video';
import Taro from '@tarojs/taro';
import { Button } from '../../ui';

interface Props {
  lessonId: string;
  title: string;
  kind: 'audio' | 'video';
  src?: string;
  startAt: number;
  onPlaying: (playing: boolean) => void;
  onPosition: (seconds: number) => void;
  onEnded: () => void;
}

const positionKey = (id: string) => `kaimen.study.position.${id}`;

/** Where the member left off: this device's memory or the server's, whichever is further. */
export function resumePosition(lessonId: string, server: number): number {
  let local = 0;
  try {
    local = Number(Taro.getStorageSync(positionKey(lessonId))) || 0;
  } catch {
    local = 0;
  }
  return Math.max(local, server);
}

function remember(lessonId: string, seconds: number): void {
  try {
    Taro.setStorageSync(positionKey(lessonId), Math.floor(seconds));
  } catch {
    // storage full: the server still has the position
  }
}

/** Audio: the background audio manager in the mini-program (keeps playing with the screen off), an audio element in H5. Video: Taro's Video. */
export function MediaPlayer({ lessonId, title, kind, src, startAt, onPlaying, onPosition, onEnded }: Props) {
  const [playing, setPlaying] = useState(false);
  const handlers = useRef({ onPlaying, onPosition, onEnded });
  handlers.current = { onPlaying, onPosition, onEnded };

  const position = (s: number) => {
    handlers.current.onPosition(s);
    remember(lessonId, s);
  };
  const play = (p: boolean) => {
    setPlaying(p);
    handlers.current.onPlaying(p);
  };

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp' || kind !== 'audio' || !src) return undefined;
    const bg = Taro.getBackgroundAudioManager();
    bg.onPlay(() => play(true));
    bg.onPause(() => play(false));
    bg.onStop(() => play(false));
    bg.onEnded(() => {
      play(false);
      handlers.current.onEnded();
    });
    bg.onTimeUpdate(() => position(bg.currentTime));
    return () => {
      // The background manager keeps playing when the member leaves the page; we only stop counting here.
      handlers.current.onPlaying(false);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, src]);

  if (!src) {
    return (
      <View className="card media-missing">
        <Text className="muted">{kind === 'audio' ? '本课暂无音频文件（演示数据），' : '本课暂无视频文件（演示数据），'}请阅读下方的学习提示。</Text>
      </View>
    );
  }

  if (kind === 'video') {
    return (
      <Video
        className="lesson-video"
        src={src}
        initialTime={startAt}
        controls
        onPlay={() => play(true)}
        onPause={() => play(false)}
        onEnded={() => {
          play(false);
          handlers.current.onEnded();
        }}
        onTimeUpdate={(e) => position(e.detail.currentTime)}
      />
    );
  }

  if (process.env.TARO_ENV === 'weapp') {
    const toggle = () => {
      const bg = Taro.getBackgroundAudioManager();
      if (playing) bg.pause();
      else if (bg.src === src) bg.play();
      else {
        bg.title = title;
        bg.startTime = startAt;
        bg.src = src;
      }
    };
    return (
      <View className="card lesson-audio">
        <Button className="lesson-audio-toggle" type="primary" onClick={toggle}>{playing ? '暂停' : '播放'}</Button>
      </View>
    );
  }

  return (
    <View className="card lesson-audio">
      <audio
        className="lesson-audio-element"
        src={src}
        controls
        preload="metadata"
        onLoadedMetadata={(e) => {
          if (startAt > 0) e.currentTarget.currentTime = startAt;
        }}
        onPlay={() => play(true)}
        onPause={() => play(false)}
        onEnded={() => {
          play(false);
          handlers.current.onEnded();
        }}
        onTimeUpdate={(e) => position(e.currentTarget.currentTime)}
      />
    </View>
  );
}
