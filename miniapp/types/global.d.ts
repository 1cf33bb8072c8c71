/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.scss';
declare module '*.css';

/** The API's base URL baked in at build time from API_URL (config/index.ts, defineConstants). */
declare const KAIMEN_API_URL: string;

/** Set by /kaimen-config.js, which index.html loads before the app (H5 only). */
interface KaimenRuntimeConfig {
  apiUrl?: string;
}

/** An API answer index.html asked for before the app ran (config/h5-chunks.ts); null when it failed. */
interface Prefetched {
  status: number;
  text: string;
}

interface Window {
  __KAIMEN_CONFIG__?: KaimenRuntimeConfig;
  /** By request URL: the first API answers of the page opened (H5 only). */
  __KAIMEN_PREFETCH__?: Record<string, Promise<Prefetched | null>>;
}

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'h5';
  }
}
