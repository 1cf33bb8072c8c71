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

interface Window {
  __KAIMEN_CONFIG__?: KaimenRuntimeConfig;
}

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'h5';
  }
}
