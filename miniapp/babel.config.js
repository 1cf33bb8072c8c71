// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    ['taro', {
      framework: 'react',
      ts: true,
      compiler: 'vite',
      // H5 is loaded as ES modules (<script type="module">): a browser that runs it at all has
      // classes, arrow functions, async/await and spread, so our code is not rewritten into ES5 (and
      // its helpers) for it. The mini-program keeps the package.json browserslist.
      ...(process.env.TARO_ENV === 'h5' ? { targets: { esmodules: true } } : {}),
    }],
  ],
};
